import os from 'node:os'
import type { Payload } from 'payload'
import { nowIso, nowMs } from '../domain/clock'

/** A claim left "running" this long belongs to a process that died: the next attempt may take over. */
export const STALE_CLAIM_MS = 2 * 3600_000
const instance = () => `${os.hostname()}:${process.pid}`

export type RunOnceResult<T> = { ran: true; result: T } | { ran: false; reason: string }

/**
 * Runs `work` at most once per key across every CMS process on the database: the claim is a row
 * with a unique key, inserted before the work starts (the database refuses the second insert).
 * A failed run gives its claim back so that the job queue's retry can run it again.
 */
export async function runOnce<T>(payload: Payload, claim: { task: string; day: string }, work: () => Promise<T>, describe: (r: T) => string): Promise<RunOnceResult<T>> {
  const key = `${claim.task}:${claim.day}`
  const existing = await findClaim(payload, key)
  if (existing) {
    const stale = existing.status === 'running' && nowMs() - Date.parse(existing.startedAt ?? '') > STALE_CLAIM_MS
    if (existing.status === 'done' || (existing.status === 'running' && !stale)) return { ran: false, reason: `${key} 已由 ${existing.instance ?? '另一个进程'} ${existing.status === 'done' ? '完成' : '运行中'}` }
    await payload.delete({ collection: 'scheduled-runs', id: existing.id, overrideAccess: true }).catch(() => {})
  }
  let id: string
  try {
    const doc = await payload.create({ collection: 'scheduled-runs', overrideAccess: true, data: { key, ...claim, status: 'running', instance: instance(), startedAt: nowIso() } })
    id = String(doc.id)
  } catch (err) {
    // Another process inserted the same key first.
    if (await findClaim(payload, key)) return { ran: false, reason: `${key} 已由另一个进程领取` }
    throw err
  }
  try {
    const result = await work()
    await payload.update({ collection: 'scheduled-runs', id, overrideAccess: true, data: { status: 'done', finishedAt: nowIso(), result: describe(result).slice(0, 500) } })
    return { ran: true, result }
  } catch (err) {
    // Give the claim back (the job queue retries); keep the reason visible to admins meanwhile.
    await payload.update({ collection: 'scheduled-runs', id, overrideAccess: true, data: { status: 'failed', finishedAt: nowIso(), result: (err as Error).message.slice(0, 500) } }).catch(() => {})
    throw err
  }
}

async function findClaim(payload: Payload, key: string) {
  const { docs } = await payload.find({ collection: 'scheduled-runs', where: { key: { equals: key } }, limit: 1, overrideAccess: true, depth: 0 })
  return docs[0] as ({ id: string | number; status: string; instance?: string | null; startedAt?: string | null } | undefined)
}
