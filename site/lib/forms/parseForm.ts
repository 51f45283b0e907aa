import { Readable } from 'node:stream'
import busboy from 'busboy'

/**
 * Reads a form body as it streams in (multipart or urlencoded), with limits per field, per file,
 * for the text and for the whole body, and stops reading at the first one passed:
 * - a file past its size: the fields before it (the form's text comes before its attachments) are
 *   kept, so the form comes back filled in with a message beside the attachments (413);
 * - more text than a form has, or the route's total, or the deadline: the page answers 413/408.
 * Nothing beyond a limit is read, so an endless upload costs what its first few megabytes cost.
 * The public server runs this on the socket itself and hands the result to the page.
 */
export type ParsedFile = { name: string; bytes: Buffer; tooLarge: boolean }
export type ParsedForm = { fields: Map<string, string>; files: ParsedFile[]; tooManyFiles: boolean }

export type ParseLimits = { maxFiles: number; maxFileBytes: number; maxFieldBytes?: number; maxFields?: number; maxTextBytes?: number }
/** How the body fared: filled in while reading (`exceeded` with a `tooLarge` file in the form: cut at that file). */
export type BodyState = { limit: number; exceeded: boolean; timedOut: boolean }

export const FORM_CONTENT_TYPE = /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i

/** Parses `source`; null when it is not a form or is malformed, cut short, too large or too slow (see `state`). Never throws. */
export function readForm(source: Readable, contentType: string, limits: ParseLimits, state: BodyState, deadlineMs = 10 * 60_000): Promise<ParsedForm | null> {
  return new Promise((resolve) => {
    // Not a form: nothing is read (the server closes the connection after answering).
    if (!FORM_CONTENT_TYPE.test(contentType)) return resolve(null)
    const fields = new Map<string, string>()
    const files: ParsedFile[] = []
    let tooManyFiles = false
    let done = false
    let received = 0
    let fileBytes = 0
    const maxText = limits.maxTextBytes ?? 1024 * 1024
    const finish = (result: ParsedForm | null) => {
      if (done) return
      done = true
      clearTimeout(timer)
      source.off('data', onData)
      resolve(result)
    }
    const stop = (why: 'exceeded' | 'timedOut', partial: ParsedForm | null = null) => {
      if (done) return
      state[why] = true
      // Stop reading: the rest of the body is never read; the server closes the connection after answering.
      source.pause()
      finish(partial)
      // Not from inside busboy's own write (it may be mid-chunk, calling us from a file stream).
      setImmediate(() => bb.destroy())
    }
    const timer = setTimeout(() => stop('timedOut'), deadlineMs)
    let bb: busboy.Busboy
    try {
      bb = busboy({
        headers: { 'content-type': contentType },
        defParamCharset: 'utf8',
        limits: {
          fileSize: limits.maxFileBytes + 1,
          files: limits.maxFiles,
          fields: limits.maxFields ?? 40,
          fieldSize: limits.maxFieldBytes ?? 64 * 1024,
          parts: (limits.maxFields ?? 40) + limits.maxFiles + 10,
        },
      })
    } catch {
      clearTimeout(timer)
      return resolve(null)
    }
    const pending: Promise<void>[] = []
    bb.on('field', (name, value) => {
      if (!fields.has(name)) fields.set(name, value)
    })
    bb.on('file', (name, stream, info) => {
      const chunks: Buffer[] = []
      let size = 0
      let tooLarge = false
      const drop = () => {
        tooLarge = true
        chunks.length = 0
      }
      const overflow = () => {
        drop()
        stop('exceeded', { fields, files: [...files.filter((f) => f.bytes.length > 0), { name: info.filename ?? '', bytes: Buffer.alloc(0), tooLarge: true }], tooManyFiles })
      }
      stream.on('data', (c: Buffer) => {
        if (done) return
        size += c.length
        fileBytes += c.length
        if (size > limits.maxFileBytes) return overflow()
        chunks.push(c)
      })
      stream.on('limit', overflow)
      // A body cut short fails the file part too; the parse as a whole reports it once.
      stream.on('error', () => {})
      pending.push(
        new Promise((res) =>
          stream.once('close', () => {
            // A file input left empty still sends a part, with no name and no bytes.
            if (name === 'attachments' && (size > 0 || info.filename)) files.push({ name: info.filename ?? '', bytes: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge })
            res()
          }),
        ),
      )
    })
    bb.on('filesLimit', () => (tooManyFiles = true))
    bb.on('error', () => finish(null))
    bb.on('close', () => void Promise.all(pending).then(() => finish({ fields, files: files.filter((f) => f.tooLarge || f.bytes.length > 0), tooManyFiles })))
    const onData = (chunk: Buffer) => {
      received += chunk.length
      if (received > state.limit) return stop('exceeded')
      const writable = bb.write(chunk)
      // Bytes that are not file content: field values, part headers, or junk around the parts.
      if (!done && received - fileBytes > maxText) return stop('exceeded')
      if (!writable && !done) {
        source.pause()
        bb.once('drain', () => !done && source.resume())
      }
    }
    source.on('data', onData)
    source.once('end', () => !done && bb.end())
    source.once('error', () => finish(null))
    source.once('aborted', () => finish(null))
  })
}

/** The same for a web Request (when the page is served without the public server in front). */
export function parseRequestForm(request: Request, limits: ParseLimits, state: BodyState): Promise<ParsedForm | null> {
  if (!request.body) return Promise.resolve(null)
  return readForm(Readable.fromWeb(request.body as import('node:stream/web').ReadableStream), request.headers.get('content-type') ?? '', limits, state)
}

/** A text field, trimmed and cut to `max` characters (what was typed is kept for the re-shown form). */
export const textField = (form: ParsedForm, key: string, max: number): string => (form.fields.get(key) ?? '').trim().slice(0, max)
