import { findPii } from '../domain/pii'
import { isValidTrackingCode } from '../domain/trackingCode'

/**
 * One set of rules for a resident's submission, used by the public form (to show errors beside
 * fields) and by the CMS endpoint (which never trusts the public server). Pure: no Payload, no I/O.
 */
export const MAX_FILES = 3
export const MAX_ATTACHMENT_BYTES = 8 * 1024 * 1024
export const KIND_OPTIONS = [
  { value: 'objection', label: '对公示有异议' },
  { value: 'report', label: '举报' },
  { value: 'complaint', label: '投诉' },
  { value: 'other', label: '其他' },
] as const
export const KINDS = KIND_OPTIONS.map((k) => k.value)
export type Kind = (typeof KINDS)[number]

export type SubmissionInput = {
  trackingCode: string
  queryPassword: string
  kind: Kind
  category: string
  noticeId?: string | null
  entryNo?: number | null
  anonymous: boolean
  name?: string
  phone?: string
  content: string
  attachments?: { name: string; dataBase64: string }[]
}

export type FieldError = { field: string; message: string }

const str = (v: unknown, max: number) => (typeof v === 'string' ? v.trim().slice(0, max) : '')

/** Every problem, in form order (the error summary lists them all at once: 一次性告知). */
export function submissionErrors(b: Record<string, any>): FieldError[] {
  const errors: FieldError[] = []
  if (!isValidTrackingCode(str(b.trackingCode, 40)) || !/^\d{8}$/.test(str(b.queryPassword, 8))) errors.push({ field: 'trackingCode', message: '提交信息不完整，请刷新页面后重新填写。' })
  if (!KINDS.includes(b.kind)) errors.push({ field: 'kind', message: '请选择要反映的事项类型。' })
  if (!str(b.category, 60)) errors.push({ field: 'category', message: '请选择具体类别。' })
  const content = str(b.content, 6000)
  if (content.length < 10) errors.push({ field: 'content', message: '请把情况写清楚一些（至少10个字）：谁、在哪里、什么事。' })
  else if (content.length > 5000) errors.push({ field: 'content', message: '反映内容最多5000字，请精简，或把材料作为附件上传。' })
  if (!b.anonymous) {
    const name = str(b.name, 40)
    if (name.length < 2 || name.length > 30) errors.push({ field: 'name', message: '实名反映请填写您的姓名（2到30个字）。' })
    const phone = str(b.phone, 40)
    if (!findPii(phone).some((f) => f.kind === 'mobile' || f.kind === 'landline')) {
      errors.push({ field: 'phone', message: '请填写能联系到您的手机号码或固定电话，例如 138 0000 0000。' })
    }
  }
  if (Array.isArray(b.attachments) && b.attachments.length > MAX_FILES) errors.push({ field: 'attachments', message: `最多上传${MAX_FILES}个附件。` })
  return errors
}

/** What a file really is, from its first bytes (the name and the declared type are not trusted). */
export function sniffType(buf: Uint8Array): 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf' | null {
  const b = Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.byteLength, 16))
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg'
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'image/webp'
  if (b.length >= 5 && b.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf'
  return null
}

/** Office documents (OLE .doc/.xls, or OOXML .docx/.xlsx/.pptx zips): refused, they carry author metadata. */
export function isOfficeFile(buf: Uint8Array): boolean {
  const b = Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.byteLength, 4096))
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return true
  if (b.length >= 4 && b.toString('latin1', 0, 4) === 'PK\x03\x04') return /\[Content_Types\]\.xml|word\/|xl\/|ppt\/|docProps\//.test(b.toString('latin1'))
  return false
}

export function attachmentProblem(file: { name: string; bytes: Uint8Array }, maxBytes = MAX_ATTACHMENT_BYTES): string | null {
  const shown = file.name.slice(0, 40) || '附件'
  if (file.bytes.byteLength > maxBytes) return `附件“${shown}”超过 ${Math.round(maxBytes / 1024 / 1024)} MB，请压缩后再上传。`
  if (!sniffType(file.bytes)) {
    if (isOfficeFile(file.bytes)) return `附件“${shown}”是 Word、Excel 等 Office 文件，文件里带有作者、修订记录等信息，不能直接上传：请另存为 PDF（或截图）后再上传。`
    return `附件“${shown}”不是可接受的格式：只接受 JPG、PNG、WEBP 图片和 PDF 文件。`
  }
  return null
}
