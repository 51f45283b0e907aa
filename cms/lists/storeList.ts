import crypto from 'node:crypto'
import os from 'node:os'
import type { Payload, PayloadRequest } from 'payload'
import { nowIso, nowMs } from '../domain/clock'
import { diffLists, type ListChanges } from '../domain/listChanges'
import { invalidateHeldRawValues } from '../hooks/privacyCheck'
import { deleteListRows, insertListRows, listRowKeys, readListRows, totalsOf, type RowInput, type RowKey } from '../storage/rowStore'

export type ListMeta = {
  title: string
  kind: 'approved' | 'disbursement'
  programmeId: string
  regionId: string
  month: string
  source?: { fileName: string; sha256: string }
}

export type StoredChanges = ListChanges & { previousMonth: string; previousListId: string }

const system = { disableAutoPublish: true, skipAudit: true, system: true }
/** Gives other requests the event loop between database batches. */
const breathe = () => new Promise<void>((r) => setImmediate(r))

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

/** A stored list's match keys, read a page at a time with the event loop free in between. */
export async function listKeys(payload: Payload, listId: string): Promise<RowKey[]> {
  const out: RowKey[] = []
  for await (const page of listRowKeys(payload, listId)) {
    for (const k of page) out.push(k)
    await breathe()
  }
  return out
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

// -------------------------------------------------------------------------------------------
// One unit: the list and all its rows exist, or nothing does.
//
// The list document is created first (rows reference it) with importStatus "importing" and a lease
// naming the process that writes it; rows follow in batches; the list turns "complete" in one last
// update. Until then it cannot be published (guardPublish), is left out of the admin's list view,
// and is never read by the export. A failure or a cancel deletes the rows and the document. A crash
// (process killed) leaves the lease behind: the next start of the CMS, the next import and
// `npm run import` remove every list whose lease belongs to a process that no longer runs (or that
// is older than LEASE_MAX_AGE_MS). A transactional row store can wrap the same steps in one
// transaction; the lease and the clean-up stay as the guard for what a transaction cannot cover
// (MongoDB without replica-set transactions, FerretDB).

/**
 * Rows per batch: the SQLite driver writes synchronously, so a batch holds the request thread for
 * as long as it takes. The batch size adapts to keep each one near BATCH_TARGET_MS (a bigger table
 * or a busy disk makes inserts slower), so other requests are served between batches.
 */
export const BATCH_ROWS = { initial: 1000, min: 100, max: 10000 }
const BATCH_TARGET_MS = 40
/** A lease older than this is stale even when its process looks alive (pid reuse, another host). */
export const LEASE_MAX_AGE_MS = 6 * 3600_000

type Lease = { host: string; pid: number; at: number; token: string }

function newLease(): string {
  return JSON.stringify({ host: os.hostname(), pid: process.pid, at: nowMs(), token: crypto.randomBytes(8).toString('hex') } satisfies Lease)
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Whether a list left "importing" with this lease can no longer be completed by anyone. */
export function leaseIsStale(raw: unknown, now = nowMs()): boolean {
  let lease: Lease
  try {
    lease = JSON.parse(String(raw ?? '')) as Lease
  } catch {
    return true
  }
  if (!lease || typeof lease.pid !== 'number' || typeof lease.at !== 'number') return true
  if (now - lease.at > LEASE_MAX_AGE_MS) return true
  if (lease.host !== os.hostname()) return false
  if (lease.pid === process.pid) return !activeLeases.has(lease.token)
  return !processAlive(lease.pid)
}

/** Leases of imports this process is writing right now. */
const activeLeases = new Set<string>()

export class ImportCancelled extends Error {
  constructor() {
    super('已取消导入，已写入的部分已全部删除，没有留下任何数据。')
    this.name = 'ImportCancelled'
  }
}

async function removeList(payload: Payload, listId: string) {
  await deleteListRows(payload, listId).catch(() => {})
  await payload.delete({ collection: 'recipient-lists', id: listId, overrideAccess: true, context: system }).catch(() => {})
}

/** Removes lists whose import was interrupted (process killed, server crashed). Returns how many. */
export async function cleanUpInterruptedImports(payload: Payload): Promise<number> {
  const { docs } = await payload.find({
    collection: 'recipient-lists',
    where: { importStatus: { in: ['importing', 'failed'] } },
    draft: true,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    context: { skipAudit: true },
    select: { importStatus: true, importLease: true, title: true },
  })
  let removed = 0
  for (const d of docs as { id: string | number; importStatus?: string | null; importLease?: string | null }[]) {
    if (d.importStatus === 'importing' && !leaseIsStale(d.importLease)) continue
    await removeList(payload, String(d.id))
    removed++
  }
  if (removed) payload.logger.info({ msg: 'removed interrupted imports', count: removed })
  return removed
}

export type StoreOptions = {
  /** Month-over-month changes already computed (the import check did); computed here otherwise. */
  changes?: StoredChanges | null
  onProgress?: (written: number, total: number) => void
  signal?: AbortSignal
}

/**
 * Stores a validated list as a DRAFT, as one unit (see above): when this returns, the list and all
 * its rows exist and it is "complete"; when it throws, neither exists.
 */
export async function storeListDraft(payload: Payload, meta: ListMeta, rows: RowInput[], req?: PayloadRequest, opts: StoreOptions = {}) {
  const lease = newLease()
  const token = (JSON.parse(lease) as Lease).token
  activeLeases.add(token)
  let listId: string | null = null
  try {
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
        importLease: lease,
        _status: 'draft',
        source: meta.source ? { ...meta.source, importedAt: nowIso() } : undefined,
      },
    })
    listId = String(list.id)
    let batch = BATCH_ROWS.initial
    for (let i = 0; i < rows.length; ) {
      if (opts.signal?.aborted) throw new ImportCancelled()
      const n = Math.min(batch, rows.length - i)
      const t0 = performance.now()
      await insertListRows(payload, listId, meta.regionId, rows.slice(i, i + n))
      const ms = performance.now() - t0
      i += n
      batch = Math.max(BATCH_ROWS.min, Math.min(BATCH_ROWS.max, Math.round(ms > 0 ? (n * BATCH_TARGET_MS) / ms : batch * 2), batch * 2))
      opts.onProgress?.(i, rows.length)
      await breathe()
    }
    if (opts.signal?.aborted) throw new ImportCancelled()
    invalidateHeldRawValues()
    const changes = opts.changes !== undefined ? opts.changes : await computeChanges(payload, meta, rows, req)
    // Without the editor's request: its context must not carry this system update's flags.
    return await payload.update({
      collection: 'recipient-lists',
      id: listId,
      draft: true,
      overrideAccess: true,
      context: system,
      data: { importStatus: 'complete', importLease: null, totals: totalsOf(rows), changes: changes as never },
    })
  } catch (err) {
    if (listId) await removeList(payload, listId)
    throw err
  } finally {
    activeLeases.delete(token)
  }
}
