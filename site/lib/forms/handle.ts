import { attachmentProblem, MAX_ATTACHMENT_BYTES, MAX_FILES, submissionErrors, type FieldError, type Kind } from '../../../cms/complaints/submission'
import { formatTrackingCode, generateQueryPassword, generateTrackingCode, normaliseTrackingCode } from '../../../cms/domain/trackingCode'
import { FORM_PARSE_LIMITS } from './limits'
import { parseRequestForm, textField } from './parseForm'
import type { RequestServices } from './services'

export type FormValues = {
  trackingCode: string
  queryPassword: string
  formToken: string
  category: string
  noticeId: string
  entryNo: string
  identity: 'anonymous' | 'real' | ''
  name: string
  phone: string
  content: string
}

/** A new form: a tracking code and query password of its own, and a server-signed timestamp bound to that code. */
export function freshValues(services: Pick<RequestServices, 'tokens'>, over: Partial<FormValues> = {}): FormValues {
  const trackingCode = generateTrackingCode()
  return {
    trackingCode,
    queryPassword: generateQueryPassword(),
    formToken: services.tokens.issue(trackingCode),
    category: '',
    noticeId: '',
    entryNo: '',
    identity: '',
    name: '',
    phone: '',
    content: '',
    ...over,
  }
}

export type Outcome =
  | { type: 'form'; values: FormValues; errors: FieldError[]; status?: number; retryAfter?: number }
  | { type: 'receipt'; code: string; password: string; acknowledgeDue: string | null; resolveDue: string | null; acknowledgeDueProvisional: boolean; resolveDueProvisional: boolean; queued: boolean; anonymous: boolean }
  | { type: 'rejected'; status: number; title: string; message: string; retryAfter?: number }

const MB = 1024 * 1024
export const tooLarge = (limit: number): Outcome => ({
  type: 'rejected',
  status: 413,
  title: '提交的内容太大',
  message: `这次提交超过了 ${Math.round(limit / MB)} MB，没有收到。附件最多${MAX_FILES}个，每个不超过 ${MAX_ATTACHMENT_BYTES / MB} MB。请按浏览器的“返回”找回您填写的内容，压缩图片或减少附件后重新提交。`,
})
const timedOut: Outcome = {
  type: 'rejected',
  status: 408,
  title: '提交没有完成',
  message: '网络太慢，提交的内容没有传完。请按浏览器的“返回”找回您填写的内容，换一个网络或减少附件后重新提交；也可以拨打监督电话反映。',
}
const minutes = (s: number) => Math.max(1, Math.ceil(s / 60))

/** What a submission is about: the limiter counts per address and subject, so one PC can help several villagers. */
function subjectOf(kind: Kind, v: FormValues): string {
  return kind === 'objection' && v.noticeId ? `${kind}:${v.noticeId}:${v.entryNo || 'all'}` : `${kind}:${v.category}`
}

/** Handles one POST of a complaint/report/objection form; the page renders whatever comes back. */
export async function handleSubmission(request: Request, kind: Kind, services: RequestServices): Promise<Outcome> {
  const form = services.form !== undefined ? services.form : await parseRequestForm(request, FORM_PARSE_LIMITS, services.body)
  // Cut at a file past its size: the text before it was read, so the form comes back filled in.
  const cutAtFile = services.body.exceeded && Boolean(form?.files.some((f) => f.tooLarge))
  if (services.body.exceeded && !cutAtFile) return tooLarge(services.body.limit)
  if (services.body.timedOut) return timedOut
  if (!form) return { type: 'rejected', status: 400, title: '提交的内容无法读取', message: '请返回表单重新填写后提交。' }

  const values: FormValues = {
    trackingCode: textField(form, 'trackingCode', 40),
    queryPassword: textField(form, 'queryPassword', 8),
    formToken: textField(form, 'formToken', 60),
    category: textField(form, 'category', 60),
    noticeId: textField(form, 'noticeId', 64),
    entryNo: textField(form, 'entryNo', 6),
    identity: (['anonymous', 'real'].includes(textField(form, 'identity', 10)) ? textField(form, 'identity', 10) : '') as FormValues['identity'],
    name: textField(form, 'name', 40),
    phone: textField(form, 'phone', 40),
    content: textField(form, 'content', 6000),
  }
  if (cutAtFile) {
    // Reading stopped at a file past its size: say so beside the attachments, keep the text, and (as
    // the rest of the body was never read) ask for the whole form again with a fresh token.
    const big = form.files.find((f) => f.tooLarge)!
    const again = { ...values, formToken: services.tokens.issue(normaliseTrackingCode(values.trackingCode)) }
    return { type: 'form', values: again, status: 413, errors: [{ field: 'attachments', message: `附件“${big.name.slice(0, 40) || '附件'}”超过 ${MAX_ATTACHMENT_BYTES / MB} MB，没有收到。请压缩后重新选择附件（其他内容已保留），再提交。` }] }
  }
  // Honeypot and time trap: a hidden field people never see, and a form sent back faster than anyone can fill it.
  const token = services.tokens.check(values.formToken, normaliseTrackingCode(values.trackingCode))
  // A person refused here gets the form back with their text and a fresh token (issue 15), never a blank one.
  if (textField(form, 'website', 200) || token === 'too-fast') {
    const again = { ...values, formToken: services.tokens.issue(normaliseTrackingCode(values.trackingCode)) }
    const message = '系统判断这次提交可能来自自动程序（隐藏的检查项被填写，或提交得过快），没有收到。您填写的内容已保留：如果您是本人填写，请稍等片刻，核对后再次提交；也可以拨打监督电话反映。'
    return { type: 'form', values: again, status: 400, errors: [{ field: 'form', message }] }
  }
  if (token !== 'ok') {
    // Open too long, or issued under an earlier key: show the form again with the text kept and a fresh token.
    const again = { ...values, formToken: services.tokens.issue(normaliseTrackingCode(values.trackingCode)) }
    const message = token === 'expired' ? '这个页面打开的时间太长了（超过24小时）。您填写的内容已保留，请核对后再次提交。' : '页面信息已失效（可能网站刚刚更新）。您填写的内容已保留，请核对后再次提交。'
    return { type: 'form', values: again, errors: [{ field: 'form', message }] }
  }

  const errors: FieldError[] = []
  if (!values.identity) errors.push({ field: 'identity', message: '请选择实名反映还是匿名反映。' })
  const anonymous = values.identity !== 'real'
  if (form.tooManyFiles || form.files.length > MAX_FILES) errors.push({ field: 'attachments', message: `最多上传${MAX_FILES}个附件。` })
  for (const f of form.files) {
    const problem = f.tooLarge
      ? `附件“${f.name.slice(0, 40) || '附件'}”超过 ${MAX_ATTACHMENT_BYTES / MB} MB，请压缩后再上传。`
      : attachmentProblem({ name: f.name, bytes: f.bytes })
    if (problem) errors.push({ field: 'attachments', message: problem })
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
    attachments: form.files.filter((f) => !f.tooLarge).map((f) => ({ name: f.name, bytes: f.bytes })),
  }
  errors.push(...submissionErrors(submission).filter((e) => !(anonymous && (e.field === 'name' || e.field === 'phone'))))
  // Validation errors never spend the budget: the tracking code (the idempotency key) is kept for the corrected form.
  if (errors.length) return { type: 'form', values, errors }

  const subject = subjectOf(kind, values)
  const wait = services.limits.submissionWait(services.clientAddress, subject)
  if (wait) {
    return {
      type: 'form',
      values,
      status: 429,
      retryAfter: wait,
      errors: [{ field: 'form', message: `从您的网络提交得太频繁，这一次没有提交。您填写的内容已保留在下面，请在 ${minutes(wait)} 分钟后再点“提交”（附件需重新选择）；急事请拨打监督电话。` }],
    }
  }
  const result = await services.submit(submission)
  if (result.type === 'invalid') return { type: 'form', values, errors: [{ field: result.field, message: result.message }] }
  if (result.type === 'refused') return { type: 'rejected', status: 400, title: '提交未成功', message: result.message || '提交的内容有误，请返回修改后再提交。' }
  if (result.type === 'unavailable') {
    return { type: 'rejected', status: 503, title: '暂时无法提交', message: '办理系统暂时无法接收网上提交，这一次没有保存。请按浏览器的“返回”找回您填写的内容，稍后再试，或拨打监督电话反映。' }
  }
  services.limits.submissionAccepted(services.clientAddress, subject)
  return {
    type: 'receipt',
    code: formatTrackingCode(values.trackingCode),
    password: values.queryPassword,
    acknowledgeDue: result.type === 'stored' ? result.acknowledgeDue : null,
    resolveDue: result.type === 'stored' ? result.resolveDue : null,
    acknowledgeDueProvisional: result.type === 'stored' && result.acknowledgeDueProvisional,
    resolveDueProvisional: result.type === 'stored' && result.resolveDueProvisional,
    queued: result.type === 'queued',
    anonymous,
  }
}
