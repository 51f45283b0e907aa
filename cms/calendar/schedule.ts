// Entering a year's holiday schedule from the pasted State Council notice (节假日日历 → 粘贴国务院通知):
// preview what the notice says day by day, then write the entries and the year's published mark in
// one transaction, audited; marking the year published recomputes every provisional deadline.
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'
import { today } from '../domain/clock'
import { weekday, yearOf } from '../domain/dates'
import { readHolidayNotice, HolidayNoticeError, type ScheduleProblem } from '../domain/holidayNotice'
import { writeAudit } from '../hooks/audit'
import { markCalendarChanged } from './workCalendar'
import { recomputeProvisionalDeadlines, type Recomputation } from './recompute'
import { keepingRequestContext } from '../hooks/requestContext'

const WEEKDAYS = '日一二三四五六'

export type PreviewDay = { date: string; weekday: string; kind: 'off' | 'makeup'; name: string }
export type SchedulePreview = {
  year: number
  holidays: { label: string; line: number; statedDays: number | null; off: PreviewDay[]; work: PreviewDay[] }[]
  days: PreviewDay[]
  ignored: { line: number; text: string }[]
  /** What is in the database for that year now. */
  existing: { entries: number; published: boolean }
  /** Deadlines that will be recomputed on confirmation. */
  provisional: { notices: number; complaints: number }
  offDays: number
  workDays: number
}

export type PreviewResult = { ok: true; preview: SchedulePreview } | { ok: false; problems: ScheduleProblem[] }

const day = (date: string, kind: 'off' | 'makeup', name: string): PreviewDay => ({ date, weekday: `周${WEEKDAYS[weekday(date)]}`, kind, name })

/** The year an administrator is most likely entering: next year from October, else this year if not published. */
export function suggestedYear(publishedYears: number[]): number {
  const t = today()
  const year = yearOf(t)
  if (!publishedYears.includes(year)) return year
  return year + 1
}

export async function previewSchedule(req: PayloadRequest, text: string, year: number): Promise<PreviewResult> {
  const { schedule, problems } = readHolidayNotice(text, year)
  if (!schedule) return { ok: false, problems }
  const name = new Map(schedule.entries.map((e) => [e.date, e.name]))
  const sys = { overrideAccess: true, req, context: { skipAudit: true } } as const
  const [entries, yearDoc, notices, complaints] = await keepingRequestContext(req, () => Promise.all([
    req.payload.count({ collection: 'holidays', where: { and: [{ date: { greater_than_equal: `${year}-01-01` } }, { date: { less_than_equal: `${year}-12-31` } }] }, ...sys }),
    req.payload.find({ collection: 'calendar-years', where: { year: { equals: year } }, limit: 1, depth: 0, ...sys }),
    req.payload.count({ collection: 'notices', where: { endsOnProvisional: { equals: true } }, ...sys }),
    req.payload.count({ collection: 'complaints', where: { or: [{ acknowledgeDueProvisional: { equals: true } }, { resolveDueProvisional: { equals: true } }] }, ...sys }),
  ]))
  return {
    ok: true,
    preview: {
      year,
      holidays: schedule.holidays.map((h) => ({
        label: h.label,
        line: h.line,
        statedDays: h.statedDays,
        off: h.off.map((d) => day(d, 'off', name.get(d) ?? h.label)),
        work: h.work.map((d) => day(d, 'makeup', name.get(d) ?? h.label)),
      })),
      days: schedule.entries.map((e) => day(e.date, e.kind, e.name)),
      ignored: schedule.ignored,
      existing: { entries: entries.totalDocs, published: Boolean(yearDoc.docs[0]?.published) },
      provisional: { notices: notices.totalDocs, complaints: complaints.totalDocs },
      offDays: schedule.entries.filter((e) => e.kind === 'off').length,
      workDays: schedule.entries.filter((e) => e.kind === 'makeup').length,
    },
  }
}

export type ConfirmResult = { year: number; entries: number; recomputed: Recomputation }

/**
 * Writes the schedule of `year` read from `text` (read again here: the browser's preview is not
 * trusted): the year's previous entries are replaced, days of the neighbouring years the notice
 * names are upserted, the year is marked published and the import audited — all or nothing. On
 * MongoDB that is a transaction. Payload runs SQLite (and FerretDB) without transactions (turning
 * them on for SQLite makes the bulk list storage fail with SQLITE_BUSY), so there every step
 * registers its undo and a failure replays them in reverse. The provisional deadlines are
 * recomputed after the year is final: that step is idempotent and reruns on the year's next save.
 */
export async function confirmSchedule(req: PayloadRequest, text: string, year: number, source?: string): Promise<ConfirmResult> {
  const { schedule, problems } = readHolidayNotice(text, year)
  if (!schedule) throw new HolidayNoticeError(problems)
  const { payload } = req
  // The entries one by one are not audited (one summary entry below is); the year's change is.
  const ctx = { skipAudit: true, disableAutoPublish: true, calendarChanged: true }
  const sys = { overrideAccess: true, req, context: ctx } as const
  const quiet = <T>(fn: () => Promise<T>) => keepingRequestContext(req, fn)
  const from = source?.trim().slice(0, 120) || `国务院办公厅关于${year}年部分节假日安排的通知（由管理员粘贴录入）`
  const inYear = { and: [{ date: { greater_than_equal: `${year}-01-01` } }, { date: { less_than_equal: `${year}-12-31` } }] }
  const others = schedule.entries.filter((e) => yearOf(e.date) !== year).map((e) => e.date)
  const replaced = { or: [inYear, ...(others.length ? [{ date: { in: others } }] : [])] }

  const transaction = await initTransaction(req)
  const undo: (() => Promise<unknown>)[] = []
  let yearDoc: { id: string | number }
  markCalendarChanged(req)
  try {
    const old = await quiet(() => payload.find({ collection: 'holidays', where: replaced, pagination: false, depth: 0, ...sys }))
    await quiet(() => payload.delete({ collection: 'holidays', where: replaced, ...sys }))
    undo.push(async () => {
      for (const e of old.docs) await quiet(() => payload.create({ collection: 'holidays', data: { date: e.date, kind: e.kind, name: e.name, source: e.source }, ...sys }))
    })
    const created: (string | number)[] = []
    undo.push(() => quiet(() => payload.delete({ collection: 'holidays', where: { id: { in: created } }, ...sys })))
    for (const e of schedule.entries) created.push((await quiet(() => payload.create({ collection: 'holidays', data: { ...e, source: from }, ...sys }))).id)
    const existing = (await quiet(() => payload.find({ collection: 'calendar-years', where: { year: { equals: year } }, limit: 1, depth: 0, ...sys }))).docs[0]
    // With the hooks and audited; the recomputation waits until the year is final (below).
    const yearCtx = { disableAutoPublish: true, calendarChanged: true, deferRecompute: true }
    if (existing) {
      yearDoc = await quiet(() => payload.update({ collection: 'calendar-years', id: existing.id, data: { published: true, source: from }, overrideAccess: true, req, context: yearCtx }))
      undo.push(() => quiet(() => payload.update({ collection: 'calendar-years', id: existing.id, data: { published: existing.published, source: existing.source }, ...sys })))
    } else {
      yearDoc = await quiet(() => payload.create({ collection: 'calendar-years', data: { year, published: true, source: from }, overrideAccess: true, req, context: yearCtx }))
      undo.push(() => quiet(() => payload.delete({ collection: 'calendar-years', id: yearDoc.id, ...sys })))
    }
    const off = schedule.entries.filter((e) => e.kind === 'off').length
    await writeAudit(req, { action: 'import', collection: 'holidays', id: yearDoc.id, summary: `录入${year}年节假日安排：放假${off}天，调休上班${schedule.entries.length - off}天` })
    if (transaction) await commitTransaction(req)
  } catch (err) {
    if (transaction) await killTransaction(req)
    else {
      for (const step of undo.reverse()) {
        await step().catch((e) => payload.logger.error({ msg: '录入节假日安排失败后恢复原状时出错，请管理员核对该年度的节假日日历', year, err: (e as Error).message }))
      }
    }
    markCalendarChanged(req)
    throw err
  }
  markCalendarChanged(req)
  const recomputed = await recomputeProvisionalDeadlines(req)
  return { year, entries: schedule.entries.length, recomputed }
}
