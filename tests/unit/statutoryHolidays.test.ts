// The statutory holidays the law fixes, computed from lunar and solar-term data: checked against the
// State Council's published schedules (chinese-days) for every year it covers, and by hand for 2027.
import { describe, expect, it } from 'vitest'
import { chineseDaysPublishedYears, defaultWorkCalendar, isRestDay } from '../../cms/domain/calendar'
import { lawFor, statutoryHolidays } from '../../cms/domain/statutoryHolidays'

describe('statutory holidays', () => {
  it('2027 (2024 amendment): 13 days, lunar and solar-term dates right', () => {
    const days = Object.fromEntries(statutoryHolidays(2027).map((h) => [h.name, h.dates]))
    expect(days).toEqual({
      元旦: ['2027-01-01'],
      春节: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'], // 除夕 and 正月初一至初三
      清明节: ['2027-04-05'],
      劳动节: ['2027-05-01', '2027-05-02'],
      端午节: ['2027-06-09'],
      中秋节: ['2027-09-15'],
      国庆节: ['2027-10-01', '2027-10-02', '2027-10-03'],
    })
    expect(Object.values(days).flat()).toHaveLength(13)
  })

  it.each([
    [2028, { 春节: ['2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28'], 清明节: ['2028-04-04'], 端午节: ['2028-05-28'], 中秋节: ['2028-10-03'] }], // 闰五月: the first 五月初五
    [2030, { 春节: ['2030-02-02', '2030-02-03', '2030-02-04', '2030-02-05'], 清明节: ['2030-04-05'], 端午节: ['2030-06-05'], 中秋节: ['2030-09-12'] }],
  ])('%i', (year, expected) => {
    const days = Object.fromEntries(statutoryHolidays(year).map((h) => [h.name, h.dates]))
    expect(days).toMatchObject(expected)
  })

  it('follows the version of the law in force: 除夕 and 5月2日 only from 2025, 除夕 without 初三 before 2014', () => {
    expect(lawFor(2024).springFestival).toBe('firstToThird')
    expect(lawFor(2025).springFestival).toBe('eveToThird')
    expect(lawFor(2012).springFestival).toBe('eveToSecond')
    expect(statutoryHolidays(2024).find((h) => h.key === 'springFestival')!.dates).toEqual(['2024-02-10', '2024-02-11', '2024-02-12'])
    expect(statutoryHolidays(2024).find((h) => h.key === 'labourDay')!.dates).toEqual(['2024-05-01'])
  })

  it('every statutory day of 2008–2026 is a rest day in the State Council schedules chinese-days carries', () => {
    const cal = defaultWorkCalendar()
    const checked: string[] = []
    for (const year of chineseDaysPublishedYears().filter((y) => y >= 2008)) {
      for (const h of statutoryHolidays(year)) {
        for (const d of h.dates) {
          expect(isRestDay(cal, d), `${year} ${h.name} ${d}`).toBe(true)
          checked.push(d)
        }
      }
    }
    expect(checked.length).toBeGreaterThan(19 * 10)
  })

  it('refuses years it cannot compute, in Chinese', () => {
    expect(() => statutoryHolidays(2101)).toThrow(/无法推算2101年的法定节假日/)
  })
})
