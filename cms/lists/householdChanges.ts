// The households behind a list's change counts (新增 / 停保 / 调整), for the editor and the reviewer,
// and the same table as .xlsx (exceljs). Names are shown as staff see them: this is staff-only, read
// with the caller's access (region scope), and never reaches the export or the public site.
import ExcelJS from 'exceljs'
import type { Payload, PayloadRequest } from 'payload'
import { householdChanges, type HouseholdChange } from '../domain/listChanges'
import { writeAudit } from '../hooks/audit'
import { readListRows } from '../storage/rowStore'

export type ListHouseholdChanges = {
  list: { id: string; title: string; month: string }
  previous: { id: string; title: string; month: string } | null
  rows: HouseholdChange[]
}

/** A list the caller may not read answers as not found (the caller learns nothing about it). */
export class ListNotFound extends Error {
  constructor() {
    super('找不到这份名单，或您没有查看它的权限（只能查看您负责地区的名单）。')
    this.name = 'ListNotFound'
  }
}

export async function listHouseholdChanges(payload: Payload, listId: string, req: PayloadRequest): Promise<ListHouseholdChanges> {
  let list
  try {
    list = await payload.findByID({ collection: 'recipient-lists', id: listId, depth: 0, draft: true, overrideAccess: false, req })
  } catch {
    throw new ListNotFound()
  }
  const previousId = (list.changes as { previousListId?: string } | null)?.previousListId
  const previous = previousId ? await payload.findByID({ collection: 'recipient-lists', id: previousId, depth: 0, overrideAccess: true, req }).catch(() => null) : null
  const ids = [String(list.id), ...(previous ? [String(previous.id)] : [])]
  const rows = await readListRows(payload, ids)
  const villageIds = new Set<string>()
  for (const id of ids) for (const r of rows.get(id) ?? []) villageIds.add(r.villageId)
  const { docs: villages } = await payload.find({ collection: 'regions', where: { id: { in: [...villageIds] } }, depth: 0, pagination: false, overrideAccess: true, req })
  const villageName = new Map(villages.map((v) => [String(v.id), String(v.name)]))
  const lines = (id: string, side: string) =>
    (rows.get(id) ?? []).map((r, i) => ({ key: r.idHash ?? `${side}:${i}`, name: r.headName, village: villageName.get(r.villageId) ?? '（未知村社区）', householdSize: r.householdSize, amount: r.amount }))
  return {
    list: { id: String(list.id), title: list.title, month: list.month },
    previous: previous ? { id: String(previous.id), title: previous.title, month: previous.month } : null,
    // Without a previous published list there is nothing to compare: no rows (not "everyone is new").
    rows: previous ? householdChanges(lines(String(previous.id), 'p'), lines(String(list.id), 'c')) : [],
  }
}

/** The table as an .xlsx workbook with Chinese headers; the download is audited (it holds names). */
export async function householdChangesWorkbook(changes: ListHouseholdChanges, req: PayloadRequest): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '阳光救助管理后台'
  const ws = wb.addWorksheet('户级变化')
  ws.addRow([`${changes.list.title}：与${changes.previous ? `${changes.previous.month}（${changes.previous.title}）` : '上月'}相比的户级变化（内部资料，含姓名，不得外传）`])
  ws.mergeCells(1, 1, 1, 8)
  ws.addRow(['变化', '户主姓名', '村（社区）', '原保障人数', '现保障人数', '原金额（元）', '现金额（元）', '金额变化（元）'])
  ws.getRow(2).font = { bold: true }
  for (const r of changes.rows) {
    const delta = Math.round(((r.after?.amount ?? 0) - (r.before?.amount ?? 0)) * 100) / 100
    ws.addRow([r.kind, r.name, r.village, r.before?.persons ?? null, r.after?.persons ?? null, r.before?.amount ?? null, r.after?.amount ?? null, delta])
  }
  for (const [i, w] of [8, 14, 16, 12, 12, 14, 14, 14].entries()) ws.getColumn(i + 1).width = w
  for (const c of [6, 7, 8]) ws.getColumn(c).numFmt = '#,##0.00'
  ws.views = [{ state: 'frozen', ySplit: 2 }]
  await writeAudit(req, { action: 'export', collection: 'recipient-lists', id: changes.list.id, summary: `下载“${changes.list.title}”的户级变化表（${changes.rows.length} 户）` })
  return Buffer.from(await wb.xlsx.writeBuffer())
}
