// Streaming XML for the .xlsx parts, on saxes (a conforming, non-validating SAX parser: both quote
// styles, comments, CDATA, character and predefined entities, namespaces prefixes; it never reads a
// DTD or expands a custom entity, so an "XML bomb" is a parse error). The part is inflated in chunks
// and fed to the parser; handlers see local names (prefix dropped) and decoded text. Time is linear
// in the part's size; memory is bounded by what the handlers keep plus the parser's pending text,
// which is capped: a text node or tag that runs on for more than MAX_PENDING_CHARS is refused.
import { SaxesParser } from 'saxes'
import { ImportFileError } from './types'
import { streamZipText, type ZipEntry, type ZipProgress } from './zip'

/** Characters the parser may hold without reaching the next tag (a text node or an unfinished tag). */
export const MAX_PENDING_CHARS = 32 * 1024 * 1024

export type XmlAttrs = Record<string, string>

export type XmlHandlers = {
  open?: (name: string, attrs: XmlAttrs, selfClosing: boolean) => void
  close?: (name: string) => void
  text?: (text: string) => void
  /** After each inflated chunk has been parsed. */
  chunk?: () => void
  /** Before parsing starts: the parser's position (characters read), for size guards. */
  ready?: (position: () => number) => void
}

/** Thrown by a handler to stop reading the rest of the part (not an error). */
export class StopReading extends Error {
  constructor() {
    super('stop')
  }
}

const localName = (name: string) => {
  const i = name.indexOf(':')
  return i < 0 ? name : name.slice(i + 1)
}

/** An attribute by local name (`r:id` → `id` when asked with `prefixed`). */
export function attrOf(attrs: XmlAttrs, name: string, opts: { prefixed?: boolean } = {}): string | undefined {
  if (!opts.prefixed && name in attrs) return attrs[name]
  for (const k of Object.keys(attrs)) {
    const i = k.indexOf(':')
    if (i >= 0 && k.slice(i + 1) === name && k.slice(0, i) !== 'xmlns') return attrs[k]
  }
  return undefined
}

const REASONS: [RegExp, string][] = [
  [/undefined entity|entity/i, '使用了未定义的实体（&…;）'],
  [/unexpected close tag|unmatched closing tag/i, '结束标记与开始标记不匹配'],
  [/unclosed tag/i, '有没有结束的标记'],
  [/text data outside of root node|more than one root|unexpected end/i, '文件在中途结束或结构不完整'],
  [/disallowed character|invalid character|must not contain/i, '含有 XML 不允许的字符'],
  [/attribute/i, '属性写法有误'],
]

function badXml(part: string, line: number, column: number, reason: string) {
  const why = REASONS.find(([re]) => re.test(reason))?.[1] ?? '格式有误'
  return new ImportFileError(
    'file.badXml',
    `文件内部的“${part}”不是有效的 XML（第 ${line} 行第 ${column} 个字符附近${why}），文件可能已损坏，或被其他程序改动过。请用 Excel 或 WPS 打开该文件，确认能正常显示后“另存为”新的 .xlsx 再导入；若打不开，请重新从系统导出。`,
  )
}

export const partTooBig = () =>
  new ImportFileError('file.partTooBig', '文件中有一行（或一个单元格）的内容大得不正常（超过 32 MB），文件可能已损坏或被篡改。请重新从系统导出，或用 Excel 打开后另存为新的 .xlsx 再导入。', 413)

export type XmlPartOptions = {
  /** What the part is, for messages ("工作表“名单”"). */
  what: string
  maxBytes: number
  tooBig: () => Error
  onProgress?: ZipProgress
}

/** Parses one ZIP entry as XML, calling the handlers; stops quietly when a handler throws StopReading. */
export async function streamXmlPart(buf: Uint8Array, entry: ZipEntry, opts: XmlPartOptions, h: XmlHandlers): Promise<{ position: () => number }> {
  const parser = new SaxesParser({ xmlns: false, position: true })
  let failure: Error | null = null
  let lastEvent = 0
  const api = { position: () => parser.position }
  parser.on('error', (err) => {
    if (!failure) failure = badXml(opts.what, parser.line, parser.column, err.message)
    throw failure
  })
  parser.on('opentag', (tag) => {
    lastEvent = parser.position
    h.open?.(localName(tag.name), tag.attributes as XmlAttrs, tag.isSelfClosing)
  })
  parser.on('closetag', (tag) => {
    lastEvent = parser.position
    h.close?.(localName(tag.name))
  })
  if (h.text) {
    const text = h.text
    parser.on('text', (t) => text(t))
    parser.on('cdata', (t) => text(t))
  }
  h.ready?.(api.position)
  let stopped = false
  try {
    await streamZipText(
      buf,
      entry,
      opts.maxBytes,
      opts.tooBig,
      (chunk) => {
        if (!chunk) return
        try {
          parser.write(chunk)
        } catch (err) {
          if (err instanceof StopReading) {
            stopped = true
            return false
          }
          throw failure ?? err
        }
        if (parser.position - lastEvent > MAX_PENDING_CHARS) throw partTooBig()
        h.chunk?.()
      },
      opts.onProgress,
    )
    if (!stopped) parser.close()
  } catch (err) {
    if (err instanceof StopReading) return api
    throw failure ?? err
  }
  return api
}

/** OOXML escapes characters XML cannot carry as _xHHHH_ (e.g. _x000D_ for a carriage return). */
export function decodeOoxmlEscapes(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s
}
