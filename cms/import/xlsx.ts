// Streaming .xlsx reader. Reads the workbook's sheet list, the shared strings and one sheet's rows
// without building a DOM: the sheet XML is inflated and scanned row by row, rows are kept only when
// they have content, and reading stops at the row limit. Formulas are recorded as formulas (their
// text is never evaluated or kept), merged ranges are read from the end of the sheet.
import { IMPORT_LIMITS, fmtInt } from './limits'
import { type CellValue, type MergeRange, type SheetData, type SheetRow, ImportFileError, columnIndex } from './types'
import { readZipDirectory, readZipText, streamZipText, type ZipEntry } from './zip'

export type XlsxSheetRef = { name: string; hidden: boolean; path: string; kind: 'worksheet' | 'other' }

export type XlsxWorkbook = {
  sheets: XlsxSheetRef[]
  /** Reads one sheet; `maxRows` stops early (header scan), otherwise the import limit applies. */
  readSheet: (ref: XlsxSheetRef, opts?: { maxRows?: number }) => Promise<SheetData>
}

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

export function decodeXmlText(s: string): string {
  let out = s
  if (out.includes('&')) {
    out = out.replace(ENTITY, (_, dec: string, hex: string, name: string) => {
      if (name) return NAMED[name]
      const code = dec ? Number(dec) : parseInt(hex, 16)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ''
    })
  }
  // OOXML escapes characters XML cannot carry as _xHHHH_ (e.g. _x000D_ for a carriage return).
  if (out.includes('_x')) out = out.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
  return out
}

const attr = (attrs: string, name: string): string | undefined => {
  const m = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}="([^"]*)"`).exec(attrs)
  return m ? decodeXmlText(m[1]) : undefined
}

const T_RE = /<(?:[\w.-]+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g
const RPH_RE = /<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g

/** Text of a <si> or <is>: all <t> runs, without phonetic (<rPh>) runs. */
function richText(inner: string): string {
  const s = inner.includes('rPh') ? inner.replace(RPH_RE, '') : inner
  let out = ''
  T_RE.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = T_RE.exec(s))) if (m[1]) out += m[1]
  return decodeXmlText(out)
}

function keepText(s: string): CellValue {
  return s.length > IMPORT_LIMITS.maxCellChars ? { kind: 'tooLong', length: s.length } : s
}

function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1)
  const parts = base.split('/').slice(0, -1)
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop()
    else if (seg && seg !== '.') parts.push(seg)
  }
  return parts.join('/')
}

/** No single row (or shared string) of a real list comes near this; more means a broken or hostile file. */
const MAX_PENDING_CHARS = 32 * 1024 * 1024
const partTooBig = () =>
  new ImportFileError('file.partTooBig', '文件中有一行（或一个单元格）的内容大得不正常（超过 32 MB），文件可能已损坏或被篡改。请重新从系统导出，或用 Excel 打开后另存为新的 .xlsx 再导入。', 413)

const tooManyRows = () =>
  new ImportFileError(
    'file.tooManyRows',
    `工作表超过 ${fmtInt(IMPORT_LIMITS.maxRows)} 行，超出单次导入的上限，已停止读取。请按乡镇（街道）拆分成几个文件分别导入；若表中有大量空行或格式行，请删除后再导入。`,
    413,
  )

export async function openXlsx(buf: Uint8Array): Promise<XlsxWorkbook> {
  const entries = readZipDirectory(buf)
  const get = (path: string): ZipEntry | undefined => entries.get(path) ?? [...entries.values()].find((e) => e.name.toLowerCase() === path.toLowerCase())
  const wbEntry = get('xl/workbook.xml')
  if (!wbEntry) {
    throw new ImportFileError('file.notXlsx', '这个压缩文件不是 Excel 工作簿（缺少 xl/workbook.xml）。请确认上传的是 .xlsx 表格文件。')
  }
  const workbookXml = await readZipText(buf, wbEntry)
  const relsEntry = get('xl/_rels/workbook.xml.rels')
  const rels = new Map<string, { type: string; target: string }>()
  if (relsEntry) {
    const relsXml = await readZipText(buf, relsEntry)
    for (const m of relsXml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*?)\/?>/g)) {
      const id = attr(m[1], 'Id')
      const target = attr(m[1], 'Target')
      if (id && target) rels.set(id, { type: attr(m[1], 'Type') ?? '', target: resolvePart('xl/workbook.xml', target) })
    }
  }
  const sheets: XlsxSheetRef[] = []
  let i = 0
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*?)\/?>/g)) {
    i++
    const name = attr(m[1], 'name') ?? `Sheet${i}`
    const rid = /(?:^|\s)[\w.-]+:id="([^"]*)"/.exec(m[1])?.[1]
    const rel = rid ? rels.get(rid) : undefined
    const path = rel?.target ?? `xl/worksheets/sheet${i}.xml`
    const state = attr(m[1], 'state')
    const kind = rel && !/\/worksheet$/.test(rel.type) ? 'other' : 'worksheet'
    sheets.push({ name, hidden: state === 'hidden' || state === 'veryHidden', path, kind })
  }
  if (!sheets.length) throw new ImportFileError('file.noSheets', '工作簿中没有工作表。请确认文件内容后重新导出。')

  let shared: CellValue[] | null = null
  const sharedStrings = async (): Promise<CellValue[]> => {
    if (shared) return shared
    const ssTarget = [...rels.values()].find((r) => /\/sharedStrings$/.test(r.type))?.target ?? 'xl/sharedStrings.xml'
    const entry = get(ssTarget)
    const out: CellValue[] = []
    if (entry) {
      let pending = ''
      const SI = /<(?:[\w.-]+:)?si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g
      await streamZipText(
        buf,
        entry,
        IMPORT_LIMITS.maxSharedStringsBytes,
        () => new ImportFileError('file.tooBig', '文件中的文字内容过多（共享字符串超出上限），超出单次导入的能力。请按乡镇（街道）拆分后分别导入。', 413),
        (text) => {
          pending += text
          SI.lastIndex = 0
          let last = 0
          let m: RegExpExecArray | null
          while ((m = SI.exec(pending))) {
            out.push(keepText(m[1] ? richText(m[1]) : ''))
            last = SI.lastIndex
          }
          if (last) pending = pending.slice(last)
          if (pending.length > MAX_PENDING_CHARS) throw partTooBig()
        },
      )
    }
    shared = out
    return out
  }

  const readSheet = async (ref: XlsxSheetRef, opts: { maxRows?: number } = {}): Promise<SheetData> => {
    const entry = get(ref.path)
    if (!entry || ref.kind !== 'worksheet') return { name: ref.name, hidden: ref.hidden, rows: [], merges: [], droppedColumns: false }
    const strings = await sharedStrings()
    const rows: SheetRow[] = []
    const merges: MergeRange[] = []
    let droppedColumns = false
    let pending = ''
    let inTail = false
    let tail = ''
    let lastRow = 0
    const stopAt = opts.maxRows
    const ROW = /<(?:[\w.-]+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?row>)/g
    const CELL = /<(?:[\w.-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g
    const SHEETDATA_END = /<\/(?:[\w.-]+:)?sheetData>/

    const parseRow = (attrs: string, inner: string | undefined) => {
      const rAttr = attr(attrs, 'r')
      const r = rAttr ? Number(rAttr) : lastRow + 1
      lastRow = r
      if (!inner) return
      const cells: CellValue[] = []
      let col = -1
      let any = false
      CELL.lastIndex = 0
      let m: RegExpExecArray | null
      while ((m = CELL.exec(inner))) {
        const a = m[1]
        const ref = /(?:^|\s)r="([A-Z]+)\d*"/.exec(a)
        col = ref ? columnIndex(ref[1]) : col + 1
        const body = m[2]
        if (!body) continue
        if (col >= IMPORT_LIMITS.maxColumns) {
          droppedColumns = true
          continue
        }
        const t = /(?:^|\s)t="(\w+)"/.exec(a)?.[1] ?? 'n'
        const vm = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v>/.exec(body)
        const raw = vm ? vm[1] : null
        let value: CellValue = null
        switch (t) {
          case 's': {
            const idx = raw === null ? -1 : Number(raw)
            value = idx >= 0 && idx < strings.length ? strings[idx] : { kind: 'error', code: '#共享字符串缺失' }
            break
          }
          case 'inlineStr': {
            const is = /<(?:[\w.-]+:)?is(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?is>/.exec(body)
            value = keepText(is ? richText(is[1]) : '')
            break
          }
          case 'str':
            value = raw === null ? null : keepText(decodeXmlText(raw))
            break
          case 'b':
            value = raw === null ? null : raw.trim() === '1'
            break
          case 'e':
            value = { kind: 'error', code: raw === null ? '#ERROR' : decodeXmlText(raw) }
            break
          case 'd':
            value = raw === null ? null : decodeXmlText(raw)
            break
          default: {
            if (raw !== null && raw.trim() !== '') {
              const n = Number(raw)
              value = Number.isFinite(n) ? n : keepText(decodeXmlText(raw))
            }
          }
        }
        const f = /<(?:[\w.-]+:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?f>)/.exec(body)
        if (f) {
          // Only the function's name is kept, for the message; the formula itself is dropped.
          const text = f[2] ? decodeXmlText(f[2]) : ''
          const fn = /^\s*(?:_xlfn\.)?([A-Za-z][A-Za-z0-9.]*)\s*\(/.exec(text)?.[1]?.toUpperCase() ?? ''
          const cached = value === null || typeof value !== 'object' ? value : null
          value = { kind: 'formula', fn, cached }
        }
        if (value === null || value === '') continue
        cells[col] = value
        any = true
      }
      if (!any) return
      for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null
      const hidden = /(?:^|\s)hidden="(1|true)"/.test(attrs)
      rows.push(hidden ? { r, cells, hidden: true } : { r, cells })
      if (rows.length > IMPORT_LIMITS.maxRows) throw tooManyRows()
    }

    await streamZipText(
      buf,
      entry,
      IMPORT_LIMITS.maxXmlBytes,
      tooManyRows,
      (text) => {
        if (inTail) {
          if (tail.length < 32 * 1024 * 1024) tail += text
          return
        }
        pending += text
        ROW.lastIndex = 0
        let last = 0
        let m: RegExpExecArray | null
        while ((m = ROW.exec(pending))) {
          parseRow(m[1], m[2])
          last = ROW.lastIndex
          if (stopAt !== undefined && rows.length >= stopAt) return false
        }
        if (last) pending = pending.slice(last)
        if (pending.length > MAX_PENDING_CHARS) throw partTooBig()
        const end = SHEETDATA_END.exec(pending)
        if (end) {
          inTail = true
          tail = pending.slice(end.index)
          pending = ''
        }
      },
    )
    for (const m of tail.matchAll(/<(?:[\w.-]+:)?mergeCell\b[^>]*?\sref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
      merges.push({ c1: columnIndex(m[1]), r1: Number(m[2]), c2: columnIndex(m[3]), r2: Number(m[4]) })
    }
    return { name: ref.name, hidden: ref.hidden, rows, merges, droppedColumns }
  }

  return { sheets, readSheet }
}
