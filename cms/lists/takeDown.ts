// Take-down of a recipient list (domain.md §4 Retention: what is withdrawn leaves a short public
// note, the audit log keeps who and when). Withdrawing a list — a public change, so a reviewer
// other than the editor publishes it (cms/hooks/twoPersonRule.ts) — or deleting it erases its raw
// rows (names, ID numbers) from the database at once; the audit entry names the list, the number
// of rows and the reason, never a person.
import { type CollectionAfterChangeHook, type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook, type PayloadRequest } from 'payload'
import { today as clockToday } from '../domain/clock'
import { dayOfStored } from '../domain/dates'
import { writeAudit } from '../hooks/audit'
import { invalidateHeldRawValues } from '../hooks/privacyCheck'
import { countListRows, deleteListRows } from '../storage/rowStore'
import { refusal } from '../hooks/refuse'

type ListLike = { id: string | number; title?: string | null; _status?: string | null; withdrawnAt?: string | null; withdrawReason?: string | null }

async function eraseRows(req: PayloadRequest, list: ListLike, reason: string): Promise<number> {
  const removed = await deleteListRows(req.payload, String(list.id))
  if (removed > 0) {
    invalidateHeldRawValues()
    await writeAudit(req, { action: 'delete', collection: 'recipient-rows', id: list.id, summary: `删除名单明细 ${removed} 行（名单：${list.title ?? list.id}）`, reason })
  }
  return removed
}

/**
 * A published list is withdrawn before it is deleted: the withdrawal (date and public reason) is
 * reviewed and published by a second person and leaves its note on the site. Drafts — never
 * public, an interrupted or failed import included — may be deleted at once. Runs before the
 * two-person rule (cms/hooks/twoPersonRule.ts guardDeletingPublished), which then decides who may
 * delete the withdrawn list, and before `eraseRowsOfDeletedList`.
 */
export const refuseDeletingUnwithdrawnList: CollectionBeforeDeleteHook = async ({ id, req, context }) => {
  const list = (await req.payload.findByID({ collection: 'recipient-lists', id, depth: 0, overrideAccess: true, req })) as ListLike
  if (!context.system && list._status === 'published' && !list.withdrawnAt) {
    throw refusal(`名单“${list.title ?? id}”已经公开，不能直接删除。请先在“撤回”中填写撤回日期和公开的撤回原因并保存，由另一位审核人发布撤回（撤回时即删除名单明细）；撤回后即可删除本名单。`, { status: 409 })
  }
}

/** The rows of a list being deleted go first (they reference it); the audit entry names the list and the count. */
export const eraseRowsOfDeletedList: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const list = (await req.payload.findByID({ collection: 'recipient-lists', id, depth: 0, overrideAccess: true, req })) as ListLike
  await eraseRows(req, list, list.withdrawReason?.trim() || (list._status === 'published' ? '删除已撤回的名单' : '删除未公开的名单'))
}

/** Publishing a withdrawal erases the rows at once; the list keeps its title, totals and the public note. */
export const eraseRowsOnWithdrawal: CollectionAfterChangeHook = async ({ doc, req }) => {
  if (doc._status === 'published' && doc.withdrawnAt) await eraseRows(req, doc as ListLike, String(doc.withdrawReason ?? '').trim() || '撤回')
  return doc
}

/**
 * A withdrawal takes effect when it is published, so its date cannot lie ahead; and a list whose
 * rows were erased cannot be published again without them (import it anew).
 */
export const guardWithdrawal: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (data._status !== 'published') return data
  const merged = { ...originalDoc, ...data } as ListLike
  const withdrawn = dayOfStored(merged.withdrawnAt)
  if (withdrawn && withdrawn > clockToday()) {
    throw refusal(`撤回日期（${withdrawn}）晚于今天。撤回在发布时生效，请填写今天或更早的日期。`, { field: 'withdrawnAt', collection: 'recipient-lists', req })
  }
  const households = (merged as { totals?: { households?: number | null } }).totals?.households ?? 0
  if (!withdrawn && originalDoc && households > 0 && (await countListRows(req.payload, String(originalDoc.id))) === 0) {
    throw refusal('这份名单撤回时已删除全部明细，不能重新发布。请重新导入名单后再发布。', { status: 409 })
  }
  return data
}
