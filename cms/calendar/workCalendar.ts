import type { Payload, PayloadRequest } from 'payload'
import { nowMs, today } from '../domain/clock'
import {
  calendarEntriesFromChineseDays,
  chineseDaysPublishedYears,
  createWorkCalendar,
  type CalendarEntry,
  type WorkCalendar,
} from '../domain/calendar'
import { isIsoDate, isWeekend, yearOf } from '../domain/dates'

const TTL_MS = 5 * 60_000
let cached: { at: number; calendar: Promise<WorkCalendar> } | undefined

export function invalidateWorkCalendar() {
  cached = undefined
}

/** Marks a request that changed the calendar: later loads in it read its own (uncommitted) writes. */
export function markCalendarChanged(req: PayloadRequest) {
  req.context.calendarChanged = true
  invalidateWorkCalendar()
}

async function readWorkCalendar(payload: Payload, req?: PayloadRequest): Promise<WorkCalendar> {
  const [days, years] = await Promise.all([
    payload.find({ collection: 'holidays', pagination: false, depth: 0, overrideAccess: true, req }),
    payload.find({ collection: 'calendar-years', pagination: false, depth: 0, overrideAccess: true, req }),
  ])
  const entries: CalendarEntry[] = days.docs.map((d) => ({ date: d.date, kind: d.kind, name: d.name }))
  const published = years.docs.filter((y) => y.published).map((y) => y.year)
  try {
    return createWorkCalendar(entries, published)
  } catch (err) {
    // A record stored before the collection validated dates (e.g. 2026-02-30) must not stop every
    // deadline: skip what cannot be read, and say which records to correct.
    const bad = entries.filter((e) => !isIsoDate(e.date) || (e.kind === 'makeup' && !isWeekend(e.date)))
    if (!bad.length) throw err
    payload.logger.warn({ msg: `节假日日历中有无法使用的记录，已跳过，请管理员改正：${bad.map((e) => `${e.date}（${e.name}）`).join('、').slice(0, 300)}` })
    return createWorkCalendar(entries.filter((e) => !bad.includes(e)), published)
  }
}

/**
 * The working-day calendar as the admins keep it in the database. Shared and cached (edits
 * invalidate it); a request that changed the calendar itself (the paste screen, a year marked
 * published) reads it inside its own transaction instead, so a recomputation sees the new schedule.
 */
export function loadWorkCalendar(payload: Payload, req?: PayloadRequest): Promise<WorkCalendar> {
  if (req?.context?.calendarChanged) return readWorkCalendar(payload, req)
  if (cached && nowMs() - cached.at < TTL_MS) return cached.calendar
  const calendar = readWorkCalendar(payload)
  cached = { at: nowMs(), calendar }
  calendar.catch(() => invalidateWorkCalendar())
  return calendar
}

/** Seeds the calendar from the chinese-days package (recent years) when the database has none. */
export async function seedWorkCalendar(payload: Payload, fromYear = yearOf(today()) - 2): Promise<number> {
  const { totalDocs } = await payload.count({ collection: 'calendar-years', overrideAccess: true })
  if (totalDocs > 0) return 0
  const years = chineseDaysPublishedYears().filter((y) => y >= fromYear)
  const source = 'chinese-days 软件包（据国务院办公厅节假日安排通知）'
  const ctx = { skipAudit: true, disableAutoPublish: true }
  for (const entry of calendarEntriesFromChineseDays(years)) {
    await payload.create({ collection: 'holidays', data: { ...entry, source }, overrideAccess: true, context: ctx })
  }
  for (const year of years) {
    await payload.create({ collection: 'calendar-years', data: { year, published: true, source }, overrideAccess: true, context: ctx })
  }
  const lastYear = Math.max(...years)
  await payload.create({
    collection: 'calendar-years',
    data: { year: lastYear + 1, published: false, source: '尚未公布：国务院办公厅通常于每年秋季公布下一年安排，届时请管理员在“节假日日历”中粘贴通知录入。在此之前按法定节假日暂定计算。' },
    overrideAccess: true,
    context: ctx,
  })
  invalidateWorkCalendar()
  return years.length
}
