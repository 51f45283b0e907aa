import { describe, expect, it } from 'vitest'
import { calendarEntriesFromChineseDays, createWorkCalendar, defaultWorkCalendar } from '../../cms/domain/calendar'
import { parseHolidayNotice } from '../../cms/domain/holidayNotice'
import { NOTICE_2027 } from '../fixtures/holidays/notice2027'
import {
  DEFAULT_STAGES,
  daysLeft,
  disclosureState,
  disclosureWasLate,
  monthlyDisclosureDue,
  publicityPeriod,
  publicityPeriodEnd,
  publicityStatus,
} from '../../cms/domain/publicity'

const cal = defaultWorkCalendar()
const sevenCalendar = { days: 7, unit: 'calendar' as const }

describe('DEFAULT_STAGES', () => {
  it('three stages of 7 calendar days (三榜公示)', () => {
    expect(DEFAULT_STAGES.map((s) => s.key)).toEqual(['village', 'township', 'county'])
    expect(DEFAULT_STAGES.map((s) => s.label)).toEqual(['村(居)民主评议后公示', '乡镇(街道)审核后公示', '县民政局审批后公示'])
    for (const s of DEFAULT_STAGES) expect(s).toMatchObject({ days: 7, unit: 'calendar' })
    expect(Object.isFrozen(DEFAULT_STAGES)).toBe(true)
  })
})

describe('publicityPeriodEnd, 7 calendar days (domain.md §3 worked examples)', () => {
  it.each([
    ['2026-11-02', '2026-11-09', 'ordinary Monday'],
    ['2026-11-06', '2026-11-13', 'Friday → Friday'],
    ['2026-11-07', '2026-11-16', 'last day Saturday 11-14 → Monday'],
    ['2026-09-29', '2026-10-08', 'last day 10-06 in National Day holiday'],
    ['2026-04-28', '2026-05-06', 'last day 05-05 in Labour Day holiday'],
  ])('posted %s → ends %s (%s)', (posted, end) => {
    expect(publicityPeriodEnd(cal, posted, sevenCalendar)).toBe(end)
  })

  it.each([
    ['2026-02-07', '2026-02-14', 'last day is the Saturday make-up working day: no extension'],
    ['2026-02-09', '2026-02-24', 'last day 02-16 in Spring Festival → first day back'],
    ['2026-10-03', '2026-10-10', 'last day is the Saturday make-up working day'],
    ['2026-06-12', '2026-06-22', 'last day 06-19 端午 → Monday 06-22'],
    ['2026-12-18', '2026-12-25', 'ordinary Friday near the year end'],
  ])('posted %s → ends %s (%s)', (posted, end) => {
    expect(publicityPeriodEnd(cal, posted, sevenCalendar)).toBe(end)
  })

  it('a posting day itself on a holiday still counts from the next day', () => {
    expect(publicityPeriodEnd(cal, '2026-10-01', sevenCalendar)).toBe('2026-10-08')
  })

  it('an end in a year not yet published is provisional, never refused (domain.md §7 example)', () => {
    // posted 12-28, day 7 = 2027-01-04 is a Monday; 元旦 2027-01-01 is a Friday and not the last day
    expect(publicityPeriod(cal, '2026-12-28', sevenCalendar)).toEqual({ endsOn: '2027-01-04', provisional: true, provisionalYears: [2027] })
    expect(publicityPeriod(cal, '2026-12-18', sevenCalendar)).toEqual({ endsOn: '2026-12-25', provisional: false, provisionalYears: [] })
    // the last day 2026-12-31 is a working day: nothing in 2027 was looked at
    expect(publicityPeriod(cal, '2026-12-24', sevenCalendar)).toMatchObject({ endsOn: '2026-12-31', provisional: false })
    // the last day is 元旦 itself: the next working day is counted provisionally
    expect(publicityPeriod(cal, '2026-12-25', sevenCalendar)).toMatchObject({ endsOn: '2027-01-04', provisional: true })
    // 春节 2027 provisionally: 除夕 02-05 … 初三 02-08 (a Monday), then the weekend rule only
    expect(publicityPeriod(cal, '2027-01-29', sevenCalendar)).toMatchObject({ endsOn: '2027-02-09', provisional: true })
  })

  it('once the year is published the same posting is recomputed on the entered schedule', () => {
    const years = [2025, 2026, 2027]
    const published = createWorkCalendar([...calendarEntriesFromChineseDays([2025, 2026]), ...parseHolidayNotice(NOTICE_2027, 2027).entries], years)
    expect(publicityPeriod(published, '2026-12-28', sevenCalendar)).toEqual({ endsOn: '2027-01-04', provisional: false, provisionalYears: [] })
    expect(publicityPeriod(published, '2027-01-29', sevenCalendar)).toMatchObject({ endsOn: '2027-02-15', provisional: false }) // 02-05 … 02-12 off, 02-13/14 weekend
  })
})

describe('publicityPeriodEnd, working days', () => {
  it.each([
    ['2026-11-02', 7, '2026-11-11'],
    ['2026-09-29', 7, '2026-10-14'], // 09-30 10-08 10-09 10-10(Sat make-up) 10-12 10-13 10-14
    ['2026-11-06', 5, '2026-11-13'],
  ])('posted %s + %i working days → %s', (posted, days, end) => {
    expect(publicityPeriodEnd(cal, posted, { days, unit: 'working' })).toBe(end)
  })

  it.each([0, -1, 1.5, Number.NaN])('rejects days = %s', (days) => {
    expect(() => publicityPeriodEnd(cal, '2026-11-02', { days, unit: 'calendar' })).toThrow(/公示天数应为正整数/)
  })
})

describe('publicityStatus', () => {
  const p = { postedOn: '2026-11-07', endsOn: '2026-11-16' }
  it.each([
    ['2026-11-06', '未开始'],
    ['2026-11-07', '公示中'],
    ['2026-11-12', '公示中'],
    ['2026-11-16', '公示中'],
    ['2026-11-17', '已结束'],
  ] as const)('%s → %s', (today, status) => expect(publicityStatus(p, today)).toBe(status))

  it.each([
    ['2026-11-10', '2026-11-09', '公示中'],
    ['2026-11-10', '2026-11-10', '已撤回'],
    ['2026-11-10', '2026-11-20', '已撤回'],
    ['2026-11-16', '2026-11-16', '已撤回'],
    ['2026-11-18', '2026-11-20', '已结束'], // taken down after it ended: retention, not withdrawal
    ['2026-11-05', '2026-11-05', '已撤回'], // withdrawn before it even started
  ] as const)('withdrawn %s, today %s → %s', (withdrawnAt, today, status) => {
    expect(publicityStatus({ ...p, withdrawnAt }, today)).toBe(status)
  })

  it('accepts ISO timestamps (as Payload stores dates) in China time', () => {
    // 2026-11-09T17:00Z is 2026-11-10 01:00 in China
    expect(publicityStatus({ ...p, withdrawnAt: '2026-11-09T17:00:00.000Z' }, '2026-11-10')).toBe('已撤回')
    expect(publicityStatus({ ...p, withdrawnAt: '2026-11-09T17:00:00.000Z' }, '2026-11-09')).toBe('公示中')
    expect(publicityStatus({ ...p, withdrawnAt: null }, '2026-11-09')).toBe('公示中')
  })
})

describe('daysLeft', () => {
  it.each([
    ['2026-11-16', '2026-11-09', 7],
    ['2026-11-16', '2026-11-16', 0],
    ['2026-11-16', '2026-11-18', -2],
    ['2027-01-04', '2026-12-30', 5],
  ])('ends %s, today %s → %i', (ends, today, n) => expect(daysLeft(ends, today)).toBe(n))
})

describe('monthly disclosure (每月5日前公开上月情况)', () => {
  it.each([
    ['2026-10', '2026-11-05'],
    ['2026-12', '2027-01-05'],
    ['2026-01', '2026-02-05'],
  ])('%s → due %s', (month, due) => expect(monthlyDisclosureDue(month)).toBe(due))

  it.each(['2026-13', '2026-1', '202610', ''])('rejects month %j', (m) => {
    expect(() => monthlyDisclosureDue(m)).toThrow(/YYYY-MM/)
  })

  it.each([
    [{ month: '2026-10' }, '2026-11-01', '未到期'],
    [{ month: '2026-10' }, '2026-11-05', '未到期'],
    [{ month: '2026-10' }, '2026-11-06', '已逾期'],
    [{ month: '2026-10', publishedOn: '2026-11-03' }, '2026-11-20', '已完成'],
    [{ month: '2026-10', publishedOn: '2026-11-09' }, '2026-11-20', '已完成'],
    [{ month: '2026-10', publishedOn: null }, '2026-12-01', '已逾期'],
  ] as const)('%j on %s → %s', (d, today, state) => expect(disclosureState(d, today)).toBe(state))

  it('disclosureWasLate', () => {
    expect(disclosureWasLate('2026-10', '2026-11-05')).toBe(false)
    expect(disclosureWasLate('2026-10', '2026-11-06')).toBe(true)
    expect(disclosureWasLate('2026-10', '2026-11-04T20:00:00Z')).toBe(false) // 11-05 04:00 in China
    expect(disclosureWasLate('2026-10', '2026-11-05T17:00:00Z')).toBe(true) // 11-06 01:00 in China
  })
})
