import { dayOfStored } from '../domain/dates'
import { formatTrackingCode } from '../domain/trackingCode'
import { statusLabel, TIMELINE_TYPES } from './workflow'

/** What the tracking page may show: status, timeline, public reasons and the reply. Nothing about the reporter. */
export type PublicComplaintStatus = {
  trackingCode: string
  kind: string
  category: string
  status: string
  statusLabel: string
  receivedOn: string
  acknowledgeDue: string | null
  resolveDue: string | null
  /** The due dates above are provisional (暂定: counted before the State Council published that year's holidays). */
  acknowledgeDueProvisional: boolean
  resolveDueProvisional: boolean
  paused: boolean
  extended: boolean
  timeline: { on: string; event: string; note: string | null }[]
  reply: string | null
  repliedOn: string | null
  canGiveFeedback: boolean
  feedback: 'yes' | 'no' | null
}

export function publicStatusOf(doc: Record<string, any>, categoryLabel: string): PublicComplaintStatus {
  const day = (v: unknown) => dayOfStored(v)
  return {
    trackingCode: formatTrackingCode(doc.trackingCode),
    kind: doc.kind,
    category: categoryLabel,
    status: doc.status,
    statusLabel: statusLabel(doc.status),
    receivedOn: day(doc.receivedAt)!,
    acknowledgeDue: doc.status === 'received' ? day(doc.acknowledgeDue) : null,
    resolveDue: ['received', 'accepted'].includes(doc.status) ? day(doc.resolveDue) : null,
    acknowledgeDueProvisional: doc.status === 'received' && Boolean(doc.acknowledgeDueProvisional),
    resolveDueProvisional: ['received', 'accepted'].includes(doc.status) && Boolean(doc.resolveDueProvisional),
    paused: doc.clock === 'paused',
    extended: Boolean(doc.extended),
    timeline: (doc.timeline ?? []).map((e: { at: string; type: string; note?: string | null }) => ({
      on: day(e.at)!,
      event: TIMELINE_TYPES.find((t) => t.value === e.type)?.label ?? e.type,
      note: e.note ?? null,
    })),
    reply: ['answered', 'closed'].includes(doc.status) ? (doc.publicReply ?? null) : null,
    repliedOn: day(doc.answeredAt),
    canGiveFeedback: doc.status === 'answered' && !doc.feedbackSatisfied,
    feedback: doc.feedbackSatisfied ?? null,
  }
}
