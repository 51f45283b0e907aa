import type { Endpoint, PayloadRequest } from 'payload'
import { checkAttachment } from '../complaints/sanitiseUpload'
import { PUBLIC_FORM_USER, publicFormKeyMatches } from '../complaints/publicKey'
import { publicStatusOf } from '../complaints/publicStatus'
import { isValidTrackingCode, normaliseTrackingCode, verifyQueryPassword } from '../domain/trackingCode'
import { submissionErrors } from '../complaints/submission'
import { nowMs } from '../domain/clock'
import { dayOfStored } from '../domain/dates'
import { keepingRequestContext } from '../hooks/requestContext'

/**
 * The public server's only door into the CMS (least privilege): submit a complaint/report/objection,
 * read its public status with code + query password, and give feedback on the answer. Every call
 * must present the public-form key; the work runs as the `publicForm` identity with access enforced.
 */
const LOCK_AFTER = 5
const LOCK_MINUTES = 30

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } })
const err = (status: number, code: string, message: string, field?: string) => json(status, { ok: false, code, message, field })

function authorised(req: PayloadRequest) {
  return publicFormKeyMatches(req.headers.get('x-public-form-key'))
}

async function body(req: PayloadRequest): Promise<Record<string, any> | null> {
  try {
    return (await req.json?.()) ?? null
  } catch {
    return null
  }
}

const str = (v: unknown, max: number) => (typeof v === 'string' ? v.trim().slice(0, max) : '')

const submit: Endpoint = {
  path: '/public-forms/submit',
  method: 'post',
  handler: async (req) => {
    if (!authorised(req)) return err(401, 'unauthorised', 'unauthorised')
    const b = await body(req)
    if (!b) return err(400, 'bad_request', '提交内容无法读取，请重试。')
    // The same rules the public form shows beside each field; the first is enough here.
    const problem = submissionErrors(b)[0]
    if (problem) return err(422, 'invalid', problem.message, problem.field)
    const trackingCode = normaliseTrackingCode(b.trackingCode)
    const as = { user: PUBLIC_FORM_USER as never, overrideAccess: false, req }
    // Exactly once: a retried submission (the outbox forwarding again) returns the first receipt.
    const existing = await req.payload.find({ collection: 'complaints', where: { idempotencyKey: { equals: trackingCode } }, limit: 1, depth: 0, overrideAccess: true, context: { skipAudit: true } })
    if (existing.docs[0]) return json(200, { ok: true, duplicate: true, ...receipt(existing.docs[0]) })

    const category = await req.payload.find({ collection: 'complaint-categories', where: { code: { equals: str(b.category, 60) } }, limit: 1, depth: 0, overrideAccess: true })
    if (!category.docs[0]) return err(422, 'invalid', '所选类别不存在，请重新选择。', 'category')
    let notice: string | undefined
    if (b.noticeId) {
      const n = await req.payload.find({ collection: 'notices', where: { and: [{ id: { equals: String(b.noticeId) } }, { _status: { equals: 'published' } }] }, limit: 1, depth: 0, overrideAccess: true, context: { skipAudit: true } })
      if (!n.docs[0]) return err(422, 'invalid', '所针对的公示不存在或已撤下。', 'notice')
      notice = String(n.docs[0].id)
    }
    const files: string[] = []
    for (const a of (b.attachments ?? []) as { name?: string; dataBase64?: string }[]) {
      try {
        const checked = await checkAttachment({ data: Buffer.from(String(a.dataBase64 ?? ''), 'base64'), name: str(a.name, 100) || '附件' })
        const doc = await req.payload.create({ collection: 'complaint-files', data: {}, file: checked, ...as })
        files.push(String(doc.id))
      } catch (e) {
        return err(422, 'invalid', (e as Error).message, 'attachments')
      }
    }
    const doc = await req.payload.create({
      collection: 'complaints',
      ...as,
      data: {
        trackingCode,
        idempotencyKey: trackingCode,
        queryPassword: str(b.queryPassword, 8),
        kind: b.kind,
        category: String(category.docs[0].id),
        notice,
        noticeEntryNo: Number.isInteger(b.entryNo) && b.entryNo > 0 ? b.entryNo : undefined,
        anonymous: Boolean(b.anonymous),
        reporterName: b.anonymous ? undefined : str(b.name, 30),
        reporterPhone: b.anonymous ? undefined : str(b.phone, 30),
        content: str(b.content, 5000),
        attachments: files,
      } as never,
    })
    return json(201, { ok: true, ...receipt(doc) })
  },
}

/** The due dates as China calendar days (a stored timestamp's UTC day can be the day before). */
function receipt(doc: Record<string, any>) {
  return {
    trackingCode: doc.trackingCode,
    acknowledgeDue: dayOfStored(doc.acknowledgeDue),
    resolveDue: dayOfStored(doc.resolveDue),
    acknowledgeDueProvisional: Boolean(doc.acknowledgeDueProvisional),
    resolveDueProvisional: Boolean(doc.resolveDueProvisional),
  }
}

/** Finds a complaint by code + password; repeated wrong passwords lock the code for a while. */
async function unlock(req: PayloadRequest, b: Record<string, any>): Promise<{ doc?: Record<string, any>; error?: Response }> {
  const code = normaliseTrackingCode(str(b.trackingCode, 40))
  const notFound = { error: err(404, 'not_found', '没有找到这条记录，或查询密码不正确。请核对查询码和密码。') }
  if (!isValidTrackingCode(code)) return { error: err(404, 'not_found', '查询码格式不对：查询码共13位，请核对回执上的查询码。') }
  const found = await req.payload.find({ collection: 'complaints', where: { trackingCode: { equals: code } }, limit: 1, depth: 1, overrideAccess: true, showHiddenFields: true, context: { skipAudit: true } })
  const doc = found.docs[0] as Record<string, any> | undefined
  if (!doc) return notFound
  if (doc.trackingLockedUntil && Date.parse(doc.trackingLockedUntil) > nowMs()) {
    return { error: err(429, 'locked', `密码错误次数过多，请${LOCK_MINUTES}分钟后再试，或拨打监督电话查询。`) }
  }
  if (!(await verifyQueryPassword(str(b.password, 20), doc.queryPasswordHash ?? ''))) {
    const failures = (doc.trackingFailures ?? 0) + 1
    await keepingRequestContext(req, () =>
      req.payload.update({
        collection: 'complaints',
        id: doc.id,
        overrideAccess: true,
        context: { skipWorkflow: true, skipAudit: true },
        data: { trackingFailures: failures >= LOCK_AFTER ? 0 : failures, trackingLockedUntil: failures >= LOCK_AFTER ? new Date(nowMs() + LOCK_MINUTES * 60_000).toISOString() : null },
        req,
      }),
    )
    return notFound
  }
  if (doc.trackingFailures) {
    await keepingRequestContext(req, () => req.payload.update({ collection: 'complaints', id: doc.id, overrideAccess: true, context: { skipWorkflow: true, skipAudit: true }, data: { trackingFailures: 0 }, req }))
  }
  return { doc }
}

const track: Endpoint = {
  path: '/public-forms/track',
  method: 'post',
  handler: async (req) => {
    if (!authorised(req)) return err(401, 'unauthorised', 'unauthorised')
    const b = await body(req)
    if (!b) return err(400, 'bad_request', '请求无法读取。')
    const { doc, error } = await unlock(req, b)
    if (error) return error
    return json(200, { ok: true, status: publicStatusOf(doc!, doc!.category?.label ?? '') })
  },
}

const feedback: Endpoint = {
  path: '/public-forms/feedback',
  method: 'post',
  handler: async (req) => {
    if (!authorised(req)) return err(401, 'unauthorised', 'unauthorised')
    const b = await body(req)
    if (!b || !['yes', 'no'].includes(b.satisfied)) return err(400, 'bad_request', '请选择问题是否已解决。')
    const { doc, error } = await unlock(req, b)
    if (error) return error
    if (doc!.status !== 'answered' || doc!.feedbackSatisfied) return err(409, 'conflict', '这条记录目前不能评价。')
    const updated = await req.payload.update({
      collection: 'complaints',
      id: doc!.id,
      overrideAccess: true,
      req,
      context: { skipAudit: true },
      data: { feedbackSatisfied: b.satisfied, feedbackNote: str(b.note, 200) || undefined },
    })
    return json(200, { ok: true, status: publicStatusOf({ ...updated, category: doc!.category }, doc!.category?.label ?? '') })
  },
}

export const publicFormEndpoints = [submit, track, feedback]
