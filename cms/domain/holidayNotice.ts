// Reads the text of a 国务院办公厅关于X年部分节假日安排的通知 into calendar entries, so that an
// administrator enters next year's schedule by pasting the notice (节假日日历 → 粘贴国务院通知).
// The notice's format has been stable for years: one numbered item per holiday,
//   "二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。"
// Every item is read into 放假 (off) and 上班 (make-up working) days and checked: the dates are
// real and their stated weekdays right, every 上班 day is a Saturday or Sunday, every "共N天"
// matches the days listed, and the statutory days of the holiday (./statutoryHolidays) lie inside
// what is off. Problems are all reported at once (一次性告知), each naming the line it is on.
// A hand-written reader: no library reads this format, and it is a few regular expressions.
import type { CalendarEntry } from './calendar'
import { addDays, daysBetween, daysInMonth, isWeekend, weekday, yearOf } from './dates'
import { DomainError } from './errors'
import { HOLIDAY_KEYS, HOLIDAY_NAMES, lawFor, statutoryHolidays, type HolidayKey } from './statutoryHolidays'

export type ScheduleProblem = { line: number | null; message: string }

export type ParsedHoliday = {
  keys: HolidayKey[]
  /** As the notice writes it, e.g. "国庆节、中秋节". */
  label: string
  /** 1-based line of the pasted text. */
  line: number
  off: string[]
  work: string[]
  /** The "共N天" / "放假N天" the notice states, when it does. */
  statedDays: number | null
}

export type ParsedSchedule = {
  year: number
  holidays: ParsedHoliday[]
  /** What the calendar stores: one entry per 放假 or 上班 day, sorted by date. */
  entries: CalendarEntry[]
  /** Sentences inside the items that say no date is off or worked (e.g. "鼓励……在除夕休息"), shown so nothing is missed silently. */
  ignored: { line: number; text: string }[]
}

export class HolidayNoticeError extends DomainError {
  readonly problems: ScheduleProblem[]
  constructor(problems: ScheduleProblem[]) {
    super(`放假通知没有录入，请改正后再试：${problems.map((p) => p.message).join(' ')}`, 422)
    this.name = 'HolidayNoticeError'
    this.problems = problems
  }
}

const WEEKDAYS = '日一二三四五六'
const weekdayName = (date: string) => `周${WEEKDAYS[weekday(date)]}`
const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
const NAME_OF_KEY = new Map(HOLIDAY_KEYS.map((k) => [HOLIDAY_NAMES[k], k]))
// How people write the names in copies of the notice.
const ALIASES: Record<string, HolidayKey> = { 元旦节: 'newYear', 清明: 'qingming', 五一: 'labourDay', 五一劳动节: 'labourDay', 端午: 'dragonBoat', 中秋: 'midAutumn', 国庆: 'nationalDay' }

/** Full-width digits and punctuation as ASCII/half-width, so copies from any web page read the same. */
function normalise(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
    .replace(/：/g, ':')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/，/g, ',')
    .replace(/；/g, ';')
    .replace(/[\u00a0\u3000\t ]+/g, '')
}

const ITEM = /^(?:([一二三四五六七八九十]{1,3})[、.．])?([^:,。()]{1,24}?):(.*)$/
const DATE_REF = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\(([^)]*)\))?/g
const STATED = /(?:共|放假)(\d{1,2})天/

type Item = { line: number; numbered: boolean; label: string; names: string[]; body: string; raw: string }

/** Splits the text into items, one per holiday; an item may share its line with the previous one. */
function items(text: string): Item[] {
  const out: Item[] = []
  normalise(text)
    .split(/\r\n|\r|\n/)
    .forEach((rawLine, i) => {
      // Several items on one line ("…上班。二、春节：…"): split before each number that follows a full stop.
      for (const part of rawLine.split(/(?<=。)(?=[一二三四五六七八九十]{1,3}、)/)) {
        const m = ITEM.exec(part)
        if (!m) continue
        const names = m[2].split(/[、和及]/).filter(Boolean)
        out.push({ line: i + 1, numbered: Boolean(m[1]), label: m[2], names, body: m[3], raw: part })
      }
    })
  return out
}

const shorten = (s: string) => (s.length > 30 ? `${s.slice(0, 30)}……` : s)

type Ref = { year: number | null; month: number | null; day: number; weekday: string | null; index: number; end: number; text: string }

/**
 * Reads the holiday schedule of `year` from the pasted notice. Returns the schedule, or every problem
 * found (with its line) and no schedule.
 */
export function readHolidayNotice(text: string, year: number): { schedule: ParsedSchedule | null; problems: ScheduleProblem[] } {
  const problems: ScheduleProblem[] = []
  const problem = (line: number | null, message: string) => problems.push({ line, message })
  if (!Number.isInteger(year) || year < 2008 || year > 2100) {
    return { schedule: null, problems: [{ line: null, message: `年份“${year}”无效，应为2008至2100之间的四位数年份。` }] }
  }
  if (typeof text !== 'string' || !text.trim()) {
    return { schedule: null, problems: [{ line: null, message: '没有粘贴通知内容。请把国务院办公厅放假安排通知的正文（包括“一、元旦：……”各条）粘贴进来。' }] }
  }
  const stated = /关于(\d{4})年部分节假日安排|现将(\d{4})年/.exec(normalise(text))
  const statedYear = stated ? Number(stated[1] ?? stated[2]) : null
  if (statedYear !== null && statedYear !== year) {
    problem(null, `粘贴的是${statedYear}年的通知，但要录入的是${year}年。请选对年份，或粘贴${year}年的通知。`)
  }

  const holidays: ParsedHoliday[] = []
  const ignored: ParsedSchedule['ignored'] = []
  // Holidays whose item was there, even if it could not be read (so they are not also reported missing).
  const mentioned = new Set<HolidayKey>()
  for (const item of items(text)) {
    const keys: HolidayKey[] = []
    const unknown: string[] = []
    for (const n of item.names) {
      const key = NAME_OF_KEY.get(n) ?? ALIASES[n]
      if (key) keys.push(key)
      else unknown.push(n)
    }
    const where = `第${item.line}行（“${shorten(item.raw)}”）`
    if (!unknown.length) for (const k of keys) mentioned.add(k)
    if (unknown.length) {
      // Unnumbered lines that are not holidays are the preamble ("各省、自治区……：") and are skipped.
      if (item.numbered) problem(item.line, `${where}无法读懂：不认识节日名称“${unknown.join('、')}”，应为${HOLIDAY_KEYS.map((k) => HOLIDAY_NAMES[k]).join('、')}之一。`)
      continue
    }
    const off: string[] = []
    const work: string[] = []
    let statedDays: number | null = null
    let lineOk = true
    for (const sentence of item.body.split(/[。;]/).map((s) => s.trim()).filter(Boolean)) {
      const refs = readRefs(sentence)
      const isOff = /放假|连休/.test(sentence)
      const isWork = /上班/.test(sentence)
      if ((!isOff && !isWork) || refs.length === 0) {
        if (isOff || isWork) {
          problem(item.line, `${where}无法读懂：“${shorten(sentence)}”中没有找到日期（应写成“1月1日”这样的格式）。`)
          lineOk = false
        } else ignored.push({ line: item.line, text: sentence })
        continue
      }
      if (isOff && isWork) {
        problem(item.line, `${where}无法读懂：一句话里既有“放假”又有“上班”，请把放假和上班分成两句（用句号隔开），与通知原文一致。`)
        lineOk = false
        continue
      }
      const dates = resolveRefs(refs, year, sentence, (msg) => {
        problem(item.line, `${where}${msg}`)
        lineOk = false
      })
      if (!dates) continue
      if (isOff) {
        off.push(...dates)
        const s = STATED.exec(sentence)
        if (s) statedDays = (statedDays ?? 0) + Number(s[1])
      } else work.push(...dates)
    }
    if (!lineOk) continue
    if (off.length === 0) {
      problem(item.line, `${where}无法读懂：没有找到放假日期（例如“1月1日（周四）至3日（周六）放假调休，共3天。”）。`)
      continue
    }
    holidays.push({ keys, label: item.label, line: item.line, off, work, statedDays })
  }

  if (holidays.length === 0 && problems.length === 0) {
    problem(null, '没有找到放假安排。请粘贴通知正文中“一、元旦：……”“二、春节：……”这样的各条（可以连同标题和落款一起粘贴）。')
  }
  checkSchedule(year, holidays, mentioned, problem)
  if (problems.length) return { schedule: null, problems }

  const entries: CalendarEntry[] = []
  for (const h of holidays) {
    const statutory = new Map<string, string>()
    for (const s of statutoryHolidays(year)) if (h.keys.includes(s.key)) for (const d of s.dates) statutory.set(d, s.name)
    const main = HOLIDAY_NAMES[h.keys[0]]
    for (const date of h.off) entries.push({ date, kind: 'off', name: statutory.get(date) ?? main })
    for (const date of h.work) entries.push({ date, kind: 'makeup', name: main })
  }
  entries.sort((a, b) => a.date.localeCompare(b.date))
  return { schedule: { year, holidays, entries, ignored }, problems: [] }
}

/** As `readHolidayNotice`, throwing a HolidayNoticeError (every problem in its message) instead. */
export function parseHolidayNotice(text: string, year: number): ParsedSchedule {
  const { schedule, problems } = readHolidayNotice(text, year)
  if (!schedule) throw new HolidayNoticeError(problems)
  return schedule
}

function readRefs(sentence: string): Ref[] {
  const refs: Ref[] = []
  for (const m of sentence.matchAll(DATE_REF)) {
    const inBrackets = m[4] ?? ''
    const wd = /(?:周|星期|礼拜)([一二三四五六日天])/.exec(inBrackets)
    refs.push({
      year: m[1] ? Number(m[1]) : null,
      month: m[2] ? Number(m[2]) : null,
      day: Number(m[3]),
      weekday: wd ? (wd[1] === '天' ? '日' : wd[1]) : null,
      index: m.index,
      end: m.index + m[0].length,
      text: m[0].replace(/\(.*$/, ''),
    })
  }
  return refs
}

/**
 * Turns the date references of one sentence into dates: "A至B" is a range, "A、B" a list; a day
 * without a month takes the previous one's month (and a range end before its start the next year).
 */
function resolveRefs(refs: Ref[], year: number, sentence: string, fail: (message: string) => void): string[] | null {
  const out: string[] = []
  let month: number | null = null
  let y = year
  let rangeFrom: string | null = null
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i]
    const between = i > 0 ? sentence.slice(refs[i - 1].end, r.index) : ''
    const isRangeEnd = i > 0 && /^(?:至|到|—|－|-|~|～)$/.test(between)
    if (i > 0 && !isRangeEnd && !/^(?:、|和|及|,)$/.test(between)) {
      fail(`无法读懂：“${shorten(sentence)}”中“${refs[i - 1].text}”和“${r.text}”之间的“${between}”，日期之间应为“至”（一段日期）或“、”（几个日期）。`)
      return null
    }
    if (r.year !== null) y = r.year
    if (r.month !== null) {
      if (isRangeEnd && r.year === null && month !== null && r.month < month) y += 1
      month = r.month
    }
    if (month === null) {
      fail(`无法读懂：“${r.text}”没有写月份（应写成“1月1日”）。`)
      return null
    }
    if (month < 1 || month > 12 || r.day < 1 || r.day > daysInMonth(y, month)) {
      fail(`“${month}月${r.day}日”不是有效日期，请核对。`)
      return null
    }
    const date = `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(r.day).padStart(2, '0')}`
    if (r.weekday && WEEKDAYS[weekday(date)] !== r.weekday) {
      fail(`写的是${monthDay(date)}（周${r.weekday}），但${yearOf(date)}年${monthDay(date)}是${weekdayName(date)}，请核对年份和日期。`)
      return null
    }
    if (isRangeEnd) {
      const from = rangeFrom!
      const span = daysBetween(from, date)
      if (span < 1 || span > 15) {
        fail(`“${monthDay(from)}至${monthDay(date)}”不是一段合理的放假日期（应在15天以内且后一天晚于前一天），请核对。`)
        return null
      }
      for (let d = addDays(from, 1); d <= date; d = addDays(d, 1)) out.push(d)
      rangeFrom = null
    } else {
      out.push(date)
      rangeFrom = date
    }
  }
  return out
}

function checkSchedule(year: number, holidays: ParsedHoliday[], mentioned: Set<HolidayKey>, problem: (line: number | null, message: string) => void) {
  const law = lawFor(year)
  const statutory = new Map(statutoryHolidays(year).map((s) => [s.key, s]))
  const seenKey = new Map<HolidayKey, number>()
  const offAt = new Map<string, number>()
  const workAt = new Map<string, number>()
  const earliest = `${year - 1}-12-01`
  const latest = `${year + 1}-01-31`
  for (const h of holidays) {
    const at = `第${h.line}行（${h.label}）`
    for (const k of h.keys) {
      const before = seenKey.get(k)
      if (before !== undefined) problem(h.line, `${at}：${HOLIDAY_NAMES[k]}在第${before}行已经出现过，同一个节日只能有一条安排，请删除重复的一条。`)
      else seenKey.set(k, h.line)
    }
    for (const d of [...h.off, ...h.work]) {
      if (d < earliest || d > latest) problem(h.line, `${at}：${yearOf(d)}年${monthDay(d)}不在${year}年前后，请核对年份。`)
    }
    for (const d of h.off) {
      const other = offAt.get(d)
      if (other !== undefined) problem(h.line, `${at}：${monthDay(d)}在第${other}行已经列为放假，请核对。`)
      else offAt.set(d, h.line)
    }
    for (const d of h.work) {
      if (!isWeekend(d)) problem(h.line, `${at}：${monthDay(d)}（${weekdayName(d)}）标为上班，但这天本来就是工作日；调休上班只安排在周六或周日，请核对。`)
      const other = offAt.get(d) ?? workAt.get(d)
      if (offAt.has(d)) problem(h.line, `${at}：${monthDay(d)}既列为放假又列为上班（第${other}行），请核对。`)
      workAt.set(d, h.line)
    }
    if (h.statedDays !== null && h.statedDays !== new Set(h.off).size) {
      problem(h.line, `${at}写“共${h.statedDays}天”，但所列放假日期是${new Set(h.off).size}天（${monthDay(h.off[0])}至${monthDay(h.off.at(-1)!)}），请核对。`)
    }
    const off = new Set(h.off)
    for (const k of h.keys) {
      const missing = statutory.get(k)!.dates.filter((d) => !off.has(d))
      if (missing.length) {
        problem(h.line, `${at}：按${law.title}，${HOLIDAY_NAMES[k]}的法定假日${missing.map((d) => `${monthDay(d)}（${weekdayName(d)}）`).join('、')}应在放假日期内，但通知所列放假日期是${monthDay(h.off[0])}至${monthDay(h.off.at(-1)!)}，请核对年份和日期。`)
      }
    }
  }
  const missing = HOLIDAY_KEYS.filter((k) => !mentioned.has(k))
  if (holidays.length && missing.length) {
    problem(null, `通知中没有找到${missing.map((k) => HOLIDAY_NAMES[k]).join('、')}的安排，请检查是否漏贴了某一条。`)
  }
}
