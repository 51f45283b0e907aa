import { addWorkingDays, countWorkingDays, isWorkingDay, provisionalYearsIn, type WorkCalendar } from './calendar'
import { PROVISIONAL_NOTE } from './provisional'
import { addDays, daysBetween } from './dates'

/**
 * Time limits of a complaint, report or objection (信访工作条例 第21、22、34条 as defaults; a county's
 * shorter promises are configuration per category). Stop-the-clock: while the office waits for the
 * resident (补充材料), the days do not count; the due dates move by the paused days.
 */
export type LimitUnit = 'calendar' | 'working'
export type CategoryLimits = {
  acknowledgeDays: number
  acknowledgeUnit: LimitUnit
  resolveDays: number
  resolveUnit: LimitUnit
  extensionDays: number
}
export const DEFAULT_LIMITS: CategoryLimits = { acknowledgeDays: 15, acknowledgeUnit: 'calendar', resolveDays: 60, resolveUnit: 'calendar', extensionDays: 30 }

export type Pause = { from: string; to?: string | null }

export type Deadlines = {
  acknowledgeDue: string
  resolveDue: string
  /** True when the date depends on a year whose holidays are not published yet (暂定; recomputed later). */
  acknowledgeProvisional: boolean
  resolveProvisional: boolean
  /** For the office: what 暂定 means, when either date is provisional; otherwise null. */
  warning: string | null
  /** Days the clock stood still (in the resolve unit), closed pauses and an open one up to `today`. */
  pausedDays: number
  paused: boolean
}

function add(cal: WorkCalendar, from: string, n: number, unit: LimitUnit): string {
  return unit === 'working' ? addWorkingDays(cal, from, n) : addDays(from, n)
}

function pausedLength(cal: WorkCalendar, pauses: Pause[], today: string, unit: LimitUnit): number {
  let total = 0
  for (const p of pauses) {
    const end = p.to ?? today
    if (end <= p.from) continue
    total += unit === 'working' ? countWorkingDays(cal, p.from, end) : daysBetween(p.from, end)
  }
  return total
}

/**
 * receivedOn is the day the office received it (that day does not count). An extension adds
 * `extensionDays` to the resolve limit once. Calendar-day limits whose last day is a rest day end on
 * the next working day (the safe side for the resident).
 */
export function complaintDeadlines(
  cal: WorkCalendar,
  args: { receivedOn: string; limits: CategoryLimits; extended?: boolean; pauses?: Pause[]; today: string },
): Deadlines {
  const { receivedOn, limits, extended = false, pauses = [], today } = args
  const rollForward = (d: string, unit: LimitUnit) => {
    if (unit === 'working') return d
    let day = d
    while (!isWorkingDay(cal, day)) day = addDays(day, 1)
    return day
  }
  const ackPaused = pausedLength(cal, pauses, today, limits.acknowledgeUnit)
  const resolvePaused = pausedLength(cal, pauses, today, limits.resolveUnit)
  const acknowledgeDue = rollForward(add(cal, receivedOn, limits.acknowledgeDays + ackPaused, limits.acknowledgeUnit), limits.acknowledgeUnit)
  const resolveDays = limits.resolveDays + (extended ? limits.extensionDays : 0) + resolvePaused
  const resolveDue = rollForward(add(cal, receivedOn, resolveDays, limits.resolveUnit), limits.resolveUnit)
  // A date is provisional when any day it was counted over is in an unpublished year (the pauses lie inside).
  const acknowledgeProvisional = provisionalYearsIn(cal, receivedOn, acknowledgeDue).length > 0
  const resolveProvisional = provisionalYearsIn(cal, receivedOn, resolveDue).length > 0
  return {
    acknowledgeDue,
    resolveDue,
    acknowledgeProvisional,
    resolveProvisional,
    warning: acknowledgeProvisional || resolveProvisional ? `${PROVISIONAL_NOTE}。` : null,
    pausedDays: resolvePaused,
    paused: pauses.some((p) => !p.to),
  }
}

export type DueState = 'onTime' | 'dueSoon' | 'overdue'
/** Near-due: within `soonDays` calendar days of the due date. */
export function dueState(due: string, today: string, soonDays = 3): DueState {
  if (today > due) return 'overdue'
  return daysBetween(today, due) <= soonDays ? 'dueSoon' : 'onTime'
}

// ---------------------------------------------------------------------------------------------
// The complaint desk: what is due next, in the words of the badge, and the order of urgency.

export type DeskItem = { status: string; acknowledgeDue?: string | null; resolveDue?: string | null; clock?: string | null }

/** The deadline that matters now: acknowledging while 已收到, resolving while 已受理; none once handled. */
export function nextDue(item: DeskItem): { due: string; what: '告知受理' | '办结' } | null {
  if (item.status === 'received' && item.acknowledgeDue) return { due: item.acknowledgeDue, what: '告知受理' }
  if (item.status === 'accepted' && item.resolveDue) return { due: item.resolveDue, what: '办结' }
  return null
}

/**
 * "办结：剩 3 个工作日", "告知受理：今天到期", "办结：已超期 2 天", "暂停计时" or "" (nothing due).
 * Working days left count from tomorrow; an overdue item counts calendar days since the due date.
 */
export function deadlineBadge(cal: WorkCalendar, item: DeskItem, today: string): string {
  const next = nextDue(item)
  if (!next) return ''
  if (item.clock === 'paused') return `${next.what}：暂停计时（等待补充材料）`
  if (today > next.due) return `${next.what}：已超期 ${daysBetween(next.due, today)} 天`
  if (today === next.due) return `${next.what}：今天到期`
  return `${next.what}：剩 ${countWorkingDays(cal, today, next.due)} 个工作日`
}

/**
 * A text that sorts the desk by urgency (ascending): open items by their next due date, then the
 * handled ones, most recent first. Stored with the complaint so the database can sort on it.
 */
export function urgencyKey(item: DeskItem & { receivedAt?: string | null }): string {
  const next = nextDue(item)
  if (next) return `0-${next.due}`
  const received = (item.receivedAt ?? '').slice(0, 19).replace(/\D/g, '').padEnd(14, '0')
  // Complement each digit so that an ascending sort puts the latest first.
  return `1-${[...received].map((d) => String(9 - Number(d))).join('')}`
}
