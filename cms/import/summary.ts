// The import check as plain Chinese text, for the command line (and logs that must not hold raw data:
// it contains counts, masked names and messages only).
import { fmtInt } from './limits'
import { FORMAT_LABELS, type TableFormat } from './openTable'
import type { ImportPreview } from './service'

const yuan = (n: number) => n.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 })

export function formatPreview(p: ImportPreview): string {
  const out: string[] = []
  const c = p.counts
  const format = p.file.format ? FORMAT_LABELS[p.file.format as TableFormat] : '未能识别'
  out.push(`文件：${p.file.name}（${format}${p.file.encoding ? `，${p.file.encoding}` : ''}${p.file.sheet ? `，工作表“${p.file.sheet}”` : ''}）`)
  if (p.context.title) out.push(`名单：${p.context.title}（${p.context.programme}，${p.context.region}，${p.context.month}）`)
  else if (p.context.notice) out.push(`公示：${p.context.notice}`)
  if (p.context.cap) out.push(`金额上限：${p.context.cap}`)
  for (const n of p.notes) out.push(`· ${n}`)
  if (p.header) out.push(`列对应（第 ${p.header.rowNumber} 行为表头）：${p.header.mapping.map((m) => `${m.label}←${m.column}列“${m.header}”`).join('；')}`)
  if (c.dataRows) {
    out.push(`数据行 ${fmtInt(c.dataRows)}，无误 ${fmtInt(c.validRows)} 户、${fmtInt(c.persons)} 人、${yuan(c.amount)} 元；有错误的行 ${fmtInt(c.badRows)}。`)
  }
  if (p.changes) {
    const ch = p.changes
    out.push(
      `与 ${ch.previousMonth} 相比：新增 ${ch.added.households} 户 ${ch.added.persons} 人，停保 ${ch.stopped.households} 户 ${ch.stopped.persons} 人，增标 ${ch.increased.households} 户，减标 ${ch.decreased.households} 户，金额 ${ch.amountDelta >= 0 ? '+' : '−'}${yuan(Math.abs(ch.amountDelta))} 元。`,
    )
  }
  const errors = p.issues.filter((i) => i.severity === 'error')
  const warnings = p.issues.filter((i) => i.severity === 'warning')
  const where = (i: (typeof p.issues)[number]) =>
    [i.row ? `第 ${i.row} 行` : '', i.column ? `${i.column} 列${i.header ? `（${i.header}）` : ''}` : ''].filter(Boolean).join(' ') || '整个文件'
  if (errors.length) {
    out.push('', `错误 ${fmtInt(c.errors)} 个：`)
    for (const i of errors) out.push(`  ${where(i)}：${i.message}`)
  }
  if (warnings.length) {
    out.push('', `提醒 ${fmtInt(c.warnings)} 个：`)
    for (const i of warnings) out.push(`  ${where(i)}：${i.message}`)
  }
  if (p.issuesTruncated) out.push(`（只列出前 ${p.issues.length} 条，共 ${fmtInt(p.issueCount)} 条）`)
  if (p.preview.length) {
    out.push('', '公开时的样子（前 5 户）：')
    for (const r of p.preview.slice(0, 5)) out.push(`  ${r.no}. ${r.name}  ${r.householdSize}人  ${r.amount === null ? '—' : `${yuan(r.amount)}元`}  ${r.category ?? ''}  ${r.village}`)
  }
  return out.join('\n')
}
