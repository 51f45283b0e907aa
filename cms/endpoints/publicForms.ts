import type { Endpoint, PayloadRequest } from 'payload'
import { isSealedEntry, openSealed, SealError } from '../complaints/outboxSeal'
import { outboxPrivateKeys } from '../complaints/outboxKey'
import { readPublicFormsStatus, recordPublicFormsAccepted, recordPublicFormsProblem } from '../complaints/publicFormsStatus'
import { checkAttachment } from '../complaints/sanitiseUpload'
import { PUBLIC_FORM_USER, publicFormKeyMatches } from '../complaints/publicKey'
import { hasRole } from '../access/roles'
import { nowIso, nowMs } from '../domain/clock'
import { publicStatusOf } from '../complaints/publicStatus'
import { isValidTrackingCode, normaliseTrackingCode, verifyQueryPassword } from '../domain/trackingCode'
import { submissionErrors } from '../complaints/submission'
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
  const ok = publicFormKeyMatches(req.headers.get('x-public-form-key'))
  if (!ok) recordPublicFormsProblem('unauthorised', nowIso())
  return ok
}

const UNAUTHORISED = '公开网站的表单密钥不正确：PUBLIC_FORM_KEY 须与 CMS 的一致。'

/**
 * The body of a submission: as sent (the CMS was up), or a sealed outbox entry that only this CMS's
 * private key opens. `null` when unreadable; a Response when the entry cannot be opened (the
 * public server keeps it and raises the alarm: a key-pair mismatch is configuration, not content).
 */
function openSubmission(b: Record<string, any>): Record<string, any> | Response | null {
  if (!isSealedEntry(b.sealed)) return b
  try {
    const inner = JSON.parse(openSealed(b.sealed, outboxPrivateKeys()).toString('utf8'))
    return inner && typeof inner === 'object' ? inner : null
  } catch (e) {
    if (!(e instanceof SealError)) return null
    recordPublicFormsProblem('unsealable', nowIso())
    return err(409, 'unsealable', e.message)
  }
}

const SCRYPT_HASH = /^scrypt\$\d{3,7}\$[A-Za-z0-9+/=]{16,64}\$[A-Za-z0-9+/=]{32,128}$/
const MAX_QUEUE_AGE_MS = 180 * 86_400_000

/** When the resident submitted (an entry forwarded from the outbox arrives later): the public server's time, within reason. */
function submittedAt(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined
  const at = Date.parse(v)
  if (!Number.isFinite(at) || at > nowMs() + 5 * 60_000 || at < nowMs() - MAX_QUEUE_AGE_MS) return undefined
  return new Date(at).toISOString()
}

/** Upload refusals in words a resident can act on (Payload's own are English or "unknown error"). */
function attachmentRefusal(e: unknown, name: string): string {
  const msg = e instanceof Error ? e.message : ''
  if (/[\u4e00-\u9fff]/.test(msg)) return msg
  return `附件“${name.slice(0, 40) || '附件'}”无法保存：文件可能已损坏，或不是真正的 JPG、PNG、WEBP 图片或 PDF 文件（每个不超过 8 MB）。请换一个文件，或不传附件。`
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
    if (!authorised(req)) return err(401, 'unauthorised', UNAUTHORISED)
    const raw = await body(req)
    // From the outbox: the resident already holds a receipt, so nothing here may refuse it for an attachment.
    const queued = Boolean(raw && isSealedEntry(raw.sealed))
    const b = raw ? openSubmission(raw) : null
    if (b instanceof Response) return b
    if (!b) return err(400, 'bad_request', '提交内容无法读取，请重试。')
    // The public server sends the query password only as its hash (it may have sat in the outbox).
    const passwordHash = typeof b.queryPasswordHash === 'string' && SCRYPT_HASH.test(b.queryPasswordHash) ? b.queryPasswordHash : null
    // The same rules the public form shows beside each field; the first is enough here.
    const problem = submissionErrors(passwordHash ? { ...b, queryPassword: '00000000' } : b)[0]
    if (problem) return err(422, 'invalid', problem.message, problem.field)
    const trackingCode = normaliseTrackingCode(b.trackingCode)
    const as = { user: PUBLIC_FORM_USER as never, overrideAccess: false, req }
    // Exactly once: a retried submission (the outbox forwarding again) returns the first receipt.
    const existing = await req.payload.find({ collection: 'complaints', where: { idempotencyKey: { equals: trackingCode } }, limit: 1, depth: 0, overrideAccess: true, context: { skipAudit: true } })
    if (existing.docs[0]) {
      recordPublicFormsAccepted(nowIso())
      return json(200, { ok: true, duplicate: true, ...receipt(existing.docs[0]) })
    }

    const category = await req.payload.find({ collection: 'complaint-categories', where: { code: { equals: str(b.category, 60) } }, limit: 1, depth: 0, overrideAccess: true })
    if (!category.docs[0]) return err(422, 'invalid', '所选类别不存在，请重新选择。', 'category')
    let notice: string | undefined
    if (b.noticeId) {
      const n = await req.payload.find({ collection: 'notices', where: { and: [{ id: { equals: String(b.noticeId) } }, { _status: { equals: 'published' } }] }, limit: 1, depth: 0, overrideAccess: true, context: { skipAudit: true } })
      if (!n.docs[0]) return err(422, 'invalid', '所针对的公示不存在或已撤下。', 'notice')
      notice = String(n.docs[0].id)
    }
    const files: string[] = []
    const dropped: string[] = []
    for (const a of (Array.isArray(b.attachments) ? b.attachments : []) as { name?: string; dataBase64?: string }[]) {
      const name = str(a.name, 100) || '附件'
      try {
        const checked = await checkAttachment({ data: Buffer.from(String(a.dataBase64 ?? ''), 'base64'), name })
        const doc = await req.payload.create({ collection: 'complaint-files', data: {}, file: checked, ...as })
        files.push(String(doc.id))
      } catch (e) {
        if (!queued) return err(422, 'invalid', attachmentRefusal(e, name), 'attachments')
        dropped.push(attachmentRefusal(e, name))
      }
    }
    const doc = await req.payload.create({
      collection: 'complaints',
      ...as,
      data: {
        trackingCode,
        idempotencyKey: trackingCode,
        ...(passwordHash ? { queryPasswordHash: passwordHash } : { queryPassword: str(b.queryPassword, 8) }),
        receivedAt: submittedAt(b.submittedAt),
        kind: b.kind,
        category: String(category.docs[0].id),
        notice,
        noticeEntryNo: Number.isInteger(b.entryNo) && b.entryNo > 0 ? b.entryNo : undefined,
        anonymous: Boolean(b.anonymous),
        reporterName: b.anonymous ? undefined : str(b.name, 30),
        reporterPhone: b.anonymous ? undefined : str(b.phone, 30),
        content: str(b.content, 5000),
        attachments: files,
        internalNotes: dropped.length ? dropped.map((note) => ({ note: `网上提交时因办理系统暂时不可用而排队，转入时发现：${note}该附件已略去，群众已拿到回执，如需要请联系补交。` })) : undefined,
      } as never,
    })
    recordPublicFormsAccepted(nowIso())
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
    if (!authorised(req)) return err(401, 'unauthorised', UNAUTHORISED)
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
    if (!authorised(req)) return err(401, 'unauthorised', UNAUTHORISED)
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

/**
 * For admins (and the dashboard): problems at the public server's door, and — when PUBLIC_SERVER_URL
 * is set — the public server's own readiness (its outbox state and how many submissions wait).
 */
const status: Endpoint = {
  path: '/public-forms/status',
  method: 'get',
  handler: async (req) => {
    if (!hasRole(req.user as never, 'admin')) return err(403, 'forbidden', '只有管理员可以查看。')
    let publicServer: unknown = null
    const base = process.env.PUBLIC_SERVER_URL?.replace(/\/$/, '')
    if (base) {
      try {
        const res = await fetch(`${base}/_health/ready`, { signal: AbortSignal.timeout(3000) })
        publicServer = { reachable: true, httpStatus: res.status, ...((await res.json()) as object) }
      } catch {
        publicServer = { reachable: false }
      }
    }
    return json(200, { ok: true, ...readPublicFormsStatus(), publicServer })
  },
}

export const publicFormEndpoints = [submit, track, feedback, status]
