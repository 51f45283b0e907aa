import { verdictOf } from '../lib/forms/cmsClient'
import type { FormServices } from '../lib/forms/services'
import { log } from './log'

export type ForwardResult = { sent: number; refused: number; left: number; state: FormServices['health']['state'] }

/**
 * Forwards outbox files to the CMS, oldest first, exactly once: the CMS treats the tracking code as
 * an idempotency key, so a file sent twice (crash between send and delete) still makes one complaint.
 *
 * Nothing is given up on: a wrong key (401/403), a wrong CMS_URL (404) or a key pair that does not
 * match keeps every file and raises the alarm (health unready, log line) until fixed; only a
 * definite refusal of one submission's content moves that one file aside, with the reason. A file
 * that fails for a reason of its own is retried later while the others go ahead.
 */
const retries = new WeakMap<FormServices, Map<string, { tries: number; nextAt: number }>>()

export async function forwardOutbox(services: FormServices): Promise<ForwardResult> {
  const { outbox, health } = services
  const later = retries.get(services) ?? new Map<string, { tries: number; nextAt: number }>()
  retries.set(services, later)
  let sent = 0
  let refused = 0
  for (const name of outbox.pending()) {
    // A file that failed on its own waits its turn (doubling up to an hour); the others go ahead.
    if ((later.get(name)?.nextAt ?? 0) > Date.now()) continue
    let file
    try {
      file = outbox.read(name)
    } catch {
      outbox.setAside(name, '文件无法读取或不是加密的外发记录')
      refused++
      log('error', 'outbox file unreadable; set aside', { file: name })
      continue
    }
    const res = await services.cms.call('submit', { sealed: file.sealed, queuedAt: file.queuedAt }, 30_000)
    const verdict = verdictOf(res)
    health.note(verdict, res)
    if (verdict === 'stored') {
      outbox.remove(name)
      later.delete(name)
      sent++
    } else if (verdict === 'refused') {
      later.delete(name)
      outbox.setAside(name, `${res.status} ${res.body?.code ?? ''} ${res.body?.field ?? ''} ${res.body?.message ?? ''}`.trim())
      refused++
      log('error', 'outbox submission refused by the CMS; set aside for the office', { file: name, status: res.status, field: res.body?.field ?? null })
    } else if (verdict === 'retry') {
      const tries = (later.get(name)?.tries ?? 0) + 1
      later.set(name, { tries, nextAt: Date.now() + Math.min(3_600_000, 5000 * 2 ** tries) })
      log('warn', 'outbox submission not taken this time; kept, will retry', { file: name, status: res.status, tries })
    } else {
      // The same for every file (unreachable, key, address): stop this round, keep all.
      break
    }
  }
  return { sent, refused, left: outbox.pending().length, state: health.state }
}

/**
 * Runs the forwarder while files wait: every `intervalMs` while the CMS takes them, backing off
 * (doubling up to `maxDelayMs`) while it does not. A log line repeats the alarm every ten minutes.
 */
export function startOutboxForwarder(services: FormServices, { intervalMs = 5000, maxDelayMs = 5 * 60_000 } = {}) {
  let delay = intervalMs
  let timer: NodeJS.Timeout | null = null
  let stopped = false
  let lastAlarmLog = 0
  const tick = async () => {
    if (stopped) return
    try {
      if (services.outbox.pending().length) {
        const r = await forwardOutbox(services)
        if (r.sent || r.refused) log('info', 'outbox forwarded', r)
        const stuck = r.left > 0 && r.state !== 'ok'
        delay = stuck ? Math.min(maxDelayMs, delay * 2) : intervalMs
        if (services.health.alarming && Date.now() - lastAlarmLog > 10 * 60_000) {
          lastAlarmLog = Date.now()
          log('error', 'outbox blocked', { state: services.health.state, detail: services.health.detail, pending: r.left })
        }
      } else delay = intervalMs
    } catch (err) {
      log('error', 'outbox forwarder failed', { err: String(err).slice(0, 300) })
      delay = Math.min(maxDelayMs, delay * 2)
    }
    if (!stopped) {
      timer = setTimeout(tick, delay)
      timer.unref()
    }
  }
  timer = setTimeout(tick, intervalMs)
  timer.unref()
  return () => {
    stopped = true
    if (timer) clearTimeout(timer)
  }
}
