import { today as clockToday } from '../domain/clock'
import type { Payload, PayloadRequest } from 'payload'
import { hasRole } from '../access/roles'
import { regionScope } from '../access/regionScope'
import { loadWorkCalendar } from '../calendar/workCalendar'
import { isProvisionalYear, PROVISIONAL_NOTE, type WorkCalendar } from '../domain/calendar'
import { dueState } from '../domain/complaintDeadlines'
import { addDays, chinaDate, dayOfStored, daysBetween, monthOf, previousMonth, yearOf } from '../domain/dates'
import { daysLeft } from '../domain/publicity'
import { monthlyDisclosureState } from '../domain/disclosure'
import { OPEN_STATUSES } from '../complaints/workflow'
import { readReleaseStatus, type ReleaseStatus } from '../publish/release'

export type DisclosureItem = { programme: string; region: string; month: string; dueOn: string; state: '已完成' | '即将到期' | '未到期' | '已逾期'; publishedOn: string | null; lateDays: number }
export type ComplaintDue = { id: string; code: string; due: string; what: '告知受理' | '办结'; provisional?: boolean }
export type WorkItems = {
  today: string
  disclosures: DisclosureItem[]
  noticesEndingSoon: { id: string; title: string; endsOn: string; daysLeft: number; provisional?: boolean }[]
  noticesWithObjections: { id: string; title: string; open: number }[]
  complaintsOverdue: ComplaintDue[]
  complaintsDueSoon: ComplaintDue[]
  /** Admins: a year whose holiday schedule is still to be entered (this year any day, next year from 1 October). */
  calendarWarning: string | null
  /** Editors/reviewers: their running or upcoming notices whose end is 暂定; officers: their open cases' 暂定 dates. */
  provisionalNotices?: { id: string; title: string; endsOn: string }[]
  provisionalComplaints?: ComplaintDue[]
  /** What a recomputation on a newly entered schedule changed in the last 30 days. */
  noticeRevisions?: { id: string; title: string; from: string; to: string; on: string }[]
  complaintRevisions?: { id: string; code: string; revision: string; on: string }[]
  release: ReleaseStatus | null
}

/** How long a recomputed end date stays on the dashboard. */
const REVISION_SHOWN_DAYS = 30

/**
 * The admins' reminder to enter a year's holiday schedule, or null: the current year whenever it is
 * missing, next year from 1 October (the State Council announces it in the autumn).
 */
export function calendarWarningFor(cal: WorkCalendar, today: string): string | null {
  const year = yearOf(today)
  const how = '请在“节假日日历”中点“粘贴国务院通知录入”，粘贴国务院办公厅的放假安排通知'
  if (isProvisionalYear(cal, year)) {
    return `${year}年的节假日安排尚未录入，今年的公示截止日期和办理期限都在按法定节假日暂定计算。${how}；录入后所有暂定期限自动复核。`
  }
  if (Number(today.slice(5, 7)) >= 10 && isProvisionalYear(cal, year + 1)) {
    return `${year + 1}年的节假日安排尚未录入。国务院办公厅公布后，${how}。在此之前，跨入${year + 1}年的期限按法定节假日暂定计算（${PROVISIONAL_NOTE}）。`
  }
  return null
}

const idOf = (v: unknown) => (v && typeof v === 'object' ? String((v as { id: unknown }).id) : v ? String(v) : '')


/**
 * 每月5日前公开上月情况 for one place: done (and how late), or still due. "Due soon" is two working
 * days or less before the 5th, so a Friday reminder covers a 5th that falls on Monday.
 */
export function disclosureItem(cal: WorkCalendar, month: string, publishedOn: string | null, today: string): Pick<DisclosureItem, 'dueOn' | 'state' | 'lateDays'> {
  return monthlyDisclosureState(cal, month, publishedOn, today)
}

/** What the signed-in user must act on, within their regions (the dashboard and the daily digest). */
export async function workItems(payload: Payload, req: PayloadRequest, today = clockToday()): Promise<WorkItems> {
  const user = req.user
  const scope = await regionScope(req)
  const inScope = (regionId: string) => scope === 'all' || scope.includes(regionId)
  const cal = await loadWorkCalendar(payload)
  const content = hasRole(user, 'admin', 'editor', 'reviewer')
  const officer = hasRole(user, 'admin', 'complaintOfficer')
  const admin = hasRole(user, 'admin')
  const sys = { overrideAccess: true, depth: 0, pagination: false, context: { skipAudit: true } } as const

  const out: WorkItems = {
    today,
    disclosures: [],
    noticesEndingSoon: [],
    noticesWithObjections: [],
    complaintsOverdue: [],
    complaintsDueSoon: [],
    calendarWarning: null,
    provisionalNotices: [],
    provisionalComplaints: [],
    noticeRevisions: [],
    complaintRevisions: [],
    release: null,
  }
  const revisedSince = `${addDays(today, -REVISION_SHOWN_DAYS)}T00:00:00.000Z`

  if (content) {
    const month = previousMonth(monthOf(today))
    const [programmes, townships, lists] = await Promise.all([
      payload.find({ collection: 'programmes', ...sys }),
      payload.find({ collection: 'regions', ...sys, where: { level: { equals: 'township' } } }),
      payload.find({ collection: 'recipient-lists', ...sys, where: { and: [{ kind: { equals: 'disbursement' } }, { month: { equals: month } }, { _status: { equals: 'published' } }] } }),
    ])
    // Places that publish monthly lists: those with a disbursement list in the last year.
    const recent = await payload.find({ collection: 'recipient-lists', ...sys, where: { and: [{ kind: { equals: 'disbursement' } }, { month: { greater_than_equal: `${Number(today.slice(0, 4)) - 1}${today.slice(4, 7)}` } }] } })
    const places = new Set(recent.docs.map((l) => `${idOf(l.programme)}|${idOf(l.region)}`))
    const programmeName = new Map(programmes.docs.map((p) => [String(p.id), p.shortName]))
    const regionName = new Map(townships.docs.map((r) => [String(r.id), r.name]))
    for (const place of places) {
      const [programmeId, regionId] = place.split('|')
      if (!inScope(regionId)) continue
      const list = lists.docs.find((l) => idOf(l.programme) === programmeId && idOf(l.region) === regionId)
      const publishedOn = list ? chinaDate(list.publishedAt ?? list.updatedAt) : null
      out.disclosures.push({ programme: programmeName.get(programmeId) ?? '', region: regionName.get(regionId) ?? '县级', month, publishedOn, ...disclosureItem(cal, month, publishedOn, today) })
    }
    const order = { 已逾期: 0, 即将到期: 1, 未到期: 2, 已完成: 3 }
    out.disclosures.sort((a, b) => order[a.state] - order[b.state] || a.region.localeCompare(b.region))

    const notices = await payload.find({ collection: 'notices', ...sys, where: { and: [{ _status: { equals: 'published' } }, { endsOn: { greater_than_equal: `${today}T00:00:00.000Z` } }] } })
    for (const n of notices.docs) {
      if (!inScope(idOf(n.region)) || n.withdrawnAt) continue
      const ends = chinaDate(n.endsOn!)
      const provisional = Boolean(n.endsOnProvisional)
      if (chinaDate(n.postedOn) <= today && ends <= addDays(today, 3)) out.noticesEndingSoon.push({ id: String(n.id), title: n.title, endsOn: ends, daysLeft: daysLeft(ends, today), provisional })
      if (provisional) out.provisionalNotices!.push({ id: String(n.id), title: n.title, endsOn: ends })
    }
    const revised = await payload.find({ collection: 'notices', ...sys, where: { endsOnRevisedAt: { greater_than_equal: revisedSince } }, sort: '-endsOnRevisedAt' })
    for (const n of revised.docs) {
      if (!inScope(idOf(n.region)) || !n.endsOnRevisedFrom) continue
      out.noticeRevisions!.push({ id: String(n.id), title: n.title, from: dayOfStored(n.endsOnRevisedFrom)!, to: dayOfStored(n.endsOn)!, on: dayOfStored(n.endsOnRevisedAt)! })
    }
  }
  if (content || officer) {
    const objections = await payload.find({ collection: 'complaints', ...sys, where: { and: [{ kind: { equals: 'objection' } }, { status: { in: OPEN_STATUSES } }, { notice: { exists: true } }] }, select: { notice: true } })
    const counts = new Map<string, number>()
    for (const o of objections.docs) counts.set(idOf(o.notice), (counts.get(idOf(o.notice)) ?? 0) + 1)
    if (counts.size) {
      const ns = await payload.find({ collection: 'notices', ...sys, where: { id: { in: [...counts.keys()] } } })
      for (const n of ns.docs) if (inScope(idOf(n.region))) out.noticesWithObjections.push({ id: String(n.id), title: n.title, open: counts.get(String(n.id))! })
    }
  }
  if (officer) {
    const open = await payload.find({
      collection: 'complaints',
      ...sys,
      where: { status: { in: OPEN_STATUSES } },
      select: { trackingCode: true, status: true, acknowledgeDue: true, resolveDue: true, acknowledgeDueProvisional: true, resolveDueProvisional: true, clock: true },
    })
    for (const c of open.docs) {
      const [what, dueAt, provisional] =
        c.status === 'received' ? (['告知受理', c.acknowledgeDue, Boolean(c.acknowledgeDueProvisional)] as const) : (['办结', c.resolveDue, Boolean(c.resolveDueProvisional)] as const)
      if (!dueAt) continue
      const due = chinaDate(dueAt)
      const item = { id: String(c.id), code: c.trackingCode!, due, what, provisional }
      if (provisional) out.provisionalComplaints!.push(item)
      if (c.clock === 'paused') continue
      const state = dueState(due, today)
      if (state === 'overdue') out.complaintsOverdue.push(item)
      else if (state === 'dueSoon') out.complaintsDueSoon.push(item)
    }
    const revised = await payload.find({ collection: 'complaints', ...sys, where: { deadlineRevisedAt: { greater_than_equal: revisedSince } }, select: { trackingCode: true, deadlineRevision: true, deadlineRevisedAt: true } })
    for (const c of revised.docs) {
      if (c.deadlineRevision) out.complaintRevisions!.push({ id: String(c.id), code: c.trackingCode!, revision: c.deadlineRevision, on: dayOfStored(c.deadlineRevisedAt)! })
    }
    out.complaintsOverdue.sort((a, b) => a.due.localeCompare(b.due))
    out.complaintsDueSoon.sort((a, b) => a.due.localeCompare(b.due))
  }
  if (admin) out.calendarWarning = calendarWarningFor(cal, today)
  // Everyone who publishes sees when the site last went live; only admins see why a release failed.
  if (content) {
    const status = readReleaseStatus()
    out.release = admin ? status : { live: status.live, lastAttempt: status.lastAttempt ? { at: status.lastAttempt.at, ok: status.lastAttempt.ok } : null }
  }
  return out
}

/**
 * The daily digest as plain text; null when there is nothing to act on. Provisional (暂定) dates are
 * marked where they are due; the full list of them is on the dashboard, not mailed every morning.
 */
export function digestText(items: WorkItems, name: string): string | null {
  const lines: string[] = []
  const late = items.disclosures.filter((d) => d.state === '已逾期' || d.state === '即将到期')
  if (late.length) {
    lines.push('【每月5日前公开上月救助情况】')
    for (const d of late) lines.push(`- ${d.region} ${d.programme} ${d.month}：${d.state}（期限 ${d.dueOn}）`)
  }
  const mark = (provisional?: boolean) => (provisional ? '（暂定）' : '')
  if (items.noticesEndingSoon.length) {
    lines.push('【即将结束的公示】')
    for (const n of items.noticesEndingSoon) lines.push(`- ${n.title}：${n.endsOn}${mark(n.provisional)} 结束（剩 ${n.daysLeft} 天）`)
  }
  if (items.noticeRevisions?.length) {
    lines.push('【公示截止日期已按国务院节假日安排复核】')
    for (const n of items.noticeRevisions) lines.push(`- ${n.title}：截止日期由 ${n.from} 改为 ${n.to}，请同步更正村务公开栏的公示。`)
  }

  if (items.noticesWithObjections.length) {
    lines.push('【有未办结异议的公示】')
    for (const n of items.noticesWithObjections) lines.push(`- ${n.title}：${n.open} 件`)
  }
  if (items.complaintsOverdue.length || items.complaintsDueSoon.length) {
    lines.push('【投诉举报期限】')
    for (const c of items.complaintsOverdue) lines.push(`- 已超期：${c.code} ${c.what}期限 ${c.due}${mark(c.provisional)}`)
    for (const c of items.complaintsDueSoon) lines.push(`- 即将到期：${c.code} ${c.what}期限 ${c.due}${mark(c.provisional)}`)
  }
  if (items.complaintRevisions?.length) {
    lines.push('【办理期限已按国务院节假日安排复核】')
    for (const c of items.complaintRevisions) lines.push(`- ${c.code}：${c.revision}`)
  }

  if (items.calendarWarning) lines.push('【节假日日历】', `- ${items.calendarWarning}`)
  // Failure reasons go to admins (their status carries the error text).
  if (items.release?.lastAttempt && !items.release.lastAttempt.ok && items.release.lastAttempt.error) lines.push('【网站发布】', '- 最近一次发布失败，线上网站仍是上一版。请登录后台查看原因。')
  if (!lines.length) return null
  return [`${name}，您好：`, '', `以下是 ${items.today} 需要您关注的事项：`, '', ...lines, '', '请登录阳光救助管理后台处理。本邮件由系统自动发送。'].join('\n')
}
