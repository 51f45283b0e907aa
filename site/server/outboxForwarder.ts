import { callCms } from '../lib/forms/cmsClient'
import { pending, readEntry, remove, setAside } from '../lib/forms/outbox'
import { log } from './publicServer'

/**
 * Forwards outbox files to the CMS in order, exactly once: the CMS treats the tracking code as an
 * idempotency key, so a file sent twice (crash between send and delete) still makes one complaint.
 * Stops at the first failure and tries again later, keeping the order.
 */
export async function forwardOutbox(): Promise<{ sent: number; left: number }> {
  let sent = 0
  for (const name of pending()) {
    let entry: unknown
    try {
      entry = readEntry(name)
    } catch {
      setAside(name, '文件无法读取')
      continue
    }
    const res = await callCms('submit', entry)
    if (res.status === 0) break // still unreachable: keep the rest, in order
    if (res.ok) {
      remove(name)
      sent++
    } else {
      setAside(name, `${res.status} ${res.body?.message ?? ''}`)
      log('error', 'outbox submission refused by the CMS; kept for the office', { file: name.replace(/-[^-]+\.json$/, ''), status: res.status })
    }
  }
  return { sent, left: pending().length }
}

export function startOutboxForwarder(intervalMs = 5000) {
  let busy = false
  const timer = setInterval(async () => {
    if (busy || pending().length === 0) return
    busy = true
    try {
      const r = await forwardOutbox()
      if (r.sent) log('info', 'outbox forwarded', r)
    } finally {
      busy = false
    }
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
