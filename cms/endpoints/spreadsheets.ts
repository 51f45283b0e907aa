// GET endpoints that download staff exports as .xlsx (cms/spreadsheets/): 信访台账, a month's recipient
// lists, the audit log. Each reads with the caller's own access (collection rules and region scope),
// answers refusals in Chinese, and writes an 导出 entry to the audit log.
import type { Endpoint, PayloadRequest } from 'payload'
import { isStaffUser } from '../access/roles'
import { isIsoDate, isIsoMonth } from '../domain/dates'
import { writeAudit } from '../hooks/audit'
import { complaintLedger } from '../spreadsheets/complaintLedger'
import { monthListsWorkbook } from '../spreadsheets/monthLists'
import { auditLogWorkbook } from '../spreadsheets/auditLogExport'
import { xlsxResponse } from '../spreadsheets/workbook'

const noStore = { 'cache-control': 'no-store' }
const refuse = (error: string, status = 400) => Response.json({ errors: [{ message: error }], error }, { status, headers: noStore })

/** The optional 起止日期 of an export (YYYY-MM-DD, China days), or the Chinese refusal. */
function dateRange(req: PayloadRequest): { from: string | null; to: string | null } | Response {
  const from = req.searchParams.get('from') || null
  const to = req.searchParams.get('to') || null
  for (const [v, what] of [[from, '起始日期'], [to, '截止日期']] as const) {
    if (v && !isIsoDate(v)) return refuse(`${what}“${String(v).slice(0, 20)}”格式不对，应为 YYYY-MM-DD，例如 2026-12-01。`)
  }
  if (from && to && from > to) return refuse(`起始日期 ${from} 晚于截止日期 ${to}，请调换后重试。`)
  return { from, to }
}

/** Signed-in staff only; the collection's read rule then decides (Payload answers 403 as Forbidden). */
function staffOnly(req: PayloadRequest): Response | null {
  if (!req.user) return refuse('请先登录管理后台。', 401)
  if (!isStaffUser(req.user)) return refuse('只有工作人员可以导出。', 403)
  return null
}

const forbidden = (err: unknown, what: string): Response | null =>
  (err as { status?: number }).status === 403 ? refuse(`您的账号没有${what}的权限。如需导出，请联系管理员。`, 403) : null

/** GET /api/complaints/export-ledger[?from=&to=&identity=1] */
export const complaintLedgerEndpoint: Endpoint = {
  path: '/export-ledger',
  method: 'get',
  handler: async (req) => {
    const denied = staffOnly(req)
    if (denied) return denied
    const range = dateRange(req)
    if (range instanceof Response) return range
    try {
      const { body, count, identity } = await complaintLedger(req, { ...range, identity: req.searchParams.get('identity') === '1' })
      await writeAudit(req, { action: 'export', collection: 'complaints', summary: `导出信访台账 ${count} 条（${identity ? '含反映人身份' : '不含反映人身份'}）${range.from || range.to ? `，收到日期 ${range.from ?? '最早'} 至 ${range.to ?? '今天'}` : ''}` })
      return xlsxResponse(body, 'complaint-ledger.xlsx', '信访台账.xlsx')
    } catch (err) {
      const f = forbidden(err, '查看投诉举报')
      if (f) return f
      throw err
    }
  },
}

/** GET /api/recipient-lists/export-month?month=YYYY-MM[&programme=id&full=1] */
export const monthListsEndpoint: Endpoint = {
  path: '/export-month',
  method: 'get',
  handler: async (req) => {
    const denied = staffOnly(req)
    if (denied) return denied
    const month = req.searchParams.get('month') ?? ''
    if (!isIsoMonth(month)) return refuse(`请选择要导出的月份（格式 YYYY-MM，例如 2026-11）${month ? `，收到的是“${String(month).slice(0, 20)}”` : ''}。`)
    const programme = req.searchParams.get('programme') || null
    try {
      const r = await monthListsWorkbook(req, { month, programme, fullIdNumbers: req.searchParams.get('full') === '1' })
      const ids = r.idNumbers === 'full' ? '含完整身份证号' : r.idNumbers === 'masked' ? '身份证号已遮蔽' : '不含身份证号'
      await writeAudit(req, { action: 'export', collection: 'recipient-lists', summary: `导出 ${month} 救助名单 ${r.lists} 份 ${r.rows} 户（${ids}）` })
      return xlsxResponse(r.body, `recipient-lists-${month}.xlsx`, `${month}救助名单.xlsx`)
    } catch (err) {
      const f = forbidden(err, '查看名单')
      if (f) return f
      throw err
    }
  },
}

/** GET /api/audit-log/export[?from=&to=] */
export const auditLogExportEndpoint: Endpoint = {
  path: '/export',
  method: 'get',
  handler: async (req) => {
    const denied = staffOnly(req)
    if (denied) return denied
    const range = dateRange(req)
    if (range instanceof Response) return range
    try {
      const { body, count } = await auditLogWorkbook(req, range)
      await writeAudit(req, { action: 'export', collection: 'audit-log', summary: `导出审计日志 ${count} 条${range.from || range.to ? `（${range.from ?? '最早'} 至 ${range.to ?? '今天'}）` : ''}` })
      return xlsxResponse(body, 'audit-log.xlsx', '审计日志.xlsx')
    } catch (err) {
      const f = forbidden(err, '查看审计日志')
      if (f) return f
      throw err
    }
  },
}
