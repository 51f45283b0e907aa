// A month's recipient lists as the person may see them: the lists and rows their region scope and
// role let them read (the collections' own access, overrideAccess off), names as the rows give them
// to that role (complaint officers get masked names), and ID numbers only for roles that may read
// them — masked (6+4) unless they ask for the full number.
import type { PayloadRequest, Where } from 'payload'
import { hasRole } from '../access/roles'
import { nowIso } from '../domain/clock'
import { chinaDateTime } from '../domain/dates'
import { maskIdNumber } from '../domain/masking'
import { idOf, labelsById } from './labels'
import { sheetWorkbook, type Column } from './workbook'

type Doc = Record<string, unknown>
const PAGE = 2_000

/** Roles whose exports may carry ID numbers (the same roles that read them in the admin). */
export const mayExportIdNumbers = (user: PayloadRequest['user']) => hasRole(user, 'admin', 'editor', 'reviewer')

export type MonthListsRequest = { month: string; programme?: string | null; fullIdNumbers?: boolean }

export async function monthListsWorkbook(req: PayloadRequest, ask: MonthListsRequest): Promise<{ body: Buffer; lists: number; rows: number; idNumbers: 'none' | 'masked' | 'full' }> {
  const as = { overrideAccess: false, user: req.user, req, context: { skipAudit: true } } as const
  const where: Where = { and: [{ month: { equals: ask.month } }, ...(ask.programme ? [{ programme: { equals: ask.programme } }] : [])] }
  const { docs: lists } = (await req.payload.find({ collection: 'recipient-lists', where, pagination: false, depth: 0, sort: 'title', draft: true, ...as })) as unknown as { docs: Doc[] }
  const rows: Doc[] = []
  if (lists.length) {
    for (let page = 1; ; page++) {
      const res = (await req.payload.find({ collection: 'recipient-rows', where: { list: { in: lists.map((l) => l.id) } }, limit: PAGE, page, depth: 0, sort: 'no', ...as })) as unknown as { docs: Doc[]; hasNextPage: boolean }
      rows.push(...res.docs)
      if (!res.hasNextPage) break
    }
  }
  const listById = new Map(lists.map((l) => [String(l.id), l]))
  const order = new Map(lists.map((l, i) => [String(l.id), i]))
  rows.sort((a, b) => (order.get(idOf(a.list)!) ?? 0) - (order.get(idOf(b.list)!) ?? 0) || Number(a.no) - Number(b.no))
  const [programmes, regions] = await Promise.all([
    labelsById(req, 'programmes', lists.map((l) => l.programme), 'name'),
    labelsById(req, 'regions', [...lists.map((l) => l.region), ...rows.map((r) => r.village)], 'name'),
  ])
  // A row read without the right to ID numbers has none (field access); the role check is the second lock.
  const idNumbers = !mayExportIdNumbers(req.user) ? 'none' : ask.fullIdNumbers ? 'full' : 'masked'
  const list = (r: Doc) => listById.get(idOf(r.list) ?? '') ?? {}
  const columns: Column<Doc>[] = [
    { header: '名单', width: 30, value: (r) => String(list(r).title ?? '') },
    { header: '救助类别', width: 14, value: (r) => programmes.get(idOf(list(r).programme) ?? '') ?? '' },
    { header: '名单地区', width: 12, value: (r) => regions.get(idOf(list(r).region) ?? '') ?? '' },
    { header: '状态', value: (r) => (list(r)._status === 'published' ? '已发布' : '草稿') },
    { header: '序号', width: 6, value: (r) => Number(r.no) },
    { header: '村（社区）', width: 14, value: (r) => regions.get(idOf(r.village) ?? '') ?? '' },
    { header: '户主姓名', width: 12, value: (r) => String(r.headName ?? '') },
  ]
  if (idNumbers !== 'none') {
    columns.push({ header: idNumbers === 'full' ? '身份证号' : '身份证号（已遮蔽）', width: 22, value: (r) => (typeof r.idNumber === 'string' && r.idNumber ? (idNumbers === 'full' ? r.idNumber : safeMask(r.idNumber)) : '') })
  }
  columns.push(
    { header: '保障人数', width: 9, value: (r) => Number(r.householdSize) },
    { header: '金额（元）', width: 11, value: (r) => Number(r.amount) },
    { header: '类别/档次', width: 12, value: (r) => String(r.category ?? '') },
  )
  const body = await sheetWorkbook({
    name: `${ask.month}名单`,
    title: `${ask.month} 救助名单（${lists.length} 份，${rows.length} 户），导出于 ${chinaDateTime(nowIso())}。内部资料，含个人信息，不得外传`,
    columns,
    rows,
  })
  return { body, lists: lists.length, rows: rows.length, idNumbers }
}

function safeMask(id: string): string {
  try {
    return maskIdNumber(id)
  } catch {
    return '（号码格式有误）'
  }
}
