import { attachmentProblem, MAX_FILES, submissionErrors, type FieldError, type Kind } from '../../../cms/complaints/submission'
import { formatTrackingCode, generateQueryPassword, generateTrackingCode } from '../../../cms/domain/trackingCode'
import { callCms } from './cmsClient'
import { enqueue } from './outbox'
import { clientAddress, submitLimiter } from './rateLimit'

export const MAX_BODY_BYTES = 30 * 1024 * 1024
/** A person needs more than a couple of seconds to fill in the form; a script does not. */
const MIN_FILL_MS = 2500

export type FormValues = {
  trackingCode: string
  queryPassword: string
  startedAt: string
  category: string
  noticeId: string
  entryNo: string
  identity: 'anonymous' | 'real' | ''
  name: string
  phone: string
  content: string
}

export const freshValues = (over: Partial<FormValues> = {}): FormValues => ({
  trackingCode: generateTrackingCode(),
  queryPassword: generateQueryPassword(),
  startedAt: String(Date.now()),
  category: '',
  noticeId: '',
  entryNo: '',
  identity: '',
  name: '',
  phone: '',
  content: '',
  ...over,
})

export type Outcome =
  | { type: 'form'; values: FormValues; errors: FieldError[] }
  | { type: 'receipt'; code: string; password: string; acknowledgeDue: string | null; resolveDue: string | null; acknowledgeDueProvisional: boolean; resolveDueProvisional: boolean; queued: boolean; anonymous: boolean }
  | { type: 'rejected'; status: number; title: string; message: string; retryAfter?: number }

const text = (f: FormData, k: string, max = 6000) => {
  const v = f.get(k)
  return typeof v === 'string' ? v.trim().slice(0, max) : ''
}

/** Handles one POST of a complaint/report/objection form; the page renders whatever comes back. */
export async function handleSubmission(request: Request, kind: Kind, remoteAddress: string | undefined): Promise<Outcome> {
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > MAX_BODY_BYTES) {
    return { type: 'rejected', status: 413, title: '提交的内容太大', message: '附件合计不能超过 24 MB（每个不超过 8 MB，最多 3 个）。请压缩图片或减少附件后重新提交。' }
  }
  const ip = clientAddress(request, remoteAddress)
  if (!submitLimiter.take(ip)) {
    const retryAfter = submitLimiter.retryAfter(ip)
    return { type: 'rejected', status: 429, title: '提交过于频繁', message: `同一网络地址10分钟内最多提交5次。请在 ${Math.ceil(retryAfter / 60)} 分钟后再试，或拨打监督电话反映。`, retryAfter }
  }
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    return { type: 'rejected', status: 400, title: '提交的内容无法读取', message: '请返回表单重新填写后提交。' }
  }
  // Honeypot and time trap: a hidden field people never see, and a form filled in too fast.
  const startedAt = Number(text(form, 'startedAt', 20))
  if (text(form, 'website', 200) || !Number.isFinite(startedAt) || Date.now() - startedAt < MIN_FILL_MS) {
    return {
      type: 'rejected',
      status: 400,
      title: '提交未成功',
      message: '系统判断这次提交可能来自自动程序（隐藏的检查项被填写，或提交得过快）。如果您是本人填写，请返回表单，稍等片刻再提交；也可以拨打监督电话反映。',
    }
  }
  const values: FormValues = {
    trackingCode: text(form, 'trackingCode', 40),
    queryPassword: text(form, 'queryPassword', 8),
    startedAt: String(startedAt),
    category: text(form, 'category', 60),
    noticeId: text(form, 'noticeId', 64),
    entryNo: text(form, 'entryNo', 6),
    identity: (text(form, 'identity', 10) as FormValues['identity']) || '',
    name: text(form, 'name', 40),
    phone: text(form, 'phone', 40),
    content: text(form, 'content', 6000),
  }
  const files = form.getAll('attachments').filter((f): f is File => typeof f === 'object' && f !== null && 'arrayBuffer' in f && (f as File).size > 0)
  const errors: FieldError[] = []
  if (values.identity !== 'anonymous' && values.identity !== 'real') errors.push({ field: 'identity', message: '请选择实名反映还是匿名反映。' })
  const anonymous = values.identity !== 'real'
  const attachments: { name: string; dataBase64: string }[] = []
  if (files.length > MAX_FILES) errors.push({ field: 'attachments', message: `最多上传${MAX_FILES}个附件。` })
  else {
    for (const f of files) {
      const bytes = new Uint8Array(await f.arrayBuffer())
      const problem = attachmentProblem({ name: f.name, bytes })
      if (problem) errors.push({ field: 'attachments', message: problem })
      else attachments.push({ name: f.name, dataBase64: Buffer.from(bytes).toString('base64') })
    }
  }
  const submission = {
    trackingCode: values.trackingCode,
    queryPassword: values.queryPassword,
    kind,
    category: values.category,
    noticeId: values.noticeId || null,
    entryNo: values.entryNo ? Number(values.entryNo) : null,
    anonymous,
    name: anonymous ? undefined : values.name,
    phone: anonymous ? undefined : values.phone,
    content: values.content,
    attachments,
  }
  errors.push(...submissionErrors(submission).filter((e) => !(anonymous && (e.field === 'name' || e.field === 'phone'))))
  if (errors.length) {
    // The tracking code is the idempotency key: a corrected form keeps it.
    return { type: 'form', values, errors }
  }
  const receipt = (due: { acknowledgeDue?: string | null; resolveDue?: string | null; acknowledgeDueProvisional?: boolean; resolveDueProvisional?: boolean }, queued: boolean): Outcome => ({
    type: 'receipt',
    code: formatTrackingCode(values.trackingCode),
    password: values.queryPassword,
    acknowledgeDue: due.acknowledgeDue ?? null,
    resolveDue: due.resolveDue ?? null,
    acknowledgeDueProvisional: Boolean(due.acknowledgeDueProvisional),
    resolveDueProvisional: Boolean(due.resolveDueProvisional),
    queued,
    anonymous,
  })
  const sent = await callCms('submit', submission)
  if (sent.ok) return receipt(sent.body, false)
  if (sent.status === 0) {
    // The CMS is unreachable: keep it safely (flushed to disk) first, then give the receipt.
    enqueue(values.trackingCode, submission)
    return receipt({}, true)
  }
  if (sent.status === 422 && sent.body?.field) return { type: 'form', values, errors: [{ field: sent.body.field, message: sent.body.message }] }
  return { type: 'rejected', status: 400, title: '提交未成功', message: sent.body?.message ?? '提交的内容有误，请返回修改后再提交。' }
}
