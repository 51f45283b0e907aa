// Text normalisation shared by ID checks, masking and the PII detector.
// Every mapping here turns ONE UTF-16 code unit into ONE code unit, so indices into the normalised
// text are indices into the original text (the PII detector relies on this).

/** Full-width ASCII (U+FF01–U+FF5E) → ASCII, ideographic space → space. */
export function toHalfWidth(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0)
    else if (c === 0x3000) out += ' '
    else out += s[i]
  }
  return out
}

/** Characters people use for the minority-name separator (间隔号); normalised to U+00B7 '·'. */
export const NAME_SEPARATORS = '·•・‧･⋅∙⸱．.'

/** Dash-like characters normalised to ASCII '-'. */
const DASHES = '‐‑‒–—―−﹣－'
const SPACES = '\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t'

/**
 * Canonical form for scanning: full-width → half-width, odd spaces → ' ', dashes → '-',
 * name separators (except '.') → '·'. Same length as the input, index for index.
 */
export function normaliseForScan(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]
    const c = s.charCodeAt(i)
    if (SPACES.includes(ch)) out += ' '
    else if (DASHES.includes(ch)) out += '-'
    else if (ch !== '.' && ch !== '．' && NAME_SEPARATORS.includes(ch)) out += '·'
    else if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0)
    else out += ch
  }
  return out
}

/** Split into user-perceived characters (𠮷 and variation sequences count as one). */
const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'grapheme' }) : undefined

// Surrogates, combining marks, variation selectors, ZWJ, Hangul jamo: only then is segmentation needed.
const NEEDS_SEGMENTER = /[\uD800-\uDFFF\u0300-\u036F\u1100-\u11FF\u1AB0-\u1AFF\u1DC0-\u1DFF\u200C\u200D\u20D0-\u20FF\uFE00-\uFE0F\uFE20-\uFE2F]/

export function graphemes(s: string): string[] {
  if (!NEEDS_SEGMENTER.test(s)) return s.split('')
  if (segmenter) return Array.from(segmenter.segment(s), (x) => x.segment)
  return Array.from(s)
}
