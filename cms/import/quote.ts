// Quoting what a file says back to the person who uploaded it (messages, the preview, the error
// report, the command line): every quoted cell goes through the PII detector first, so a phone or ID
// number typed into the wrong column is never repeated. Long digit runs count too, whatever the
// detector makes of them (a mistyped ID is still someone's ID).
import { findPii } from '../domain/pii'

export const HIDDEN_PII = '（疑似个人信息，已隐去）'

const LONG_DIGITS = /[0-9０-９][0-9０-９\s-]{5,}[0-9０-９]/

/** True when the text looks like personal data and must not be quoted. */
export function looksPersonal(text: string, today?: string): boolean {
  return LONG_DIGITS.test(text) || findPii(text, today ? { today } : {}).length > 0
}

/** The text as it may be quoted: shortened to `max` characters, or the placeholder. */
export function quoteCell(text: string, opts: { max?: number; today?: string } = {}): string {
  const max = opts.max ?? 20
  const t = text.trim()
  if (looksPersonal(t, opts.today)) return HIDDEN_PII
  return [...t].length > max ? `${[...t].slice(0, max).join('')}…` : t
}
