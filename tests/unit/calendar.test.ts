import { describe, expect, it } from 'vitest'
import {
  addWorkingDays,
  calendarEntriesFromChineseDays,
  CalendarEntryError,
  chineseDaysPublishedYears,
  countWorkingDays,
  createWorkCalendar,
  dayInfo,
  defaultWorkCalendar,
  isProvisionalYear,
  isRestDay,
  provisionalYearsIn,
  isWorkingDay,
  nextWorkingDay,
  type CalendarEntry,
} from '../../cms/domain/calendar'
import { InvalidDateError } from '../../cms/domain/dates'
import { DomainError } from '../../cms/domain/errors'

const cal = defaultWorkCalendar()

describe('chinese-days seeding', () => {
  it('covers exactly the years the package has data for (2004–2026), nothing invented', () => {
    const years = chineseDaysPublishedYears()
    expect(years[0]).toBe(2004)
    expect(years.at(-1)).toBe(2026)
    expect(years).toHaveLength(23)
    expect(calendarEntriesFromChineseDays([2027, 2030])).toEqual([])
  })

  it('2026 make-up working days match the State Council notice', () => {
    const makeup = calendarEntriesFromChineseDays([2026]).filter((e) => e.kind === 'makeup')
    expect(makeup.map((e) => e.date)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])
    expect(makeup.find((e) => e.date === '2026-02-14')?.name).toBe('春节')
  })

  it('2026 off days: Spring Festival 02-15..02-23, National Day 10-01..10-07', () => {
    const off = new Set(calendarEntriesFromChineseDays([2026]).filter((e) => e.kind === 'off').map((e) => e.date))
    for (let d = 15; d <= 23; d++) expect(off.has(`2026-02-${d}`)).toBe(true)
    for (let d = 1; d <= 7; d++) expect(off.has(`2026-10-0${d}`)).toBe(true)
    expect(off.has('2026-02-24')).toBe(false)
  })
})

describe('isWorkingDay / isRestDay', () => {
  it.each([
    ['2026-01-01', false, '元旦'],
    ['2026-01-04', true, 'Sunday make-up for 元旦'],
    ['2026-01-05', true, 'plain Monday'],
    ['2026-01-10', false, 'plain Saturday'],
    ['2026-02-14', true, 'Saturday make-up for 春节'],
    ['2026-02-16', false, '春节 Monday'],
    ['2026-02-23', false, '春节 last day, a Monday'],
    ['2026-02-24', true, 'first day back'],
    ['2026-02-28', true, 'Saturday make-up'],
    ['2026-04-06', false, '清明 Monday'],
    ['2026-05-05', false, '劳动节 Tuesday'],
    ['2026-05-09', true, 'Saturday make-up'],
    ['2026-06-19', false, '端午 Friday'],
    ['2026-09-20', true, 'Sunday make-up for 国庆'],
    ['2026-09-25', false, '中秋 Friday'],
    ['2026-10-01', false, '国庆'],
    ['2026-10-07', false, '国庆 Wednesday'],
    ['2026-10-08', true, 'back to work'],
    ['2026-10-10', true, 'Saturday make-up'],
    ['2026-10-11', false, 'plain Sunday'],
    ['2025-10-08', false, '2025: 国庆+中秋 8 days'],
    ['2025-10-11', true, '2025 Saturday make-up'],
  ])('%s → working=%s (%s)', (date, working) => {
    expect(isWorkingDay(cal, date)).toBe(working)
    expect(isRestDay(cal, date)).toBe(!working)
  })

  it('dayInfo names the day', () => {
    expect(dayInfo(cal, '2026-02-14')).toEqual({ date: '2026-02-14', working: true, kind: 'makeup', name: '春节', provisional: false })
    expect(dayInfo(cal, '2026-10-03')).toMatchObject({ working: false, kind: 'off', name: '国庆节' })
    expect(dayInfo(cal, '2026-11-14')).toEqual({ date: '2026-11-14', working: false, kind: 'weekend', name: '星期六', provisional: false })
    expect(dayInfo(cal, '2026-11-16')).toMatchObject({ working: true, kind: 'workday', name: '星期一' })
  })
})

describe('nextWorkingDay (strictly after)', () => {
  it.each([
    ['2026-11-13', '2026-11-16'], // Friday → Monday
    ['2026-11-16', '2026-11-17'],
    ['2026-09-30', '2026-10-08'], // across National Day
    ['2026-10-08', '2026-10-09'],
    ['2026-10-09', '2026-10-10'], // Saturday make-up
    ['2026-02-13', '2026-02-14'], // Saturday make-up
    ['2026-02-14', '2026-02-24'], // across Spring Festival
    ['2025-12-31', '2026-01-04'], // across the year end to a Sunday make-up
  ])('%s → %s', (d, next) => expect(nextWorkingDay(cal, d)).toBe(next))
})

describe('addWorkingDays (start not counted)', () => {
  it.each([
    ['2026-01-05', 30, '2026-02-14'], // domain.md §7: ends on the Saturday make-up day
    ['2026-01-05', 31, '2026-02-24'],
    ['2026-01-05', 0, '2026-01-05'],
    ['2026-01-05', 1, '2026-01-06'],
    ['2026-01-09', 1, '2026-01-12'],
    ['2026-09-29', 2, '2026-10-08'], // 09-30, then the National Day holiday
    ['2026-09-29', 3, '2026-10-09'],
    ['2026-09-28', 10, '2026-10-16'], // 09-29 09-30 10-08 10-09 10-10(Sat make-up) 10-12 … 10-16
    ['2026-02-10', 3, '2026-02-13'],
    ['2026-02-10', 5, '2026-02-24'],
    ['2026-12-01', 20, '2026-12-29'],
    ['2026-02-24', -1, '2026-02-14'],
    ['2026-10-08', -2, '2026-09-29'],
  ])('%s + %i working days → %s', (start, n, end) => {
    expect(addWorkingDays(cal, start, n)).toBe(end)
  })

  it('rejects a non-integer count', () => {
    expect(() => addWorkingDays(cal, '2026-01-05', 1.5)).toThrow(DomainError)
  })
})

describe('countWorkingDays in (from, to]', () => {
  it.each([
    ['2026-01-05', '2026-02-14', 30],
    ['2026-01-05', '2026-01-05', 0],
    ['2026-11-13', '2026-11-16', 1],
    ['2026-09-30', '2026-10-08', 1],
    ['2026-08-31', '2026-09-30', 22], // 22 weekdays − 中秋 09-25 + make-up Sunday 09-20
    ['2026-09-01', '2026-09-30', 21],
    ['2026-02-14', '2026-01-05', -30],
  ])('(%s, %s] → %i', (from, to, n) => expect(countWorkingDays(cal, from, to)).toBe(n))

  it('is the inverse of addWorkingDays', () => {
    for (const n of [1, 5, 10, 15, 20, 30, 45]) {
      const end = addWorkingDays(cal, '2026-03-17', n)
      expect(countWorkingDays(cal, '2026-03-17', end)).toBe(n)
    }
  })
})

describe('provisional years: weekends plus the statutory holidays, never a refusal', () => {
  it('counts into 2027 (not published) with the statutory days and says it is provisional', () => {
    expect(isWorkingDay(cal, '2027-01-01')).toBe(false) // 元旦, a Friday
    expect(isWorkingDay(cal, '2027-01-04')).toBe(true)
    expect(isWorkingDay(cal, '2027-02-05')).toBe(false) // 除夕
    expect(isWorkingDay(cal, '2027-02-08')).toBe(false) // 正月初三, a Monday
    expect(isWorkingDay(cal, '2027-02-09')).toBe(true) // no 调休 is assumed
    expect(isWorkingDay(cal, '2027-05-03')).toBe(true) // only 5月1日、2日 are statutory
    expect(nextWorkingDay(cal, '2026-12-31')).toBe('2027-01-04')
    expect(addWorkingDays(cal, '2026-12-01', 30)).toBe('2027-01-13')
    expect(dayInfo(cal, '2027-02-06')).toEqual({ date: '2027-02-06', working: false, kind: 'off', name: '春节', provisional: true })
    expect(dayInfo(cal, '2026-02-14')).toMatchObject({ provisional: false })
  })

  it.each([
    ['2026-12-01', '2026-12-31', []],
    ['2026-12-28', '2027-01-04', [2027]],
    ['2026-12-31', '2026-12-31', []],
    ['2026-12-31', '2027-01-01', [2027]],
    ['2027-01-04', '2026-12-28', [2027]],
    ['2026-06-01', '2028-01-05', [2027, 2028]],
    ['2003-05-01', '2003-05-08', [2003]],
  ] as const)('provisionalYearsIn(%s, %s) = %j', (from, to, years) => {
    expect(provisionalYearsIn(cal, from, to)).toEqual(years)
  })

  it('a manually entered year counts once published; its entries are ignored until then', () => {
    const entries: CalendarEntry[] = [
      { date: '2027-01-01', kind: 'off', name: '元旦' },
      { date: '2027-01-04', kind: 'off', name: '元旦' },
      { date: '2027-02-06', kind: 'makeup', name: '春节' },
    ]
    const published = createWorkCalendar(entries, [2027])
    expect(isWorkingDay(published, '2027-01-04')).toBe(false)
    expect(isWorkingDay(published, '2027-02-06')).toBe(true)
    expect(isWorkingDay(published, '2027-02-05')).toBe(true) // the entered schedule, not the statutory days
    expect(isProvisionalYear(published, 2027)).toBe(false)
    const notYet = createWorkCalendar(entries, [])
    expect(isWorkingDay(notYet, '2027-01-04')).toBe(true)
    expect(isWorkingDay(notYet, '2027-02-06')).toBe(false)
    expect(isProvisionalYear(notYet, 2027)).toBe(true)
  })
})

describe('createWorkCalendar validation', () => {
  it.each<[string, CalendarEntry[], RegExp]>([
    ['bad date', [{ date: '2026-02-30', kind: 'off', name: 'x' }], /节假日日历第1条的日期/],
    ['make-up on a weekday', [{ date: '2026-11-24', kind: 'makeup', name: 'x' }], /本来就是工作日/],
    [
      'conflicting kinds',
      [
        { date: '2026-11-28', kind: 'off', name: 'x' },
        { date: '2026-11-28', kind: 'makeup', name: 'x' },
      ],
      /既标为“放假”又标为“调休上班”/,
    ],
  ])('%s', (_label, entries, message) => {
    expect(() => createWorkCalendar(entries, [2026])).toThrow(message)
  })

  it('error classes', () => {
    expect(() => createWorkCalendar([{ date: '2026-11-24', kind: 'makeup', name: '' }], [2026])).toThrow(CalendarEntryError)
    expect(() => isWorkingDay(cal, '2026-13-01')).toThrow(InvalidDateError)
    expect(() => isWorkingDay(cal, '26-1-1')).toThrow(/YYYY-MM-DD/)
  })
})
