import { nowIso, today as clockToday } from '../domain/clock'
import { type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'
import { loadWorkCalendar } from '../calendar/workCalendar'
import { complaintDeadlines, DEFAULT_LIMITS, type CategoryLimits, type Pause } from '../domain/complaintDeadlines'
import { chinaDate, dayOfStored, storedDay } from '../domain/dates'
import { generateQueryPassword, generateTrackingCode, hashQueryPassword, isValidTrackingCode } from '../domain/trackingCode'
import { relationId } from '../util/relation'
import { refusal } from '../hooks/refuse'
import { COMPLAINT_STATUSES, NEXT, statusLabel, fillReplyTemplate, type ComplaintStatus } from '../domain/complaintSteps'
export { COMPLAINT_STATUSES, NEXT, statusLabel, type ComplaintStatus }
/** Statuses in which the office still owes the resident something. */
export const OPEN_STATUSES: ComplaintStatus[] = ['received', 'accepted']

const nextStepsText = (from: ComplaintStatus) => NEXT[from]?.map((s) => `“${statusLabel(s)}”`).join('、') || '无（事项已办结）'

export const TIMELINE_TYPES = [
  { value: 'received', label: '已收到' },
  { value: 'accepted', label: '已受理' },
  { value: 'notAccepted', label: '不予受理' },
  { value: 'transferred', label: '已转办' },
  { value: 'extended', label: '延期办理' },
  { value: 'paused', label: '等待补充材料（暂停计时）' },
  { value: 'resumed', label: '恢复计时' },
  { value: 'answered', label: '已答复' },
  { value: 'feedback', label: '群众评价' },
  { value: 'reopened', label: '重新办理' },
  { value: 'closed', label: '已办结' },
] as const

type Event = { at: string; type: string; note?: string | null }
type Doc = Record<string, unknown> & {
  status?: ComplaintStatus
  timeline?: Event[]
  pauses?: (Pause & { reason?: string | null })[]
  extended?: boolean
  clock?: 'running' | 'paused'
}

/** A text the resident will read, required by a step: refused on its field when missing or too short. */
const need = (v: unknown, what: string, field: string, req: PayloadRequest) => {
  if (typeof v !== 'string' || v.trim().length < 4) throw refusal(`${what}（至少4个字，会向群众公开）。`, { field, collection: 'complaints', req })
}

async function limitsFor(req: PayloadRequest, category: unknown): Promise<CategoryLimits> {
  const id = relationId(category)
  if (!id) return DEFAULT_LIMITS
  const c = await req.payload.findByID({ collection: 'complaint-categories', id, depth: 0, overrideAccess: true, req }).catch(() => null)
  if (!c) return DEFAULT_LIMITS
  return { acknowledgeDays: c.acknowledgeDays, acknowledgeUnit: c.acknowledgeUnit, resolveDays: c.resolveDays, resolveUnit: c.resolveUnit, extensionDays: c.extensionDays }
}

/**
 * The office's workflow, enforced on every save: allowed status changes, reasons that the resident
 * will see, one extension, stop-the-clock pauses, and the public timeline written from what changed.
 * Deadlines are recomputed from the category's limits and the holiday calendar.
 */
export const complaintWorkflow: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req, context }) => {
  // Bookkeeping writes (the tracking lock-out counter) change no part of the case itself.
  if (context.skipWorkflow && operation === 'update') return data
  const now = nowIso()
  const today = clockToday()
  const prev = (originalDoc ?? {}) as Doc
  const next: Doc = { ...prev, ...data }
  const timeline: Event[] = [...(prev.timeline ?? [])]
  const add = (type: string, note?: string | null) => timeline.push({ at: now, type, note: note?.trim() || null })

  if (operation === 'create') {
    next.trackingCode = typeof data.trackingCode === 'string' && isValidTrackingCode(data.trackingCode) ? data.trackingCode : generateTrackingCode()
    if (typeof data.queryPassword === 'string' && /^\d{8}$/.test(data.queryPassword)) {
      next.queryPasswordHash = await hashQueryPassword(data.queryPassword)
    } else if (!data.queryPasswordHash) {
      // Recorded by staff on the caller's behalf (首问负责): a password to read out, shown once.
      const pw = generateQueryPassword()
      next.queryPasswordHash = await hashQueryPassword(pw)
      next.queryPasswordForCaller = pw
    }
    next.idempotencyKey = data.idempotencyKey ?? next.trackingCode
    next.receivedAt ??= now
    next.status = 'received'
    next.clock = 'running'
    next.pauses = []
    if (req.user && req.user.collection === 'users' && !String(req.user.id).startsWith('system-')) {
      next.recordedBy = req.user.id
      next.source ??= 'counter'
    } else next.source = 'online'
    if (next.anonymous) {
      next.reporterName = null
      next.reporterPhone = null
    }
    timeline.length = 0
    add('received', next.source === 'online' ? '网上提交' : next.source === 'phone' ? '电话受理，由工作人员代为登记' : '窗口受理，由工作人员代为登记')
  } else {
    delete next.queryPassword
    next.queryPasswordForCaller = null
    const from = prev.status as ComplaintStatus
    const to = next.status as ComplaintStatus
    if (to !== from) {
      if (!NEXT[from]?.includes(to)) throw refusal(`办理状态不能从“${statusLabel(from)}”直接改为“${statusLabel(to)}”。可选的下一步：${nextStepsText(from)}。`, { field: 'status', collection: 'complaints', req })
      if (to === 'notAccepted') need(next.statusReason, '不予受理须写明理由', 'statusReason', req)
      if (to === 'transferred') {
        need(next.statusReason, '转办须写明理由', 'statusReason', req)
        need(next.transferTo, '请填写转往的机关', 'transferTo', req)
      }
      if (to === 'answered') need(next.publicReply, '答复前请填写答复内容', 'publicReply', req)
      if (from === 'received') next.acknowledgedAt = now
      if (to === 'answered') next.answeredAt = now
      if (to === 'closed') next.closedAt = now
      const note =
        to === 'notAccepted' || to === 'transferred' ? `${to === 'transferred' ? `转至${next.transferTo}：` : ''}${next.statusReason}` : to === 'answered' ? '答复内容见下方' : null
      add(from === 'answered' && to === 'accepted' ? 'reopened' : to, note)
    }
    if (next.extended && !prev.extended) {
      if (to === 'closed' || to === 'notAccepted' || to === 'transferred') throw refusal('已结束的事项不能延期。', { field: 'extended', collection: 'complaints', req })
      need(next.extensionReason, '延期须写明理由', 'extensionReason', req)
      add('extended', next.extensionReason as string)
    } else if (!next.extended && prev.extended) {
      throw refusal('延期已告知群众，不能撤销。', { field: 'extended', collection: 'complaints', req })
    }
    const pauses = [...(prev.pauses ?? [])]
    if (next.clock === 'paused' && prev.clock !== 'paused') {
      need(next.pauseReason, '暂停计时须写明需要群众补充什么', 'pauseReason', req)
      pauses.push({ from: today, to: null, reason: next.pauseReason as string })
      add('paused', next.pauseReason as string)
    } else if (next.clock !== 'paused' && prev.clock === 'paused') {
      const open = pauses.findIndex((p) => !p.to)
      if (open >= 0) pauses[open] = { ...pauses[open], to: today }
      add('resumed', null)
    }
    next.pauses = pauses
    if (data.feedbackSatisfied && data.feedbackSatisfied !== prev.feedbackSatisfied) {
      add('feedback', data.feedbackSatisfied === 'yes' ? '群众表示问题已解决' : `群众表示问题未解决${data.feedbackNote ? `：${data.feedbackNote}` : ''}`)
      next.feedbackAt = now
    }
  }
  if (next.replyTemplate && !next.publicReply) {
    const tpl = await req.payload.findByID({ collection: 'reply-templates', id: relationId(next.replyTemplate)!, depth: 0, overrideAccess: true, req }).catch(() => null)
    const categoryId = relationId(next.category)
    const category = categoryId ? await req.payload.findByID({ collection: 'complaint-categories', id: categoryId, depth: 0, overrideAccess: true, req }).catch(() => null) : null
    if (tpl) next.publicReply = fillReplyTemplate(tpl.body, { code: String(next.trackingCode), receivedOn: chinaDate(String(next.receivedAt)), category: category?.label, resolveDue: dayOfStored(prev.resolveDue), today })
  }
  if (next.notice && !next.region) {
    const notice = await req.payload.findByID({ collection: 'notices', id: relationId(next.notice)!, depth: 0, overrideAccess: true, req }).catch(() => null)
    if (notice) next.region = relationId(notice.region)
  }

  // Never refuse a resident's submission for a calendar gap: a date in a year whose holidays are
  // not entered yet is computed provisionally (暂定) and recomputed once the year is entered.
  const d = complaintDeadlines(await loadWorkCalendar(req.payload, req), {
    receivedOn: chinaDate(String(next.receivedAt)),
    limits: await limitsFor(req, next.category),
    extended: Boolean(next.extended),
    pauses: next.pauses ?? [],
    today,
  })
  const revision = deadlineRevision(prev, d)
  if (revision) {
    next.deadlineRevision = revision
    next.deadlineRevisedAt = now
  }
  next.acknowledgeDue = storedDay(d.acknowledgeDue)
  next.resolveDue = storedDay(d.resolveDue)
  next.acknowledgeDueProvisional = d.acknowledgeProvisional
  next.resolveDueProvisional = d.resolveProvisional
  next.deadlineWarning = d.warning
  next.timeline = timeline
  const out: Record<string, unknown> = { ...data }
  if (Array.isArray(data.internalNotes) && req.user) {
    out.internalNotes = data.internalNotes.map((n: { author?: unknown }) => (n.author ? n : { ...n, author: req.user!.id }))
  }
  for (const key of COMPUTED) if (key in next) out[key] = next[key]
  delete out.queryPassword
  return out
}

/**
 * What the office is told when a provisional date became final on the entered schedule and moved
 * (e.g. "办结期限由 2027-01-04 调整为 2027-01-05"); null when nothing provisional changed.
 */
function deadlineRevision(prev: Doc, d: { acknowledgeDue: string; resolveDue: string; acknowledgeProvisional: boolean; resolveProvisional: boolean }): string | null {
  const moved: string[] = []
  const check = (label: string, wasProvisional: unknown, before: unknown, isProvisional: boolean, after: string) => {
    const old = dayOfStored(before)
    if (wasProvisional && !isProvisional && old && old !== after) moved.push(`${label}由 ${old} 调整为 ${after}`)
  }
  check('告知受理期限', prev.acknowledgeDueProvisional, prev.acknowledgeDue, d.acknowledgeProvisional, d.acknowledgeDue)
  check('办结期限', prev.resolveDueProvisional, prev.resolveDue, d.resolveProvisional, d.resolveDue)
  return moved.length ? `${moved.join('，')}（已按国务院公布的节假日安排复核）` : null
}

/** Fields this hook owns; everything else is what the caller sent. */
const COMPUTED = [
  'trackingCode', 'queryPasswordHash', 'queryPasswordForCaller', 'idempotencyKey', 'receivedAt', 'status', 'clock', 'pauses',
  'recordedBy', 'source', 'reporterName', 'reporterPhone', 'acknowledgedAt', 'answeredAt', 'closedAt', 'feedbackAt',
  'publicReply', 'region', 'acknowledgeDue', 'resolveDue', 'acknowledgeDueProvisional', 'resolveDueProvisional',
  'deadlineWarning', 'deadlineRevision', 'deadlineRevisedAt', 'timeline',
]

