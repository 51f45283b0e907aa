import {
  APIError,
  type CollectionBeforeChangeHook,
  type CollectionBeforeDeleteHook,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
} from 'payload'
import { reviewDecision, type ReviewAction } from '../domain/twoPerson'
import { nowIso } from '../domain/clock'
import { rememberRefusal } from '../domain/errors'
import { chinaDate } from '../domain/dates'
import { writeAudit } from './audit'
import { keepingRequestContext } from './requestContext'

const META_KEYS = new Set(['id', '_id', 'createdAt', 'updatedAt', '_status', 'lastEditedBy', 'publishedBy', 'publishedAt', 'forcePublishReason', 'piiOverrideReason', 'internalRemarks', 'scheduleNote'])

const idOf = (v: unknown): string | null =>
  v == null ? null : typeof v === 'object' ? String((v as { id?: unknown }).id ?? '') || null : String(v)

/** Content compared for "did this save change anything": populated relations become ids, dates days. */
function canonical(value: unknown, top = false): unknown {
  if (Array.isArray(value)) return value.map((v) => canonical(v))
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>
    if (!top && 'id' in obj && ('createdAt' in obj || 'updatedAt' in obj)) return String(obj.id)
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(obj).sort()) {
      if (key === 'id' || key === '_id' || (top && META_KEYS.has(key))) continue
      const v = canonical(obj[key])
      if (v !== undefined && v !== null && v !== '') out[key] = v
    }
    return out
  }
  return value
}

/** Whether a save changes the content (public change notes included: they are content too). */
export function contentChanged(data: Record<string, unknown>, original: Record<string, unknown> | undefined): boolean {
  if (!original) return true
  const a = canonical(data, true) as Record<string, unknown>
  const b = canonical(original, true) as Record<string, unknown>
  return Object.keys(a).some((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
}

export class TwoPersonRuleError extends APIError {
  constructor(message: string) {
    super(message, 403, undefined, true)
    rememberRefusal(message)
  }
}

type Actor = { id: string | number; roles?: readonly string[] | null; collection?: string }

/** Applies the two-person rule to one action; returns an admin's force reason, or throws the refusal. */
export function refuseUnreviewed(a: { action: ReviewAction; user: unknown; lastEditor: unknown; reason?: string | null; changesContent?: boolean; detail?: string }): string | null {
  const user = a.user as Actor
  const decision = reviewDecision({
    action: a.action,
    actorId: String(user.id),
    actorRoles: user.roles ?? [],
    lastEditorId: idOf(a.lastEditor),
    changesContent: a.changesContent,
    reason: a.reason,
    detail: a.detail,
  })
  if (!decision.ok) throw new TwoPersonRuleError(decision.message)
  return decision.forcedReason
}

const isAccount = (req: PayloadRequest) => Boolean(req.user && req.user.collection === 'users' && !String(req.user.id).startsWith('system-'))

type SaveMode = { draft: boolean }
const modeKey = (slug: string, id: unknown) => `${slug}:${id ?? '*'}`

/**
 * Remembers whether an update is a draft save (Payload does not tell beforeChange hooks): a non-draft
 * save with `_status: 'draft'` on a published document is an unpublish, a draft save is an edit.
 */
export const rememberSaveMode: CollectionBeforeOperationHook = ({ args, operation, collection, req }) => {
  if (operation === 'update' || operation === 'updateByID' || operation === 'restoreVersion') {
    const a = args as { id?: string | number; draft?: boolean }
    const modes = ((req.context.saveModes as Record<string, SaveMode> | undefined) ??= {})
    // Payload names updateByID "update" here; a restore's id is the version's, so it gets its own key.
    const key = operation === 'restoreVersion' ? `${collection.slug}:restore` : modeKey(collection.slug, a.id)
    modes[key] = { draft: Boolean(a.draft) }
  }
  return args
}

function saveModeOf(req: PayloadRequest, slug: string, id: unknown): SaveMode | undefined {
  const modes = req.context.saveModes as Record<string, SaveMode> | undefined
  return modes?.[modeKey(slug, id)] ?? modes?.[modeKey(slug, undefined)]
}

export type ReviewRecord = { action: 'publish' | 'forcePublish' | 'unpublish' | 'restore' | 'edit'; reason?: string | null; scheduled?: boolean }

/** What the two-person rule decided for a document in this request (read by the audit hook). */
export function reviewRecordOf(req: PayloadRequest, slug: string, id: unknown): ReviewRecord | undefined {
  return (req.context.reviewRecords as Record<string, ReviewRecord> | undefined)?.[modeKey(slug, id)]
}
function keepReviewRecord(req: PayloadRequest, slug: string, id: unknown, record: ReviewRecord) {
  const records = ((req.context.reviewRecords as Record<string, ReviewRecord> | undefined) ??= {})
  records[modeKey(slug, id)] = record
}

/** The document as the public sees it now (the main record, not the latest draft). */
async function mainStatus(req: PayloadRequest, slug: string, id: unknown): Promise<string | null> {
  if (id === undefined || id === null) return null
  const doc = await req.payload.db.findOne({ collection: slug as never, where: { id: { equals: id } }, req }).catch(() => null)
  return (doc as { _status?: string } | null)?._status ?? null
}

/** Pending scheduled publishes of a document (jobs not yet run). */
export async function pendingSchedules(req: PayloadRequest, slug: string, id: unknown) {
  const { docs } = await req.payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: 'schedulePublish' } },
        { 'input.doc.value': { equals: String(id) } },
        { 'input.doc.relationTo': { equals: slug } },
        { completedAt: { exists: false } },
        { processing: { equals: false } },
      ],
    },
    limit: 20,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs as unknown as { id: string | number; waitUntil?: string; input?: { user?: { value?: string }; type?: string } }[]
}

/**
 * An edit after a publish was scheduled cancels the schedule (the reviewer approved the earlier
 * version, not this one) and says so on the document; the cancellation is audited.
 */
async function cancelSchedulesAfterEdit(req: PayloadRequest, slug: string, id: unknown): Promise<string | null> {
  if (id === undefined || id === null) return null
  const jobs = await keepingRequestContext(req, () => pendingSchedules(req, slug, id))
  if (!jobs.length) return null
  for (const job of jobs) {
    await keepingRequestContext(req, () => req.payload.delete({ collection: 'payload-jobs', id: job.id, overrideAccess: true, req }))
  }
  const when = jobs.map((j) => (j.waitUntil ? chinaDate(j.waitUntil) : '')).filter(Boolean).join('、')
  const note = `${chinaDate(nowIso())} 修改后，原定${when ? `于 ${when} ` : ''}的定时发布已自动取消：审核人审核的是修改前的版本。请审核人重新审核后再安排。`
  await writeAudit(req, { action: 'scheduleCancel', collection: slug, id: String(id), summary: note.slice(0, 200) })
  return note
}

/**
 * The two-person rule on every save: a draft save records its author (and cancels a pending
 * schedule); publishing, unpublishing and restoring follow `reviewDecision`. Saves without an
 * account (seed, import jobs) are system operations and record no editor.
 */
export const enforceTwoPersonRule: CollectionBeforeChangeHook = async ({ data, originalDoc, req, context, collection, operation }) => {
  const user = req.user
  if (!user || context.system || !isAccount(req)) return data
  const id = originalDoc?.id
  const mode = saveModeOf(req, collection.slug, id)
  const changedNow = contentChanged(data, originalDoc)

  if (context.isRestoringVersion) {
    const restoreMode = (req.context.saveModes as Record<string, SaveMode> | undefined)?.[`${collection.slug}:restore`]
    if (!restoreMode?.draft) refuseUnreviewed({ action: 'restore', user, lastEditor: originalDoc?.lastEditedBy })
    const scheduleNote = await cancelSchedulesAfterEdit(req, collection.slug, id)
    keepReviewRecord(req, collection.slug, id, { action: 'restore' })
    return { ...data, lastEditedBy: user.id, forcePublishReason: null, ...(scheduleNote ? { scheduleNote } : {}) }
  }

  if (data._status !== 'published') {
    const unpublishing = operation === 'update' && !mode?.draft && (await mainStatus(req, collection.slug, id)) === 'published'
    if (unpublishing) {
      const reason = typeof data.forcePublishReason === 'string' ? data.forcePublishReason : null
      const forced = refuseUnreviewed({ action: 'unpublish', user, lastEditor: originalDoc?.lastEditedBy, reason, changesContent: changedNow })
      keepReviewRecord(req, collection.slug, id, { action: 'unpublish', reason: forced })
      return { ...data, lastEditedBy: originalDoc?.lastEditedBy ?? null, forcePublishReason: null }
    }
    // An edit: records its author; a new draft clears an earlier admin's force reason.
    const scheduleNote = changedNow ? await cancelSchedulesAfterEdit(req, collection.slug, id) : null
    keepReviewRecord(req, collection.slug, id, { action: 'edit' })
    return {
      ...data,
      lastEditedBy: changedNow || !originalDoc?.lastEditedBy ? user.id : originalDoc.lastEditedBy,
      forcePublishReason: changedNow ? null : data.forcePublishReason,
      ...(scheduleNote ? { scheduleNote } : {}),
    }
  }

  const lastEditor = changedNow ? user.id : idOf(originalDoc?.lastEditedBy)
  const reason = typeof data.forcePublishReason === 'string' ? data.forcePublishReason : null
  const forced = refuseUnreviewed({
    action: context.scheduledPublish ? 'schedule' : 'publish',
    user,
    lastEditor: changedNow ? originalDoc?.lastEditedBy ?? null : lastEditor,
    reason,
    changesContent: changedNow,
  })
  if (forced) context.forcePublished = forced
  keepReviewRecord(req, collection.slug, id, { action: forced ? 'forcePublish' : 'publish', reason: forced, scheduled: Boolean(context.scheduledPublish) })
  return {
    ...data,
    lastEditedBy: lastEditor ?? user.id,
    publishedBy: user.id,
    publishedAt: nowIso(),
    scheduleNote: null,
  }
}

/**
 * Deleting what is or was public destroys its history: a second person decides (an admin on their
 * own edit with `?reason=`). Drafts that never went public may be deleted by whoever may edit them.
 */
export const guardDeletingPublished: CollectionBeforeDeleteHook = async ({ id, req, collection, context }) => {
  if (!req.user || context.system || !isAccount(req)) return
  const slug = collection.slug
  const doc = (await req.payload.db.findOne({ collection: slug, where: { id: { equals: id } }, req })) as Record<string, unknown> | null
  if (!doc) return
  let everPublished = doc._status === 'published' || Boolean(doc.publishedAt)
  if (!everPublished && collection.versions) {
    const { totalDocs } = await req.payload.db.findVersions({
      collection: slug,
      where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] },
      limit: 1,
      req,
    })
    everPublished = totalDocs > 0
  }
  if (!everPublished) return
  const reason = typeof req.query?.reason === 'string' ? req.query.reason : typeof context.deleteReason === 'string' ? context.deleteReason : null
  const forced = refuseUnreviewed({ action: 'delete', user: req.user, lastEditor: doc.lastEditedBy, reason })
  const records = ((req.context.deleteReasons as Record<string, string> | undefined) ??= {})
  if (forced) records[`${slug}:${id}`] = forced
}
