// 审计日志 to Excel: the entries the person may read (admins), in words (readableAudit.ts).
import type { PayloadRequest, Where } from 'payload'
import { nowIso } from '../domain/clock'
import { addDays, chinaDateTime } from '../domain/dates'
import { auditTargetTitles, readableAuditEntry } from './readableAudit'
import { sheetWorkbook } from './workbook'

const chinaDayStart = (d: string) => new Date(Date.parse(`${d}T00:00:00.000+08:00`)).toISOString()
const MAX = 100_000

export async function auditLogWorkbook(req: PayloadRequest, ask: { from?: string | null; to?: string | null }): Promise<{ body: Buffer; count: number }> {
  const and: Where[] = []
  if (ask.from) and.push({ at: { greater_than_equal: chinaDayStart(ask.from) } })
  if (ask.to) and.push({ at: { less_than: chinaDayStart(addDays(ask.to, 1)) } })
  const { docs } = (await req.payload.find({
    collection: 'audit-log',
    where: and.length ? { and } : undefined,
    limit: MAX,
    depth: 0,
    sort: '-at',
    // The stored columns only: the list's virtual ones (record titles) are looked up in bulk below.
    select: { at: true, action: true, targetCollection: true, targetId: true, actorName: true, ip: true, summary: true, reason: true },
    overrideAccess: false,
    user: req.user,
    context: { skipAudit: true },
    req,
  })) as unknown as { docs: Record<string, unknown>[] }
  const titles = await auditTargetTitles(req, docs)
  const rows = docs.map((e) => readableAuditEntry(req, e, titles))
  type R = (typeof rows)[number]
  const body = await sheetWorkbook<R>({
    name: '审计日志',
    title: `审计日志${ask.from || ask.to ? `（${ask.from ?? '最早'} 至 ${ask.to ?? '今天'}）` : ''}，共 ${rows.length} 条，导出于 ${chinaDateTime(nowIso())}（北京时间）`,
    columns: [
      { header: '时间（北京时间）', width: 17, value: (r) => r.at },
      { header: '操作', width: 10, value: (r) => r.action },
      { header: '对象类型', width: 16, value: (r) => r.collection },
      { header: '对象', width: 30, value: (r) => r.record },
      { header: '操作人', width: 16, value: (r) => r.actor },
      { header: '来源地址', width: 16, value: (r) => r.ip },
      { header: '摘要', width: 50, value: (r) => r.summary },
      { header: '理由', width: 30, value: (r) => r.reason },
    ],
    rows,
  })
  return { body, count: rows.length }
}
