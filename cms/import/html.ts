// "Excel" files that are really web pages: many government systems save an HTML table with an .xls
// extension (and Excel's own "网页" format is the same). Read with htmlparser2 (a kept, streaming,
// forgiving HTML parser: unclosed <td>/<tr>, upper-case tags and entities as browsers read them),
// each <table> a sheet, rowspan/colspan as merged ranges, <br> as a line break, scripts and styles
// ignored. The text encoding comes from a BOM, then the page's <meta charset>, then strict UTF-8,
// then GB18030 (which reads GBK and GB2312). Same caps as the other readers.
import { Parser } from 'htmlparser2'
import { IMPORT_LIMITS, fmtInt } from './limits'
import { type CellValue, type MergeRange, type SheetData, type SheetRow, ImportFileError } from './types'
import type { SheetReadOptions } from './xlsx'

export type HtmlEncoding = 'UTF-8' | 'UTF-8 (BOM)' | 'GB18030' | 'UTF-16LE' | 'UTF-16BE' | string

const MAX_TABLES = 50
const MAX_SPAN = 1000

const tooManyRows = () =>
  new ImportFileError('file.tooManyRows', `网页表格超过 ${fmtInt(IMPORT_LIMITS.maxRows)} 行，超出单次导入的上限，已停止读取。请按乡镇（街道）拆分成几个文件分别导入。`, 413)

/** The charset a page declares in its first 4 KB (<meta charset> or http-equiv Content-Type). */
export function declaredCharset(head: string): string | null {
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)/i.exec(head)
  return m ? m[1].toLowerCase() : null
}

export function decodeHtml(bytes: Uint8Array): { text: string; encoding: HtmlEncoding } {
  const b = bytes
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(b.subarray(3)), encoding: 'UTF-8 (BOM)' }
  if (b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'UTF-16LE' }
  if (b[0] === 0xfe && b[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'UTF-16BE' }
  const head = new TextDecoder('latin1').decode(b.subarray(0, 4096))
  let label = declaredCharset(head)
  if (label && /^(gb2312|gbk|gb_2312-80|x-gbk|cp936|windows-936|euc-cn|gb18030)$/.test(label)) label = 'gb18030'
  if (label && label !== 'utf-8' && label !== 'utf8') {
    try {
      return { text: new TextDecoder(label).decode(b), encoding: label === 'gb18030' ? 'GB18030' : label.toUpperCase() }
    } catch {
      /* unknown label: fall through to detection */
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'UTF-8' }
  } catch {
    return { text: new TextDecoder('gb18030').decode(b), encoding: 'GB18030' }
  }
}

export function looksLikeHtmlTable(head: string): boolean {
  return /<(html|table|!doctype html|meta|head|body)\b/i.test(head) && !/urn:schemas-microsoft-com:office:spreadsheet/i.test(head)
}

type Table = { rows: SheetRow[]; merges: MergeRange[]; droppedColumns: boolean; caption: string }

/** Every table of the page, parsed once. */
export function parseHtmlTables(text: string, opts: { onProgress?: SheetReadOptions['onProgress'] } = {}): Table[] {
  const tables: Table[] = []
  type Open = {
    table: Table
    rowNumber: number
    cells: CellValue[] | null
    any: boolean
    col: number
    /** Columns still covered by a rowspan from above: col → last row covered. */
    covered: Map<number, number>
    cell: { col: number; text: string; length: number } | null
    inCaption: boolean
  }
  const stack: Open[] = []
  let skip = 0
  const top = () => stack[stack.length - 1]
  const limit = IMPORT_LIMITS.maxCellChars

  const endCell = (o: Open) => {
    const c = o.cell
    if (!c || !o.cells) return
    o.cell = null
    const value = c.text.replace(/[ \t\r\n\f]+/g, ' ').replace(/ *\u2028 */g, '\n').trim()
    if (!value) return
    if (c.col >= IMPORT_LIMITS.maxColumns) {
      o.table.droppedColumns = true
      return
    }
    o.cells[c.col] = c.length > limit ? { kind: 'tooLong', length: c.length } : value.replace(/\u00a0/g, ' ').trim() || null
    if (o.cells[c.col] !== null) o.any = true
  }
  const endRow = (o: Open) => {
    endCell(o)
    if (!o.cells) return
    if (o.any) {
      const cells = o.cells
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null
      o.table.rows.push({ r: o.rowNumber, cells })
      if (o.table.rows.length > IMPORT_LIMITS.maxRows) throw tooManyRows()
    }
    o.cells = null
  }
  const startRow = (o: Open) => {
    endRow(o)
    o.rowNumber++
    o.cells = []
    o.any = false
    o.col = 0
  }
  const nextFree = (o: Open, from: number) => {
    let c = from
    while ((o.covered.get(c) ?? 0) >= o.rowNumber) c++
    return c
  }
  const addText = (t: string) => {
    const o = top()
    if (!o || skip) return
    if (o.inCaption) {
      if (o.table.caption.length < 200) o.table.caption += t
      return
    }
    const c = o.cell
    if (!c) return
    c.length += t.length
    if (c.text.length <= limit + 1) c.text += t.length > limit + 2 ? t.slice(0, limit + 2) : t
  }

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'script' || name === 'style' || name === 'template') {
          skip++
          return
        }
        if (skip) return
        if (name === 'table') {
          if (tables.length >= MAX_TABLES) throw new ImportFileError('file.tooManyTables', `网页中有超过 ${MAX_TABLES} 个表格，无法判断哪一个是名单。请在 Excel 中打开，只保留名单所在的表格后另存为 .xlsx 再导入。`)
          const table: Table = { rows: [], merges: [], droppedColumns: false, caption: '' }
          tables.push(table)
          stack.push({ table, rowNumber: 0, cells: null, any: false, col: 0, covered: new Map(), cell: null, inCaption: false })
          return
        }
        const o = top()
        if (!o) return
        if (name === 'caption') o.inCaption = true
        else if (name === 'tr') startRow(o)
        else if (name === 'td' || name === 'th') {
          if (!o.cells) startRow(o)
          endCell(o)
          const colspan = Math.min(MAX_SPAN, Math.max(1, Number.parseInt(attrs.colspan ?? '1', 10) || 1))
          const rowspan = Math.min(IMPORT_LIMITS.maxRows, Math.max(1, Number.parseInt(attrs.rowspan ?? '1', 10) || 1))
          const col = nextFree(o, o.col)
          o.cell = { col, text: '', length: 0 }
          if (colspan > 1 || rowspan > 1) {
            if (o.table.merges.length < 100_000) o.table.merges.push({ r1: o.rowNumber, c1: col, r2: o.rowNumber + rowspan - 1, c2: col + colspan - 1 })
            if (rowspan > 1) for (let k = 0; k < colspan && col + k < IMPORT_LIMITS.maxColumns; k++) o.covered.set(col + k, o.rowNumber + rowspan - 1)
          }
          o.col = col + colspan
        } else if (name === 'br') addText('\u2028')
      },
      onclosetag(name) {
        if (name === 'script' || name === 'style' || name === 'template') {
          if (skip) skip--
          return
        }
        if (skip) return
        const o = top()
        if (!o) return
        if (name === 'table') {
          endRow(o)
          stack.pop()
        } else if (name === 'caption') o.inCaption = false
        else if (name === 'tr') endRow(o)
        else if (name === 'td' || name === 'th') endCell(o)
        else if (name === 'p' || name === 'div') addText('\u2028')
      },
      ontext: addText,
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  )
  const step = 256 * 1024
  let lastReport = 0
  for (let i = 0; i < text.length; i += step) {
    parser.write(text.slice(i, i + step))
    if (opts.onProgress) {
      const now = performance.now()
      if (now - lastReport > 100) {
        lastReport = now
        const rows = tables.reduce((n, t) => n + t.rows.length, 0)
        const fraction = Math.min(1, (i + step) / text.length)
        opts.onProgress(rows, fraction > 0.02 ? Math.round(rows / fraction) : null, fraction)
      }
    }
  }
  parser.end()
  while (stack.length) endRow(stack.pop()!)
  return tables.filter((t) => t.rows.length > 0)
}

export type HtmlWorkbook = {
  encoding: HtmlEncoding
  sheets: { name: string; hidden: boolean }[]
  readSheet: (ref: { name: string }, opts?: SheetReadOptions) => Promise<SheetData>
}

export function openHtml(bytes: Uint8Array, baseName: string, opts: { onProgress?: SheetReadOptions['onProgress'] } = {}): HtmlWorkbook {
  const { text, encoding } = decodeHtml(bytes)
  const tables = parseHtmlTables(text, opts)
  const names = tables.length === 1 ? [baseName] : tables.map((t, i) => t.caption.trim().slice(0, 31) || `表格${i + 1}`)
  const unique = names.map((n, i) => (names.indexOf(n) === i ? n : `${n}（${i + 1}）`))
  return {
    encoding,
    sheets: unique.map((name) => ({ name, hidden: false })),
    readSheet: async (ref, o = {}) => {
      const t = tables[unique.indexOf(ref.name)]
      if (!t) return { name: ref.name, hidden: false, rows: [], merges: [], droppedColumns: false }
      const rows = o.maxRows ? t.rows.slice(0, o.maxRows) : t.rows
      return { name: ref.name, hidden: false, rows, merges: t.merges, droppedColumns: t.droppedColumns }
    },
  }
}
