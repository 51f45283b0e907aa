// The complaint desk's list: sorted by urgency (a stored key), with the working-day badge of what is
// due next (cms/domain/complaintDeadlines.ts).
import type { CollectionBeforeChangeHook, FieldHook } from 'payload'
import { loadWorkCalendar } from '../calendar/workCalendar'
import { today as clockToday } from '../domain/clock'
import { deadlineBadge, urgencyKey } from '../domain/complaintDeadlines'
import { dayOfStored } from '../domain/dates'

/** The facts of a complaint its deadline badge and urgency are computed from. */
export const deskFacts = (d: Record<string, unknown>) => ({
  status: String(d.status ?? 'received'),
  acknowledgeDue: dayOfStored(d.acknowledgeDue),
  resolveDue: dayOfStored(d.resolveDue),
  clock: typeof d.clock === 'string' ? d.clock : null,
  receivedAt: typeof d.receivedAt === 'string' ? d.receivedAt : d.receivedAt instanceof Date ? d.receivedAt.toISOString() : null,
})

/** Keeps the urgency key in step with the status and due dates (runs after the workflow hook). */
export const keepUrgencyKey: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  return { ...data, urgency: urgencyKey(deskFacts({ ...(originalDoc ?? {}), ...data })) }
}

/** The badge shown in the list and on the complaint: 剩 N 个工作日 / 今天到期 / 已超期 N 天. */
export const deadlineBadgeField: FieldHook = async ({ data, req }) => {
  if (!data) return null
  return deadlineBadge(await loadWorkCalendar(req.payload, req), deskFacts(data), clockToday()) || null
}
