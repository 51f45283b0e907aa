import { today as clockToday } from '../domain/clock'
import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { chinaDate } from '../domain/dates'
import { currentLink, publishRelease, releasesDir } from './release'

/** Milliseconds from `now` until the next 00:05 in China (UTC+8 all year: no daylight saving). */
export function msUntilNextNightly(now: Date, hour = 0, minute = 5): number {
  const shifted = new Date(now.getTime() + 8 * 3600_000)
  const next = new Date(shifted)
  next.setUTCHours(hour, minute, 0, 0)
  if (next <= shifted) next.setUTCDate(next.getUTCDate() + 1)
  return next.getTime() - shifted.getTime()
}

/** The day the live release describes (its snapshot's asOf), or null when there is none. */
export function liveReleaseAsOf(dir = releasesDir()): string | null {
  try {
    const snap = JSON.parse(fs.readFileSync(path.join(fs.realpathSync(currentLink(dir)), 'snapshot', 'snapshot.json'), 'utf8'))
    return typeof snap.asOf === 'string' ? snap.asOf : null
  } catch {
    return null
  }
}

/**
 * The daily release makes date-driven changes real: a notice opens or closes, days left count down,
 * retention removes what is due. Runs shortly after midnight, and at start-up when the live release
 * describes an earlier day (the server was down at midnight).
 */
export function startNightlyRelease(payload: Payload, opts: { dir?: string } = {}) {
  let timer: NodeJS.Timeout
  const run = async (why: string) => {
    try {
      const r = await publishRelease(payload, { dir: opts.dir })
      payload.logger.info({ msg: 'daily release published', why, release: r.id, ms: r.durationMs })
    } catch (err) {
      payload.logger.error({ msg: 'daily release failed; the live site is unchanged', err: (err as Error).message.slice(0, 2000) })
    }
  }
  const arm = () => {
    timer = setTimeout(async () => {
      await run('nightly')
      arm()
    }, msUntilNextNightly(new Date()))
    timer.unref()
  }
  // The morning digest (07:30): what each user must act on today.
  let digestTimer: NodeJS.Timeout
  const armDigest = () => {
    digestTimer = setTimeout(async () => {
      try {
        const { sendDailyDigests } = await import('../ops/digest')
        const r = await sendDailyDigests(payload)
        payload.logger.info({ msg: 'daily digests sent', ...r })
      } catch (err) {
        payload.logger.error({ msg: 'daily digests failed', err: (err as Error).message.slice(0, 500) })
      }
      armDigest()
    }, msUntilNextNightly(new Date(), 7, 30))
    digestTimer.unref()
  }
  const asOf = liveReleaseAsOf(opts.dir)
  if (asOf && asOf < clockToday()) void run(`live release describes ${asOf}`)
  arm()
  armDigest()
  return () => {
    clearTimeout(timer)
    clearTimeout(digestTimer)
  }
}
