import { describe, expect, it } from 'vitest'
import { addDays, chinaDate, chinaDateTime, daysBetween, InvalidDateError, isIsoDate, nextMonth, toChinaDate, weekday } from '../../cms/domain/dates'

describe('dates', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2024-02-29', true],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2026-13-01', false],
    ['2026-1-1', false],
    ['2026-11-24T00:00:00Z', false],
  ])('isIsoDate(%s) = %s', (s, ok) => expect(isIsoDate(s)).toBe(ok))

  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-29', 1, '2026-03-30'], // European DST change: irrelevant in UTC
  ])('addDays(%s, %i) = %s', (d, n, r) => expect(addDays(d, n)).toBe(r))

  it('weekday and daysBetween', () => {
    expect(weekday('2026-11-14')).toBe(6)
    expect(weekday('2026-11-15')).toBe(0)
    expect(weekday('1970-01-01')).toBe(4)
    expect(weekday('1969-12-31')).toBe(3)
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365)
  })

  it('China date of an instant (UTC+8)', () => {
    expect(chinaDate(new Date('2026-11-23T16:00:00Z'))).toBe('2026-11-24')
    expect(chinaDate('2026-11-23T15:59:59Z')).toBe('2026-11-23')
    expect(toChinaDate('2026-11-24')).toBe('2026-11-24')
    expect(() => toChinaDate('2026-02-30')).toThrow(InvalidDateError)
  })

  it.each([
    ['2026-12-01T14:40:00.000Z', '2026-12-01 22:40'],
    ['2026-12-31T16:05:59.000Z', '2027-01-01 00:05'],
    ['2026-06-30T15:59:00Z', '2026-06-30 23:59'],
  ])('China date and minute of %s', (instant, shown) => expect(chinaDateTime(instant)).toBe(shown))
  it('China date and minute of a broken instant is refused', () => expect(() => chinaDateTime('gestern')).toThrow(InvalidDateError))

  it('nextMonth', () => {
    expect(nextMonth('2026-12')).toBe('2027-01')
    expect(nextMonth('2026-09')).toBe('2026-10')
  })

  it('errors say what and how, in Chinese', () => {
    expect(() => addDays('2026/11/24', 1)).toThrow('日期“2026/11/24”无效，应写成“YYYY-MM-DD”格式（例如 2026-11-24），请改正后再试。')
  })
})
