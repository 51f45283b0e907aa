import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream, type PDFObject, type PDFRef } from '@cantoo/pdf-lib'
import { APIError } from 'payload'

/**
 * PDFs are rewritten before they are stored: document information (作者 /Author, /Creator,
 * /Producer …) and XMP metadata removed — a Word-made PDF's author can unmask an anonymous
 * reporter — and open/page actions dropped. A PDF with active content (JavaScript, launch actions,
 * embedded files, rich media, XFA forms) is refused with a message saying what to do.
 */

const ACTIVE_MARKERS = ['/JavaScript', '/JS', '/Launch', '/EmbeddedFile', '/RichMedia', '/XFA', '/SubmitForm', '/ImportData']
const ACTIVE_KEYS = new Set(['JS', 'JavaScript', 'EmbeddedFiles', 'EmbeddedFile', 'RichMedia', 'XFA'])
const ACTIVE_ACTIONS = new Set(['JavaScript', 'Launch', 'SubmitForm', 'ImportData', 'RichMediaExecute', 'GoToE'])
/** Keys dropped wherever they appear: actions run on open/close/page view, metadata, private app data. */
const DROPPED_KEYS = ['OpenAction', 'AA', 'Metadata', 'PieceInfo', 'LastModified']

export class PdfRefused extends APIError {
  constructor(message: string) {
    super(message, 400, undefined, true)
  }
}

const shown = (name: string) => name.slice(0, 40) || 'PDF 文件'

function dictOf(obj: PDFObject): PDFDict | null {
  if (obj instanceof PDFDict) return obj
  if (obj instanceof PDFStream) return obj.dict
  return null
}

/** Refuses active content wherever it is, including inside compressed object streams (parsed by pdf-lib). */
function findActiveContent(objects: [PDFRef, PDFObject][]): string | null {
  for (const [, obj] of objects) {
    const dict = dictOf(obj)
    if (!dict) continue
    for (const key of dict.keys()) {
      const k = key.asString().slice(1)
      if (ACTIVE_KEYS.has(k)) return k
      if (k === 'S' || k === 'Type') {
        const v = dict.get(key)
        const name = v instanceof PDFName ? v.asString().slice(1) : ''
        if (ACTIVE_ACTIONS.has(name) || name === 'EmbeddedFile') return name
      }
    }
  }
  return null
}

export async function sanitisePdf(bytes: Buffer, fileName: string): Promise<Buffer> {
  const raw = bytes.toString('latin1')
  const marker = ACTIVE_MARKERS.find((m) => new RegExp(`${m.replace('/', '\\/')}(?![A-Za-z])`).test(raw))
  if (marker) {
    throw new PdfRefused(`PDF“${shown(fileName)}”含有脚本、启动程序或嵌入文件等活动内容（${marker.slice(1)}），不能上传。请用“打印为 PDF”重新生成后再上传。`)
  }
  let pdf: PDFDocument
  try {
    pdf = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false })
  } catch (e) {
    if (/encrypt/i.test(String((e as Error)?.message))) {
      throw new PdfRefused(`PDF“${shown(fileName)}”设置了密码或加密，不能上传。请去掉密码后重新导出再上传。`)
    }
    throw new PdfRefused(`PDF“${shown(fileName)}”无法读取，可能已损坏。请重新导出（另存为 PDF）后再上传。`)
  }
  const objects = pdf.context.enumerateIndirectObjects()
  const active = findActiveContent(objects)
  if (active) {
    throw new PdfRefused(`PDF“${shown(fileName)}”含有脚本、启动程序或嵌入文件等活动内容（${active}），不能上传。请用“打印为 PDF”重新生成后再上传。`)
  }
  for (const [ref, obj] of objects) {
    const dict = dictOf(obj)
    if (!dict) continue
    const type = dict.get(PDFName.of('Type'))
    if (obj instanceof PDFRawStream && type instanceof PDFName && type.asString() === '/Metadata') {
      pdf.context.delete(ref)
      continue
    }
    for (const key of DROPPED_KEYS) dict.delete(PDFName.of(key))
  }
  // Document information: replaced by an empty dictionary (no author, title, creator, dates).
  const infoRef = pdf.context.trailerInfo.Info
  if (infoRef) {
    const info = pdf.context.lookup(infoRef)
    if (info instanceof PDFDict) for (const key of info.keys()) info.delete(key)
  }
  pdf.catalog.delete(PDFName.of('OpenAction'))
  pdf.catalog.delete(PDFName.of('Metadata'))
  try {
    return Buffer.from(await pdf.save({ updateFieldAppearances: false }))
  } catch {
    throw new PdfRefused(`PDF“${shown(fileName)}”结构不完整，无法安全处理。请重新导出（另存为 PDF）后再上传。`)
  }
}
