// 信访台账: the complaints a person may read (complaint officers and admins), in their region scope,
// as one .xlsx line each — received, category, deadlines, status, outcome, dates. The reporter's
// identity (and the content, which often names them) only on request by a role that may see it.
import type { PayloadRequest, Where } from 'payload'
import { hasRole } from '../access/roles'
import { regionScopeWhere } from '../access/regionScope'
import { loadWorkCalendar } from '../calendar/workCalendar'
import { deskFacts } from '../complaints/desk'
import { KIND_OPTIONS } from '../complaints/submission'
import { statusLabel } from '../complaints/workflow'
import { nowIso, today as clockToday } from '../domain/clock'
import { deadlineBadge } from '../domain/complaintDeadlines'
import { addDays, chinaDate, chinaDateTime, dayOfStored } from '../domain/dates'
import { idOf, labelsById } from './labels'
import { sheetWorkbook, type Column } from './workbook'

type Doc = Record<string, unknown>
const SOURCES: Record<string, string> = { online: '网上提交', phone: '电话', counter: '来访（窗口）' }
const kindLabel = (k: unknown) => KIND_OPTIONS.find((o) => o.value === k)?.label ?? String(k ?? '')
const when = (v: unknown) => (v ? chinaDateTime(String(v)) : '')
/** The instant a China day begins, as stored (UTC ISO). */
const chinaDayStart = (d: string) => new Date(Date.parse(`${d}T00:00:00.000+08:00`)).toISOString()
const day = (v: unknown) => (v ? (dayOfStored(v) ?? '') : '')

/** Who may put the reporter's identity into a ledger: those who may read it in the admin. */
export const mayExportReporterIdentity = (user: PayloadRequest['user']) => hasRole(user, 'admin', 'complaintOfficer')

export type LedgerRequest = { from?: string | null; to?: string | null; identity?: boolean }

export async function complaintLedger(req: PayloadRequest, ask: LedgerRequest): Promise<{ body: Buffer; count: number; identity: boolean }> {
  const identity = Boolean(ask.identity) && mayExportReporterIdentity(req.user)
  const and: Where[] = []
  const scope = await regionScopeWhere(req)
  if (scope !== true) and.push(scope === false ? { id: { equals: '__none__' } } : scope)
  if (ask.from) and.push({ receivedAt: { greater_than_equal: chinaDayStart(ask.from) } })
  if (ask.to) and.push({ receivedAt: { less_than: chinaDayStart(addDays(ask.to, 1)) } })
  // The caller's own access: the collection's rules decide whether they may read complaints at all.
  const { docs } = (await req.payload.find({
    collection: 'complaints',
    where: and.length ? { and } : undefined,
    pagination: false,
    depth: 0,
    sort: 'receivedAt',
    overrideAccess: false,
    user: req.user,
    context: { skipAudit: true },
    req,
  })) as unknown as { docs: Doc[] }
  const [categories, regions, users] = await Promise.all([
    labelsById(req, 'complaint-categories', docs.map((d) => d.category), 'label'),
    labelsById(req, 'regions', docs.map((d) => d.region), 'name'),
    labelsById(req, 'users', docs.map((d) => d.assignedTo), 'name'),
  ])
  const cal = await loadWorkCalendar(req.payload, req)
  const today = clockToday()
  const columns: Column<Doc>[] = [
    { header: '查询码', width: 16, value: (d) => String(d.trackingCode ?? '') },
    { header: '收到日期', width: 12, value: (d) => (d.receivedAt ? chinaDate(String(d.receivedAt)) : '') },
    { header: '类型', value: (d) => kindLabel(d.kind) },
    { header: '类别', width: 16, value: (d) => categories.get(idOf(d.category) ?? '') ?? '' },
    { header: '来源', value: (d) => SOURCES[String(d.source)] ?? '' },
    { header: '涉及地区', width: 14, value: (d) => regions.get(idOf(d.region) ?? '') ?? '' },
    { header: '办理状态', value: (d) => statusLabel(String(d.status ?? 'received')) },
    { header: '告知受理期限', width: 14, value: (d) => `${day(d.acknowledgeDue)}${d.acknowledgeDueProvisional ? '（暂定）' : ''}` },
    { header: '办结期限', width: 14, value: (d) => `${day(d.resolveDue)}${d.resolveDueProvisional ? '（暂定）' : ''}` },
    { header: '期限情况', width: 22, value: (d) => deadlineBadge(cal, deskFacts(d), today) },
    { header: '是否延期', value: (d) => (d.extended ? `是：${String(d.extensionReason ?? '')}` : '否') },
    { header: '承办人', value: (d) => users.get(idOf(d.assignedTo) ?? '') ?? '' },
    { header: '受理告知时间', width: 17, value: (d) => when(d.acknowledgedAt) },
    { header: '答复时间', width: 17, value: (d) => when(d.answeredAt) },
    { header: '办结时间', width: 17, value: (d) => when(d.closedAt) },
    { header: '不予受理或转办理由', width: 24, value: (d) => String(d.statusReason ?? '') },
    { header: '答复内容', width: 40, value: (d) => String(d.publicReply ?? '') },
    { header: '群众评价', value: (d) => (d.feedbackSatisfied === 'yes' ? '问题已解决' : d.feedbackSatisfied === 'no' ? '问题未解决' : '') },
  ]
  if (identity) {
    columns.push(
      { header: '反映人', value: (d) => (d.anonymous ? '匿名' : String(d.reporterName ?? '')) },
      { header: '联系电话', width: 14, value: (d) => (d.anonymous ? '' : String(d.reporterPhone ?? '')) },
      { header: '反映内容', width: 50, value: (d) => String(d.content ?? '') },
    )
  }
  const range = ask.from || ask.to ? `（收到日期 ${ask.from ?? '最早'} 至 ${ask.to ?? '今天'}）` : ''
  const body = await sheetWorkbook({
    name: '信访台账',
    title: `信访台账${range}，导出于 ${chinaDateTime(nowIso())}${identity ? '。含反映人身份，严格保密，不得外传' : '。不含反映人身份'}`,
    columns,
    rows: docs,
  })
  return { body, count: docs.length, identity }
}
