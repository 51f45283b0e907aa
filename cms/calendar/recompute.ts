// When the State Council's schedule for a year is entered and the year marked published, every
// deadline computed provisionally (暂定) is recomputed on it (domain.md §7): notices' end dates and
// complaints' due dates. An editor whose notice's end moved is told on the dashboard
// (endsOnRevisedFrom/At); an officer sees the same for a complaint (deadlineRevision).
import type { PayloadRequest } from 'payload'
import { computeNoticePeriod, type NoticeDates } from '../collections/Notices/hooks/computePublicityPeriod'
import { nowIso } from '../domain/clock'
import { dayOfStored, storedDay } from '../domain/dates'
import { writeAudit } from '../hooks/audit'
import { keepingRequestContext } from '../hooks/requestContext'
import { schedulePublish } from '../publish/autoPublish'
import { loadWorkCalendar } from './workCalendar'

export type Recomputation = {
  notices: { id: string; title: string; from: string; to: string; provisional: boolean }[]
  complaints: { id: string; code: string; revision: string | null }[]
}

type Row = Record<string, unknown> & { id: string | number }


/**
 * Recomputes what is marked provisional, inside the caller's request (and its transaction), on the
 * calendar as that request sees it. Notices are patched on their computed fields only — the main
 * document and the latest version (a pending draft stays a draft, nothing is published by this) —
 * so neither the two-person rule nor an open objection can stand in the way of a correct date.
 * Complaints are re-saved, which reruns their workflow's deadline computation.
 */
export async function recomputeProvisionalDeadlines(req: PayloadRequest): Promise<Recomputation> {
  const { payload } = req
  const cal = await loadWorkCalendar(payload, req)
  const out: Recomputation = { notices: [], complaints: [] }
  const sys = { overrideAccess: true, req, context: { skipAudit: true } } as const
  // Reads are not audited; Payload merges an operation's context into req.context, so restore it.
  const quiet = <T>(fn: () => Promise<T>) => keepingRequestContext(req, fn)

  const patch = (p: { endsOn: string; endsOnProvisional: boolean }, before: Row, at: string) => {
    const old = dayOfStored(before.endsOn)
    const moved = Boolean(old && old !== p.endsOn)
    return {
      endsOn: storedDay(p.endsOn),
      endsOnProvisional: p.endsOnProvisional,
      ...(moved ? { endsOnRevisedFrom: before.endsOn, endsOnRevisedAt: at } : {}),
    }
  }

  // Main documents (what the public site and the dashboard read).
  const { docs: mains } = await quiet(() => payload.find({ collection: 'notices', where: { endsOnProvisional: { equals: true } }, pagination: false, depth: 0, ...sys }))
  const touched = new Set<string>()
  const at = nowIso()
  for (const doc of mains as unknown as Row[]) {
    const p = await quiet(() => computeNoticePeriod(req, doc as NoticeDates, cal))
    if (!p) continue
    const data = patch(p, doc, at)
    await payload.db.updateOne({ collection: 'notices', id: doc.id, data, req })
    touched.add(String(doc.id))
    out.notices.push({ id: String(doc.id), title: String(doc.title ?? ''), from: dayOfStored(doc.endsOn) ?? '', to: p.endsOn, provisional: p.endsOnProvisional })
  }
  // Latest versions (what the admin edit view reads), including drafts never published.
  const { docs: versions } = await payload.db.findVersions({
    collection: 'notices',
    where: { and: [{ latest: { equals: true } }, { 'version.endsOnProvisional': { equals: true } }] },
    pagination: false,
    req,
  })
  for (const v of versions as unknown as (Row & { parent: unknown; version: Row })[]) {
    const p = await quiet(() => computeNoticePeriod(req, v.version as NoticeDates, cal))
    if (!p) continue
    await payload.db.updateVersion({ collection: 'notices', id: String(v.id), versionData: { ...v, version: { ...v.version, ...patch(p, v.version, at) } } as never, req })
    const parent = String(typeof v.parent === 'object' && v.parent ? (v.parent as Row).id : v.parent)
    if (!touched.has(parent)) {
      touched.add(parent)
      out.notices.push({ id: parent, title: String(v.version.title ?? ''), from: dayOfStored(v.version.endsOn) ?? '', to: p.endsOn, provisional: p.endsOnProvisional })
    }
  }
  for (const n of out.notices) {
    if (n.from !== n.to) await writeAudit(req, { action: 'update', collection: 'notices', id: n.id, summary: `截止日期按节假日安排复核：${n.from} → ${n.to}` })
  }

  // Complaints still running whose dates were provisional.
  const { docs: complaints } = await quiet(() =>
    payload.find({
      collection: 'complaints',
      where: { or: [{ acknowledgeDueProvisional: { equals: true } }, { resolveDueProvisional: { equals: true } }] },
      pagination: false,
      depth: 0,
      ...sys,
    }),
  )
  for (const c of complaints) {
    const updated = await quiet(() => payload.update({ collection: 'complaints', id: c.id, depth: 0, data: {}, overrideAccess: true, req, context: { calendarRecompute: true } }))
    out.complaints.push({ id: String(c.id), code: String(c.trackingCode ?? ''), revision: updated.deadlineRevisedAt === c.deadlineRevisedAt ? null : (updated.deadlineRevision ?? null) })
  }

  if (out.notices.length) schedulePublish(payload, 'calendar')
  return out
}
