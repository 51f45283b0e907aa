// Plain 'YYYY-MM-DD' date strings and the few operations the domain needs.
// All arithmetic is done on UTC day numbers, so the host time zone never shifts a date.
import { DomainError } from './errors'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const MS_PER_DAY = 86_400_000

export class InvalidDateError extends DomainError {
  readonly value: string
  constructor(value: unknown, where = '日期', format = 'YYYY-MM-DD', example = '2026-11-24') {
    const shown = typeof value === 'string' ? value.slice(0, 40) : typeof value
    super(`${where}“${shown}”无效，应写成“${format}”格式（例如 ${example}），请改正后再试。`)
    this.name = 'InvalidDateError'
    this.value = typeof value === 'string' ? value : String(value)
  }
}

/** True when `s` is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false
  const m = ISO_DATE.exec(s)
  if (!m) return false
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  if (mo < 1 || mo > 12 || d < 1) return false
  return d <= daysInMonth(y, mo)
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Days since 1970-01-01 (UTC). Throws InvalidDateError on a malformed or impossible date. */
export function toDayNumber(date: string): number {
  if (!isIsoDate(date)) throw new InvalidDateError(date)
  const y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7))
  const d = Number(date.slice(8, 10))
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY)
}

export function fromDayNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10)
}

export function addDays(date: string, n: number): string {
  return fromDayNumber(toDayNumber(date) + n)
}

/** b − a in calendar days (negative when b is before a). */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a)
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return ((toDayNumber(date) % 7) + 7 + 4) % 7 // 1970-01-01 was a Thursday
}

export function isWeekend(date: string): boolean {
  const w = weekday(date)
  return w === 0 || w === 6
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4))
}

/** The calendar date in China (UTC+8, no DST) of an instant. (For "today" use `today()` from ./clock.) */
export function chinaDate(instant: Date | string | number): string {
  const ms = instant instanceof Date ? instant.getTime() : new Date(instant).getTime()
  if (Number.isNaN(ms)) throw new InvalidDateError(String(instant), '时间')
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10)
}

/** Date and minute in China of an instant, as staff read it: "2026-12-01 22:40" (exports, the audit log). */
export function chinaDateTime(instant: Date | string | number): string {
  const ms = instant instanceof Date ? instant.getTime() : new Date(instant).getTime()
  if (Number.isNaN(ms)) throw new InvalidDateError(String(instant), '时间')
  const iso = new Date(ms + 8 * 3_600_000).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`
}

/**
 * Accepts either a plain date or a full ISO timestamp (as Payload stores date fields) and returns
 * the China calendar date. A plain date is returned unchanged.
 */
export function toChinaDate(value: string | Date): string {
  if (typeof value === 'string' && ISO_DATE.test(value)) {
    if (!isIsoDate(value)) throw new InvalidDateError(value)
    return value
  }
  return chinaDate(value)
}

const ISO_MONTH = /^(\d{4})-(\d{2})$/

export function isIsoMonth(s: unknown): s is string {
  if (typeof s !== 'string') return false
  const m = ISO_MONTH.exec(s)
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12
}

/** 'YYYY-MM' → the following 'YYYY-MM'. */
export function nextMonth(month: string): string {
  return addMonths(month, 1)
}

/** 'YYYY-MM' plus n months (n may be negative). */
export function addMonths(month: string, n: number): string {
  if (!isIsoMonth(month)) throw new InvalidDateError(month, '月份', 'YYYY-MM', '2026-11')
  if (!Number.isInteger(n)) throw new DomainError(`月数应为整数，收到 ${n}。`)
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n
  const y = Math.floor(index / 12)
  const m = index - y * 12 + 1
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`
}

/** The 'YYYY-MM' before `month`. */
export function previousMonth(month: string): string {
  return addMonths(month, -1)
}

/** The 'YYYY-MM' of a date or stored timestamp (China time). */
export function monthOf(value: string | Date): string {
  return toChinaDate(value).slice(0, 7)
}

/**
 * A day as stored by a Payload date field: noon in China (04:00 UTC), so every time zone that
 * renders the timestamp shows the same calendar day.
 */
export function storedDay(day: string): string {
  if (!isIsoDate(day)) throw new InvalidDateError(day)
  return `${day}T04:00:00.000Z`
}

/** The China calendar day of a stored date field (or of any instant); null for empty values. */
export function dayOfStored(value: unknown): string | null {
  if (value instanceof Date) return chinaDate(value)
  if (typeof value !== 'string' || !value) return null
  return toChinaDate(value)
}
