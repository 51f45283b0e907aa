// The downloadable error report: every issue, one per line, as CSV with a UTF-8 BOM so that Excel
// on Chinese Windows opens it with the right characters. Cells that a spreadsheet would run as a
// formula are defused with a leading apostrophe.
import type { ImportIssue } from './types'

const HEADER = ['行号', '列', '表头', '问题类型', '说明（如何修改）', '代码']

function csvCell(value: string | number | undefined): string {
  let s = value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function issuesToCsv(issues: ImportIssue[], meta: { fileName?: string } = {}): string {
  const lines = [HEADER.map(csvCell).join(',')]
  const sorted = [...issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.column ?? '').localeCompare(b.column ?? ''))
  for (const i of sorted) {
    lines.push(
      [i.row ?? '', i.column ?? '', i.header ?? '', i.severity === 'error' ? (i.scope === 'file' ? '错误（整个文件）' : '错误') : '提醒', i.message, i.code].map((v) => csvCell(v === '' ? undefined : v)).join(','),
    )
  }
  if (meta.fileName) lines.push('', csvCell(`文件：${meta.fileName}；共 ${issues.filter((i) => i.severity === 'error').length} 个错误、${issues.filter((i) => i.severity === 'warning').length} 个提醒`))
  return `\ufeff${lines.join('\r\n')}\r\n`
}
