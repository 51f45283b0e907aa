import fs from 'node:fs'
import path from 'node:path'
import { currentLink, releasesDir } from './release'

/**
 * Timing of the daily release (00:05) and digest (07:30), China time. They run as Payload
 * scheduled tasks (cms/jobs/dailyTasks.ts), not timers, so they are recorded, retried and run once
 * across CMS processes.
 */

/** Milliseconds from `now` until the next hh:mm in China (UTC+8 all year: no daylight saving). */
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
