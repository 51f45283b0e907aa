/** CSV for Excel users in China: UTF-8 with BOM (or Excel shows 乱码), CRLF line ends. */
export const BOM = '\uFEFF'

export type Cell = string | number | boolean | null | undefined

export function csvCell(v: Cell): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  // A text cell starting with = + - @ would run as a formula in a spreadsheet.
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
  // Codes, dates and months are text: quoted (no apostrophe added), and typed in datapackage.json (issue 15).
  return /[",\r\n]/.test(s) || /^\d[\d\-/.:]*$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function toCsv(header: string[], rows: Iterable<Cell[]>): string {
  const lines = [header.map(csvCell).join(',')]
  for (const r of rows) lines.push(r.map(csvCell).join(','))
  return BOM + lines.join('\r\n') + '\r\n'
}
