// The statutory holidays of a year (全体公民放假的节日), as the law fixes them before the State
// Council announces the year's 调休 (domain.md §7). 《全国年节及纪念日放假办法》 as amended in 2024
// (in force from 2025): 元旦 1 day; 春节 4 days = 农历除夕 and 正月初一至初三; 清明 1 day (the 清明
// solar term); 劳动节 5月1日、2日; 端午 农历五月初五; 中秋 农历八月十五; 国庆 10月1日至3日.
// Earlier versions are kept so that a pasted notice of an earlier year can be checked against the
// law it was made under. Not computed here, and left to the State Council's notice: the 补假 for a
// holiday on a weekend (第六条) and the 调休 swaps.
//
// Lunar dates and the 清明 term come from `chinese-days`. Its helpers parse 'YYYY-MM-DD' strings as
// UTC and format in local time, which shifts dates by a day west of UTC; so lunar dates are asked
// with local-noon Date objects, and the 清明 date is corrected for that round trip (see `qingming`).
import chineseDays from 'chinese-days'
import { addDays } from './dates'
import { DomainError } from './errors'

export type HolidayKey = 'newYear' | 'springFestival' | 'qingming' | 'labourDay' | 'dragonBoat' | 'midAutumn' | 'nationalDay'

/** The names the State Council's notices use, in their order. */
export const HOLIDAY_NAMES: Readonly<Record<HolidayKey, string>> = Object.freeze({
  newYear: '元旦',
  springFestival: '春节',
  qingming: '清明节',
  labourDay: '劳动节',
  dragonBoat: '端午节',
  midAutumn: '中秋节',
  nationalDay: '国庆节',
})
export const HOLIDAY_KEYS = Object.keys(HOLIDAY_NAMES) as HolidayKey[]

export type StatutoryHoliday = { key: HolidayKey; name: string; dates: string[] }

/** Which version of the law governs a year, and what it says about the two holidays that changed. */
type LawVersion = { from: number; title: string; springFestival: 'eveToSecond' | 'firstToThird' | 'eveToThird'; labourDays: number }
const LAW_VERSIONS: readonly LawVersion[] = [
  { from: 2008, title: '《全国年节及纪念日放假办法》（2007年修订）', springFestival: 'eveToSecond', labourDays: 1 },
  { from: 2014, title: '《全国年节及纪念日放假办法》（2013年修订）', springFestival: 'firstToThird', labourDays: 1 },
  { from: 2025, title: '《全国年节及纪念日放假办法》（2024年修订）', springFestival: 'eveToThird', labourDays: 2 },
]

/** The version of the law for `year` (years before 2008 use the 2008 rules; they are never provisional in practice). */
export function lawFor(year: number): LawVersion {
  return [...LAW_VERSIONS].reverse().find((v) => year >= v.from) ?? LAW_VERSIONS[0]
}

const FIRST_YEAR = 1901
const LAST_YEAR = 2100

const pad = (n: number) => String(n).padStart(2, '0')

/** Gregorian date of a lunar month/day in lunar year `year` (never a leap month). */
function lunarToSolar(year: number, month: number, day: number): string {
  return chineseDays.getSolarDateFromLunar(new Date(year, month - 1, day, 12)).date
}

/** The 清明 solar term of `year`, undoing the library's UTC-parse/local-format shift. */
function qingming(year: number): string {
  const shown = chineseDays.getSolarTermDate(year, 4, 'pure_brightness')
  const [y, m, d] = shown.split('-').map(Number)
  const local = new Date(Date.UTC(y, m - 1, d))
  const roundTrip = `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`
  return roundTrip === shown ? shown : addDays(shown, 1)
}

const cache = new Map<number, StatutoryHoliday[]>()

/** The statutory holidays of `year`, in the notices' order, each with its days (sorted). */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new DomainError(`无法推算${year}年的法定节假日：只支持${FIRST_YEAR}至${LAST_YEAR}年。`)
  }
  const hit = cache.get(year)
  if (hit) return hit
  const law = lawFor(year)
  const newYear = lunarToSolar(year, 1, 1)
  const eve = addDays(newYear, -1)
  const spring =
    law.springFestival === 'eveToThird'
      ? [eve, newYear, addDays(newYear, 1), addDays(newYear, 2)]
      : law.springFestival === 'firstToThird'
        ? [newYear, addDays(newYear, 1), addDays(newYear, 2)]
        : [eve, newYear, addDays(newYear, 1)]
  const days: Record<HolidayKey, string[]> = {
    newYear: [`${year}-01-01`],
    springFestival: spring,
    qingming: [qingming(year)],
    labourDay: law.labourDays === 2 ? [`${year}-05-01`, `${year}-05-02`] : [`${year}-05-01`],
    dragonBoat: [lunarToSolar(year, 5, 5)],
    midAutumn: [lunarToSolar(year, 8, 15)],
    nationalDay: [`${year}-10-01`, `${year}-10-02`, `${year}-10-03`],
  }
  const out = HOLIDAY_KEYS.map((key) => Object.freeze({ key, name: HOLIDAY_NAMES[key], dates: Object.freeze(days[key]) as string[] }))
  cache.set(year, out)
  return out
}

/** date → holiday name for the statutory days of `year`. */
export function statutoryDays(year: number): Map<string, string> {
  const map = new Map<string, string>()
  for (const h of statutoryHolidays(year)) for (const d of h.dates) if (!map.has(d)) map.set(d, h.name)
  return map
}
