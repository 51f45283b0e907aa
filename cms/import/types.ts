// Shared shapes of the import pipeline: bytes → sheet rows → header/mapping → validated rows.

/** The columns an import understands. `no` and `township` are read only to help (序号 is renumbered). */
export type FieldKey = 'no' | 'headName' | 'idNumber' | 'householdSize' | 'amount' | 'village' | 'township' | 'category'

export const FIELD_LABELS: Record<FieldKey, string> = {
  no: '序号',
  headName: '户主姓名',
  idNumber: '身份证号',
  householdSize: '保障人数',
  amount: '金额',
  village: '村（社区）',
  township: '乡镇（街道）',
  category: '类别/档次',
}

/** A formula cell: never evaluated, never imported; `cached` is what Excel last showed. */
export type FormulaCell = { kind: 'formula'; fn: string; cached: string | number | boolean | null }
/** An error value such as #N/A or #REF!. */
export type ErrorCell = { kind: 'error'; code: string }
/** A cell longer than the limit; its text is not kept. */
export type LongCell = { kind: 'tooLong'; length: number }
export type CellValue = string | number | boolean | null | FormulaCell | ErrorCell | LongCell

/** One spreadsheet row; `r` is the row number as Excel shows it (1-based), cells by column (0 = A). */
export type SheetRow = { r: number; cells: CellValue[]; hidden?: boolean }
/** A merged range, rows 1-based, columns 0-based, inclusive. */
export type MergeRange = { r1: number; c1: number; r2: number; c2: number }

export type SheetData = {
  name: string
  hidden: boolean
  rows: SheetRow[]
  merges: MergeRange[]
  /** Columns beyond the limit were dropped. */
  droppedColumns: boolean
}

export type IssueSeverity = 'error' | 'warning'
/**
 * `file` errors (no header, a required column missing, duplicate headers …) block every import;
 * `row` errors block only until the editor chooses to leave the bad rows out.
 */
export type ImportIssue = {
  severity: IssueSeverity
  scope: 'file' | 'row'
  code: string
  message: string
  row?: number
  column?: string
  field?: FieldKey
  header?: string
}

/** A problem with the file itself (unreadable, too big, wrong type): nothing further can be checked. */
export class ImportFileError extends Error {
  readonly code: string
  readonly status: number
  constructor(code: string, message: string, status = 422) {
    super(message)
    this.name = 'ImportFileError'
    this.code = code
    this.status = status
  }
}

/** "A", "B", … "Z", "AA" for a 0-based column index. */
export function columnLetter(c: number): string {
  let s = ''
  let n = c + 1
  while (n > 0) {
    const m = (n - 1) % 26
    s = String.fromCharCode(65 + m) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

/** 0-based column index of "A", "AB" …; -1 when not letters. */
export function columnIndex(letters: string): number {
  let n = 0
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i)
    if (c < 65 || c > 90) return -1
    n = n * 26 + (c - 64)
  }
  return n - 1
}

export const isFormula = (v: CellValue): v is FormulaCell => typeof v === 'object' && v !== null && v.kind === 'formula'
export const isErrorCell = (v: CellValue): v is ErrorCell => typeof v === 'object' && v !== null && v.kind === 'error'
export const isLongCell = (v: CellValue): v is LongCell => typeof v === 'object' && v !== null && v.kind === 'tooLong'

/** The plain text of a cell for header matching and messages (formulas and errors give ''). */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : ''
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE'
  return ''
}
