// China's working-day calendar kept as editable data (domain.md §7).
// A weekday is a working day and a Saturday/Sunday a rest day, unless an entry says otherwise:
// 'off' = statutory holiday rest day, 'makeup' = a weekend day that is a working day (调休上班).
// A year counts as published once an administrator has entered the State Council's schedule for it
// and marked it so. A year that is not published is never a reason to refuse anything: it is
// *provisional* — weekends plus the statutory holidays the law fixes (./statutoryHolidays) — and
// every date computed on it is marked 暂定 and recomputed when the year is published.
// Entries stored for a year that is not marked published are not used until it is.
import chineseDays from 'chinese-days'
import { addDays, fromDayNumber, isIsoDate, isWeekend, toDayNumber, weekday, yearOf, InvalidDateError } from './dates'
import { DomainError } from './errors'
import { statutoryDays } from './statutoryHolidays'

export type CalendarEntry = { date: string; kind: 'off' | 'makeup'; name: string }

export interface WorkCalendar {
  /** date → entry, for the dates of published years that differ from the plain weekday/weekend rule (and named holidays). */
  readonly entries: ReadonlyMap<string, CalendarEntry>
  readonly publishedYears: ReadonlySet<number>
}

export { PROVISIONAL_NOTE } from './provisional'

export class CalendarEntryError extends DomainError {
  constructor(message: string) {
    super(message)
    this.name = 'CalendarEntryError'
  }
}

/**
 * Builds the lookup structure. Rejects entries an administrator could get wrong: a bad date,
 * the same date twice with different kinds, or a 'makeup' working day on a weekday.
 */
export function createWorkCalendar(entries: CalendarEntry[], publishedYears: number[]): WorkCalendar {
  const map = new Map<string, CalendarEntry>()
  for (const y of publishedYears) {
    if (!Number.isInteger(y) || y < 1900 || y > 9999) {
      throw new CalendarEntryError(`已发布年份“${y}”无效，应为四位数年份（例如 2026）。`)
    }
  }
  const published = new Set(publishedYears)
  entries.forEach((e, i) => {
    const where = `节假日日历第${i + 1}条`
    if (!isIsoDate(e.date)) throw new InvalidDateError(e.date, `${where}的日期`)
    if (e.kind !== 'off' && e.kind !== 'makeup') {
      throw new CalendarEntryError(`${where}（${e.date}）的类型应为“放假”(off) 或“调休上班”(makeup)，请改正。`)
    }
    if (e.kind === 'makeup' && !isWeekend(e.date)) {
      throw new CalendarEntryError(
        `${where}（${e.date}）标为“调休上班”，但这天本来就是工作日（周一至周五），请核对国务院办公厅的放假通知后改正。`,
      )
    }
    const prior = map.get(e.date)
    if (prior && prior.kind !== e.kind) {
      throw new CalendarEntryError(
        `${e.date} 在节假日日历中既标为“放假”又标为“调休上班”，请删除其中错误的一条。`,
      )
    }
    if (published.has(yearOf(e.date))) map.set(e.date, { date: e.date, kind: e.kind, name: e.name })
  })
  return { entries: map, publishedYears: published }
}

/** True when `year` has no published schedule, so its days come from the statutory holidays alone. */
export function isProvisionalYear(cal: WorkCalendar, year: number): boolean {
  return !cal.publishedYears.has(year)
}

/**
 * The unpublished years a computation over (from, to] looked into, ascending; empty when every day
 * in it belongs to a published year. A deadline computed from `from` that ends on `to` is 暂定
 * exactly when this is not empty.
 */
export function provisionalYearsIn(cal: WorkCalendar, from: string, to: string): number[] {
  const a = toDayNumber(from)
  const b = toDayNumber(to)
  const [lo, hi] = a <= b ? [fromDayNumber(a + 1), to] : [fromDayNumber(b + 1), from]
  if (toDayNumber(lo) > toDayNumber(hi)) return []
  const out: number[] = []
  for (let y = yearOf(lo); y <= yearOf(hi); y++) if (isProvisionalYear(cal, y)) out.push(y)
  return out
}

/** The entry for a date: the published schedule, or for a provisional year the statutory holiday. */
function entryOf(cal: WorkCalendar, date: string): CalendarEntry | undefined {
  const y = yearOf(date)
  if (!isProvisionalYear(cal, y)) return cal.entries.get(date)
  const name = statutoryDays(y).get(date)
  return name ? { date, kind: 'off', name } : undefined
}

export function isWorkingDay(cal: WorkCalendar, date: string): boolean {
  toDayNumber(date) // validates the format
  const e = entryOf(cal, date)
  if (e) return e.kind === 'makeup'
  return !isWeekend(date)
}

/** A rest day in the sense of 民法典 第203条: a non-make-up weekend day or a statutory holiday. */
export function isRestDay(cal: WorkCalendar, date: string): boolean {
  return !isWorkingDay(cal, date)
}

export type DayInfo = { date: string; working: boolean; kind: 'workday' | 'weekend' | 'off' | 'makeup'; name: string; provisional: boolean }

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']

/** What the calendar says about one day, for display (e.g. an admin calendar view). */
export function dayInfo(cal: WorkCalendar, date: string): DayInfo {
  const working = isWorkingDay(cal, date)
  const provisional = isProvisionalYear(cal, yearOf(date))
  const e = entryOf(cal, date)
  if (e) return { date, working, kind: e.kind, name: e.name, provisional }
  return { date, working, kind: working ? 'workday' : 'weekend', name: WEEKDAY_NAMES[weekday(date)], provisional }
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(cal: WorkCalendar, date: string): string {
  let n = toDayNumber(date)
  // A run of rest days never exceeds a few weeks; the bound only guards against a corrupt calendar.
  for (let i = 0; i < 366; i++) {
    n += 1
    if (isWorkingDay(cal, fromDayNumber(n))) return fromDayNumber(n)
  }
  throw new CalendarEntryError(`${date} 之后一整年都没有工作日，节假日日历数据有误，请管理员检查。`)
}

/**
 * The n-th working day after `start` (start itself is not counted: n = 1 is the first working day
 * after start). n = 0 returns start unchanged; a negative n counts backwards (n = -1 is the last
 * working day before start).
 */
export function addWorkingDays(cal: WorkCalendar, start: string, n: number): string {
  if (!Number.isInteger(n)) throw new DomainError(`工作日天数应为整数，收到 ${n}。`)
  let day = toDayNumber(start)
  const step = n < 0 ? -1 : 1
  let left = Math.abs(n)
  let guard = 0
  while (left > 0) {
    day += step
    if (isWorkingDay(cal, fromDayNumber(day))) left -= 1
    if (++guard > 366 * 50) throw new CalendarEntryError('节假日日历数据有误：长时间找不到工作日，请管理员检查。')
  }
  return fromDayNumber(day)
}

/**
 * Working days in (from, to]: `from` is not counted, `to` is. When `to` is before `from` the result
 * is negative (−count of (to, from]), so `countWorkingDays(cal, due, today)` reads as "working days
 * overdue" and turns negative while still in time.
 */
export function countWorkingDays(cal: WorkCalendar, from: string, to: string): number {
  const a = toDayNumber(from)
  const b = toDayNumber(to)
  if (b < a) return -countWorkingDays(cal, to, from)
  let count = 0
  for (let d = a + 1; d <= b; d++) if (isWorkingDay(cal, fromDayNumber(d))) count += 1
  return count
}

// ---------------------------------------------------------------------------------------------
// Seeding from the `chinese-days` package. Its public API answers per day and falls back to the
// plain weekday rule for years it has no data for, so a year counts as covered only when its
// 1 January is a named holiday (元旦 is always one).
// The package keys its data by the *local* date of a UTC midnight, so west of UTC every key is the
// day before the real one; `packageDay` asks for the key the package filed the real date under.

let cachedYears: number[] | undefined
let keyShift: number | undefined

function packageDay(date: string): { work: boolean; name: string } {
  // 2026-01-01 is 元旦 and 2025-12-31 an ordinary Wednesday: where the package files 元旦 tells the shift.
  keyShift ??= chineseDays.getDayDetail(localNoon('2025-12-31')).name.includes(',') ? -1 : 0
  return chineseDays.getDayDetail(localNoon(addDays(date, keyShift)))
}

function localNoon(date: string): Date {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(y, m - 1, d, 12)
}

function chineseDaysHasYear(year: number): boolean {
  return packageDay(`${year}-01-01`).name.includes(',')
}

/** The years for which the installed `chinese-days` carries an official schedule. */
export function chineseDaysPublishedYears(): number[] {
  if (!cachedYears) {
    const years: number[] = []
    for (let y = 1990; y <= 2100; y++) if (chineseDaysHasYear(y)) years.push(y)
    cachedYears = years
  }
  return [...cachedYears]
}

/** Entries for the requested years; years the package has no data for are skipped (not invented). */
export function calendarEntriesFromChineseDays(years: number[]): CalendarEntry[] {
  const covered = new Set(chineseDaysPublishedYears())
  const out: CalendarEntry[] = []
  for (const year of [...new Set(years)].sort((a, b) => a - b)) {
    if (!covered.has(year)) continue
    for (let date = `${year}-01-01`; yearOf(date) === year; date = addDays(date, 1)) {
      const detail = packageDay(date)
      // Holiday/make-up names look like "Spring Festival,春节,4"; ordinary days carry an English weekday.
      const parts = detail.name.split(',')
      if (parts.length < 2) continue
      const name = parts[1] || parts[0]
      if (!detail.work) out.push({ date, kind: 'off', name })
      else if (isWeekend(date)) out.push({ date, kind: 'makeup', name })
    }
  }
  return out
}

let cachedDefault: WorkCalendar | undefined

/** Convenience (tests, demo): a calendar of every year `chinese-days` covers. Built once. */
export function defaultWorkCalendar(): WorkCalendar {
  if (!cachedDefault) {
    const years = chineseDaysPublishedYears()
    cachedDefault = createWorkCalendar(calendarEntriesFromChineseDays(years), years)
  }
  return cachedDefault
}
