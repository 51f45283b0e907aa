import { type CollectionBeforeOperationHook } from 'payload'

import { reencodeImage } from './reencodeImage'
import { sanitisePdf } from './sanitisePdf'
import { attachmentProblem, MAX_ATTACHMENT_BYTES, sniffType } from './submission'
import { refusal } from '../hooks/refuse'

export type CheckedFile = { data: Buffer; mimetype: string; name: string; size: number }

/** Checks and cleans one uploaded file; throws a Chinese message a resident can act on. */
export async function checkAttachment(file: { data: Buffer; name: string }, maxBytes = MAX_ATTACHMENT_BYTES): Promise<CheckedFile> {
  const problem = attachmentProblem({ name: file.name, bytes: file.data }, maxBytes)
  if (problem) throw refusal(problem)
  const type = sniffType(file.data)!
  const ext = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' }[type]
  const safeName = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}.${ext}`
  if (type === 'application/pdf') {
    const data = await sanitisePdf(file.data, file.name)
    return { data, mimetype: type, name: safeName, size: data.length }
  }
  let data: Buffer
  try {
    data = await reencodeImage(file.data, type)
  } catch {
    throw refusal(`附件“${file.name.slice(0, 40)}”无法读取或尺寸过大，请换一张图片。`)
  }
  return { data, mimetype: type, name: safeName, size: data.length }
}

/**
 * How stored files are served by the CMS: always as a download (never rendered inline on the CMS
 * origin), with a CSP that forbids scripts, plugins and framing even if a browser did render one.
 */
export function servedFileHeaders({ headers }: { headers: Headers }): Headers {
  headers.set('Content-Disposition', 'attachment')
  headers.set('Content-Security-Policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'")
  headers.set('X-Content-Type-Options', 'nosniff')
  headers.set('Cache-Control', 'private, no-store')
  return headers
}

/**
 * Every upload passes the same check, whoever uploads it: type by content (no SVG, nothing
 * executable), size and pixel limits, images re-encoded without EXIF/GPS/XMP. `keepName` keeps the
 * editor's file name for public attachments (complaint files get a neutral name).
 */
export const makeSanitiseUpload =
  ({ maxBytes = MAX_ATTACHMENT_BYTES, keepName = false }: { maxBytes?: number; keepName?: boolean } = {}): CollectionBeforeOperationHook =>
  async ({ args, operation }) => {
    if (operation !== 'create' && operation !== 'update') return args
    const file = args.req?.file
    if (!file?.data) return args
    const checked = await checkAttachment({ data: file.data, name: file.name }, maxBytes)
    const ext = checked.name.split('.').pop()
    const base = file.name.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}_-]+/gu, '-').slice(0, 60) || 'file'
    args.req.file = { ...file, ...checked, name: keepName ? `${base}.${ext}` : checked.name }
    return args
  }

export const sanitiseUpload = makeSanitiseUpload()
