import type { Payload, PayloadRequest } from 'payload'
import { diffLists, type ListChanges } from '../domain/listChanges'
import { invalidateHeldRawValues } from '../hooks/privacyCheck'
import { deleteListRows, insertListRows, readListRows, totalsOf, type RowInput } from '../storage/rowStore'

export type ListMeta = {
  title: string
  kind: 'approved' | 'disbursement'
  programmeId: string
  regionId: string
  month: string
  source?: { fileName: string; sha256: string }
}

export type StoredChanges = ListChanges & { previousMonth: string; previousListId: string }

/** The latest published list of the same kind, programme and region before `month`. */
export async function previousPublishedList(payload: Payload, meta: Pick<ListMeta, 'kind' | 'programmeId' | 'regionId' | 'month'>, req?: PayloadRequest) {
  const { docs } = await payload.find({
    collection: 'recipient-lists',
    where: {
      and: [
        { kind: { equals: meta.kind } },
        { programme: { equals: meta.programmeId } },
        { region: { equals: meta.regionId } },
        { month: { less_than: meta.month } },
        { _status: { equals: 'published' } },
        // A withdrawn list's rows are erased (cms/lists/takeDown.ts): compare with the one before it.
        { or: [{ withdrawnAt: { exists: false } }, { withdrawnAt: { equals: null } }] },
      ],
    },
    sort: '-month',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs[0] ?? null
}

export async function computeChanges(payload: Payload, meta: ListMeta, rows: Pick<RowInput, 'idHash' | 'householdSize' | 'amount'>[], req?: PayloadRequest): Promise<StoredChanges | null> {
  const prev = await previousPublishedList(payload, meta, req)
  if (!prev) return null
  const prevRows = (await readListRows(payload, [String(prev.id)])).get(String(prev.id)) ?? []
  const key = (r: { idHash?: string | null }, i: number, side: string) => r.idHash ?? `${side}:${i}`
  const changes = diffLists(
    prevRows.map((r, i) => ({ key: key(r, i, 'p'), householdSize: r.householdSize, amount: r.amount })),
    rows.map((r, i) => ({ key: key(r, i, 'c'), householdSize: r.householdSize, amount: r.amount })),
  )
  return { ...changes, previousMonth: prev.month, previousListId: String(prev.id) }
}

/**
 * Stores a validated list as a DRAFT: the document first (importStatus "importing"), then the rows
 * in bulk, then totals and month-over-month changes with importStatus "complete". On any failure the
 * rows are removed and the list is marked failed, so no half-written list can be published.
 */
export async function storeListDraft(payload: Payload, meta: ListMeta, rows: RowInput[], req?: PayloadRequest) {
  const list = await payload.create({
    collection: 'recipient-lists',
    draft: true,
    req,
    overrideAccess: !req?.user,
    context: { disableAutoPublish: true },
    data: {
      title: meta.title,
      kind: meta.kind,
      programme: meta.programmeId,
      region: meta.regionId,
      month: meta.month,
      importStatus: 'importing',
      _status: 'draft',
      source: meta.source ? { ...meta.source, importedAt: new Date().toISOString() } : undefined,
    },
  })
  const listId = String(list.id)
  try {
    await insertListRows(payload, listId, meta.regionId, rows)
    invalidateHeldRawValues()
    const changes = await computeChanges(payload, meta, rows, req)
    return await payload.update({
      collection: 'recipient-lists',
      id: listId,
      draft: true,
      req,
      overrideAccess: true,
      context: { disableAutoPublish: true, skipAudit: true, system: true },
      data: { importStatus: 'complete', totals: totalsOf(rows), changes: changes as never },
    })
  } catch (err) {
    await deleteListRows(payload, listId).catch(() => {})
    await payload
      .update({ collection: 'recipient-lists', id: listId, draft: true, overrideAccess: true, context: { disableAutoPublish: true, system: true }, data: { importStatus: 'failed' } })
      .catch(() => {})
    throw err
  }
}
