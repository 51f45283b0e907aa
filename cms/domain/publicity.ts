// Publicity (公示) periods and the monthly disclosure deadline (domain.md §3).
import { addWorkingDays, isRestDay, nextWorkingDay, provisionalYearsIn, type WorkCalendar } from './calendar'
import { addDays, daysBetween, nextMonth, toChinaDate, toDayNumber } from './dates'
import { DomainError } from './errors'

export type StageConfig = { key: string; label: string; days: number; unit: 'calendar' | 'working' }

/** 三榜公示, the local default; a region/programme may configure one stage or "7个工作日". */
export const DEFAULT_STAGES: readonly StageConfig[] = Object.freeze([
  Object.freeze({ key: 'village', label: '村(居)民主评议后公示', days: 7, unit: 'calendar' as const }),
  Object.freeze({ key: 'township', label: '乡镇(街道)审核后公示', days: 7, unit: 'calendar' as const }),
  Object.freeze({ key: 'county', label: '县民政局审批后公示', days: 7, unit: 'calendar' as const }),
])

/**
 * Last day of a publicity period. The posting day is not counted (民法典 第201条).
 * 'calendar': postedOn + days; if that day is a rest day (non-make-up weekend or statutory
 * holiday) the period runs to the next working day (第203条). 'working': the days-th working day
 * after postedOn.
 */
export function publicityPeriodEnd(
  cal: WorkCalendar,
  postedOn: string,
  period: Pick<StageConfig, 'days' | 'unit'>,
): string {
  const { days, unit } = period
  if (!Number.isInteger(days) || days < 1) {
    throw new DomainError(`公示天数应为正整数（例如 7），当前设置为“${days}”，请在公示阶段设置中改正。`)
  }
  toDayNumber(postedOn) // validates
  if (unit === 'working') return addWorkingDays(cal, postedOn, days)
  if (unit !== 'calendar') throw new DomainError(`公示天数单位应为“自然日”或“工作日”，当前为“${unit}”。`)
  const last = addDays(postedOn, days)
  return isRestDay(cal, last) ? nextWorkingDay(cal, last) : last
}

export type PublicityPeriod = {
  endsOn: string
  /** True when the end depends on a year whose holidays are not published yet (暂定; recomputed later). */
  provisional: boolean
  /** The unpublished years it depends on. */
  provisionalYears: number[]
}

/** The end of a publicity period and whether it is provisional (see `publicityPeriodEnd`). */
export function publicityPeriod(cal: WorkCalendar, postedOn: string, period: Pick<StageConfig, 'days' | 'unit'>): PublicityPeriod {
  const endsOn = publicityPeriodEnd(cal, postedOn, period)
  const provisionalYears = provisionalYearsIn(cal, postedOn, endsOn)
  return { endsOn, provisional: provisionalYears.length > 0, provisionalYears }
}

export type PublicityStatus = '未开始' | '公示中' | '已结束' | '已撤回'

/**
 * Status on `today`. Dates may be plain 'YYYY-MM-DD' or ISO timestamps (converted to the China
 * date). 公示中 runs from the posting day through the end day inclusive. A withdrawal on or before
 * the end day makes it 已撤回 from that day on; taking a notice down after it ended normally is
 * retention, not withdrawal, and leaves it 已结束.
 */
export function publicityStatus(
  p: { postedOn: string; endsOn: string; withdrawnAt?: string | Date | null },
  today: string,
): PublicityStatus {
  const posted = toDayNumber(toChinaDate(p.postedOn))
  const ends = toDayNumber(toChinaDate(p.endsOn))
  const now = toDayNumber(toChinaDate(today))
  if (p.withdrawnAt) {
    const withdrawn = toDayNumber(toChinaDate(p.withdrawnAt))
    if (withdrawn <= ends && now >= withdrawn) return '已撤回'
  }
  if (now < posted) return '未开始'
  if (now <= ends) return '公示中'
  return '已结束'
}

/**
 * Calendar days from today to the end day: 0 on the last day ("今天截止"), negative once ended.
 * Callers show it only while the status is 公示中.
 */
export function daysLeft(endsOn: string, today: string): number {
  return daysBetween(toChinaDate(today), toChinaDate(endsOn))
}

// ---------------------------------------------------------------------------------------------
// Monthly disbursement notice: "每月5日前将上一个月的救助情况向社会公开".

/**
 * The date by which the notice for `month` ('YYYY-MM') must be public: the 5th of the next month,
 * the 5th itself still in time. Kept a fixed date on purpose (no holiday shift): the notice is
 * published on the website, and the local rule states a calendar date.
 */
export function monthlyDisclosureDue(month: string): string {
  return `${nextMonth(month)}-05`
}

export type DisclosureState = '未到期' | '已完成' | '已逾期'

/**
 * '已完成' once the notice is published (whenever that was; see `disclosureWasLate` for the
 * punctuality record), otherwise '未到期' up to and including the due date and '已逾期' after it.
 */
export function disclosureState(
  d: { month: string; publishedOn?: string | Date | null },
  today: string,
): DisclosureState {
  if (d.publishedOn) return '已完成'
  const due = monthlyDisclosureDue(d.month)
  return toDayNumber(toChinaDate(today)) > toDayNumber(due) ? '已逾期' : '未到期'
}

/** True when the notice for `month` went public after its due date. */
export function disclosureWasLate(month: string, publishedOn: string | Date): boolean {
  return toDayNumber(toChinaDate(publishedOn)) > toDayNumber(monthlyDisclosureDue(month))
}
