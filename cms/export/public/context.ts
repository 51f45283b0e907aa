// What every projection is given besides its document: the release day, the disclosure rules, and
// lookups of the codes and titles that documents reference by id. The export builds it from the
// database, the save-time privacy check from the document being saved, the test fixture from
// synthetic data. Projections import only cms/domain and the snapshot schema types.
import { dayOfStored } from '../../domain/dates'
import type { DisclosureRules } from '../../domain/disclosure'

export type ProgrammeRef = { code: string; publicityRequired: boolean }

export type ProjectionContext = {
  /** The day the release describes. */
  asOf: string
  rules: DisclosureRules
  programme: (ref: unknown) => ProgrammeRef | null
  regionCode: (ref: unknown) => string | null
  /** A policy the public can see (published, exported), or null: links go only there. */
  policy: (ref: unknown) => { id: string; title: string } | null
  /** Rich text → sanitised public HTML (cms/export/richText.ts in the export). */
  richTextHtml: (value: unknown) => string
}

/** The id of a relationship value, populated or not. */
export function idOf(v: unknown): string | null {
  if (v && typeof v === 'object') {
    const id = (v as { id?: unknown }).id
    return id === undefined || id === null ? null : String(id)
  }
  return v === undefined || v === null || v === '' ? null : String(v)
}

/** Calendar day in China of a stored date (a day picked in the admin is stored as a UTC instant). */
export const dayOf = (v: unknown): string | null => dayOfStored(v)

export const textOrNull = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null)

/** Public change notes ("2026年3月1日 更新了申请材料清单"); internal remarks never leave the CMS. */
export const changeNotesOf = (notes: ReadonlyArray<{ on?: string | null; note?: string | null }> | null | undefined) =>
  (notes ?? []).filter((n) => n.on && n.note && dayOf(n.on)).map((n) => ({ on: dayOf(n.on)!, note: n.note!.trim() }))

/** Chinese names of a projection's public fields: the save-time check names the field it refuses. */
export type FieldLabels<T> = { readonly [K in keyof T]-?: string }
