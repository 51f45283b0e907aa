// Streaming .xlsx reader: the workbook's sheet list, the shared strings and one sheet's rows, read
// with a SAX parser (xml.ts) while the part is inflated — no DOM, no regular expressions over the
// XML, so any legal XML (either quote style, comments, CDATA, entities, prefixes) reads the same and
// time stays linear. Rows are kept only when they have content; reading stops at the row limit.
// Formulas are recorded as formulas (only the function's name is kept; nothing is evaluated);
// cells longer than the limit are marked, not kept; a single row larger than MAX_ROW_CHARS or a row
// that never closes is refused with a message.
import { IMPORT_LIMITS, fmtInt } from './limits'
import { quoteCell } from './quote'
import { type CellValue, type MergeRange, type SheetData, type SheetRow, ImportFileError, columnIndex } from './types'
import { StopReading, attrOf, decodeOoxmlEscapes, streamXmlPart, type XmlAttrs } from './xml'
import { readZipDirectory, type ZipEntry } from './zip'

export type XlsxSheetRef = { name: string; hidden: boolean; path: string; kind: 'worksheet' | 'other' }

/** Reading progress: rows read so far and the sheet's row count when known (else an estimate). */
export type ReadProgress = (rowsRead: number, rowsTotal: number | null, fraction: number) => void

export type SheetReadOptions = { maxRows?: number; onProgress?: ReadProgress }

export type XlsxWorkbook = {
  sheets: XlsxSheetRef[]
  /** Reads one sheet; `maxRows` stops early (header scan), otherwise the import limit applies. */
  readSheet: (ref: XlsxSheetRef, opts?: SheetReadOptions) => Promise<SheetData>
}

/** No row of a real list comes near this (100 columns × 500 characters is 50,000). */
export const MAX_ROW_CHARS = 4 * 1024 * 1024

const tooManyRows = () =>
  new ImportFileError(
    'file.tooManyRows',
    `工作表超过 ${fmtInt(IMPORT_LIMITS.maxRows)} 行，超出单次导入的上限，已停止读取。请按乡镇（街道）拆分成几个文件分别导入；若表中有大量空行或格式行，请删除后再导入。`,
    413,
  )

const rowTooBig = (r: number) =>
  new ImportFileError(
    'file.rowTooBig',
    `工作表第 ${fmtInt(r)} 行的内容大得不正常（超过 ${MAX_ROW_CHARS / 1024 / 1024} MB，正常的一行不到 0.1 MB），文件可能已损坏或被篡改。请用 Excel 或 WPS 打开核对该行，另存为新的 .xlsx 后再导入；或重新从系统导出。`,
    413,
  )

const unclosedRow = (r: number) =>
  new ImportFileError(
    'file.unclosedRow',
    `工作表第 ${fmtInt(r)} 行没有结束标记（行中又开始了新的一行），文件已损坏。请用 Excel 或 WPS 打开该文件，确认能正常显示后“另存为”新的 .xlsx 再导入；若打不开，请重新从系统导出。`,
  )

/** Collects element text up to the cell limit, counting the full length without keeping it. */
class TextCapture {
  text = ''
  length = 0
  constructor(private readonly limit: number) {}
  add(t: string) {
    this.length += t.length
    if (this.text.length <= this.limit) this.text += t.length > this.limit + 1 ? t.slice(0, this.limit + 1) : t
  }
  reset() {
    this.text = ''
    this.length = 0
  }
}

function keepText(s: string, length = s.length): CellValue {
  return length > IMPORT_LIMITS.maxCellChars ? { kind: 'tooLong', length } : s
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

/** "B12" → { col: 1, row: 12 }; letters only → row NaN. */
function parseRef(ref: string | undefined): { col: number; row: number } | null {
  if (!ref) return null
  const m = /^\$?([A-Za-z]{1,3})\$?(\d*)$/.exec(ref.trim())
  if (!m) return null
  return { col: columnIndex(m[1].toUpperCase()), row: m[2] ? Number(m[2]) : Number.NaN }
}

const smallPart = (name: string) => ({
  what: name,
  maxBytes: 16 * 1024 * 1024,
  tooBig: () => new ImportFileError('file.partTooBig', `文件中的“${name}”大得不正常（超过 16 MB），文件可能已损坏或被篡改。请用 Excel 打开后另存为新的 .xlsx 再导入。`, 413),
})

export async function openXlsx(buf: Uint8Array): Promise<XlsxWorkbook> {
  const entries = readZipDirectory(buf)
  const lower = new Map([...entries.values()].map((e) => [e.name.toLowerCase().replace(/\\/g, '/'), e]))
  const get = (path: string): ZipEntry | undefined => entries.get(path) ?? lower.get(path.toLowerCase())
  const wbEntry = get('xl/workbook.xml')
  if (!wbEntry) {
    throw new ImportFileError('file.notXlsx', '这个压缩文件不是 Excel 工作簿（缺少 xl/workbook.xml）。请确认上传的是 .xlsx 表格文件。')
  }
  const rels = new Map<string, { type: string; target: string }>()
  const relsEntry = get('xl/_rels/workbook.xml.rels')
  if (relsEntry) {
    await streamXmlPart(buf, relsEntry, smallPart('工作簿关系表'), {
      open: (name, a) => {
        if (name !== 'Relationship' || a.TargetMode === 'External') return
        if (a.Id && a.Target) rels.set(a.Id, { type: a.Type ?? '', target: resolvePart('xl/workbook.xml', a.Target) })
      },
    })
  }
  const sheets: XlsxSheetRef[] = []
  await streamXmlPart(buf, wbEntry, smallPart('工作簿目录'), {
    open: (name, a) => {
      if (name !== 'sheet') return
      const i = sheets.length + 1
      const rid = attrOf(a, 'id', { prefixed: true })
      const rel = rid ? rels.get(rid) : undefined
      const state = a.state
      sheets.push({
        name: a.name ?? `Sheet${i}`,
        hidden: state === 'hidden' || state === 'veryHidden',
        path: rel?.target ?? `xl/worksheets/sheet${i}.xml`,
        kind: rel && !/\/worksheet$/.test(rel.type) ? 'other' : 'worksheet',
      })
    },
  })
  if (!sheets.length) throw new ImportFileError('file.noSheets', '工作簿中没有工作表。请确认文件内容后重新导出。')

  let shared: CellValue[] | null = null
  const sharedStrings = async (): Promise<CellValue[]> => {
    if (shared) return shared
    const ssTarget = [...rels.values()].find((r) => /\/sharedStrings$/.test(r.type))?.target ?? 'xl/sharedStrings.xml'
    const entry = get(ssTarget)
    const out: CellValue[] = []
    if (entry) {
      const text = new TextCapture(IMPORT_LIMITS.maxCellChars)
      let inSi = false
      let inT = 0
      let phonetic = 0
      await streamXmlPart(
        buf,
        entry,
        {
          what: '共享字符串表',
          maxBytes: IMPORT_LIMITS.maxSharedStringsBytes,
          tooBig: () => new ImportFileError('file.tooBig', '文件中的文字内容过多（共享字符串超出上限），超出单次导入的能力。请按乡镇（街道）拆分后分别导入。', 413),
        },
        {
          open: (name, _a, selfClosing) => {
            if (name === 'si') {
              inSi = true
              text.reset()
              if (selfClosing) {
                out.push('')
                inSi = false
              }
            } else if (name === 'rPh') phonetic++
            else if (name === 't' && inSi && !phonetic && !selfClosing) inT++
          },
          close: (name) => {
            if (name === 't' && inT) inT--
            else if (name === 'rPh') phonetic--
            else if (name === 'si' && inSi) {
              out.push(keepText(decodeOoxmlEscapes(text.text), text.length))
              inSi = false
            }
          },
          text: (t) => {
            if (inT && !phonetic) text.add(t)
          },
        },
      )
    }
    shared = out
    return out
  }

  const readSheet = async (ref: XlsxSheetRef, opts: SheetReadOptions = {}): Promise<SheetData> => {
    const entry = get(ref.path)
    if (!entry || ref.kind !== 'worksheet') return { name: ref.name, hidden: ref.hidden, rows: [], merges: [], droppedColumns: false }
    const strings = await sharedStrings()
    const rows: SheetRow[] = []
    const merges: MergeRange[] = []
    let droppedColumns = false
    let lastRow = 0
    let rowsTotal: number | null = null
    const stopAt = opts.maxRows

    // Parser state for the current row and cell.
    let inRow = false
    let rowNumber = 0
    let rowHidden = false
    let rowStart = 0
    let cells: CellValue[] = []
    let any = false
    let col = -1
    let inCell = false
    let cellType = 'n'
    let capture: 'v' | 'f' | 't' | null = null
    let inInline = 0
    let phonetic = 0
    let hasV = false
    let hasF = false
    const v = new TextCapture(IMPORT_LIMITS.maxCellChars)
    const f = new TextCapture(200)
    const inline = new TextCapture(IMPORT_LIMITS.maxCellChars)
    let lastReport = 0
    let fraction = 0
    let pos: () => number = () => 0

    const report = () => {
      if (!opts.onProgress) return
      const now = performance.now()
      if (now - lastReport < 100) return
      lastReport = now
      opts.onProgress(rows.length, rowsTotal ?? (fraction > 0.02 ? Math.round(rows.length / fraction) : null), fraction)
    }

    const endCell = () => {
      let value: CellValue = null
      const raw = hasV ? v.text : null
      switch (cellType) {
        case 's': {
          const idx = raw === null ? -1 : Number(raw.trim())
          value = Number.isInteger(idx) && idx >= 0 && idx < strings.length ? strings[idx] : { kind: 'error', code: '#共享字符串缺失' }
          break
        }
        case 'inlineStr':
          value = keepText(decodeOoxmlEscapes(inline.text), inline.length)
          break
        case 'str':
          value = raw === null ? null : keepText(decodeOoxmlEscapes(raw), v.length)
          break
        case 'b':
          value = raw === null ? null : raw.trim() === '1' || raw.trim() === 'true'
          break
        case 'e':
          value = { kind: 'error', code: raw === null ? '#ERROR' : raw.trim().slice(0, 20) }
          break
        case 'd':
          value = raw === null ? null : keepText(raw.trim(), v.length)
          break
        default: {
          if (raw !== null && raw.trim() !== '') {
            const n = Number(raw)
            value = Number.isFinite(n) ? n : keepText(decodeOoxmlEscapes(raw), v.length)
          }
        }
      }
      if (hasF) {
        // Only the function's name is kept, for the message; the formula itself is dropped.
        const fn = /^\s*(?:_xlfn\.)?([A-Za-z][A-Za-z0-9.]*)\s*\(/.exec(f.text)?.[1]?.toUpperCase() ?? ''
        const cached = value === null || typeof value !== 'object' ? value : null
        value = { kind: 'formula', fn, cached }
      }
      if (value === null || value === '') return
      if (col >= IMPORT_LIMITS.maxColumns) {
        droppedColumns = true
        return
      }
      cells[col] = value
      any = true
    }

    const endRow = () => {
      inRow = false
      if (!any) return
      for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null
      rows.push(rowHidden ? { r: rowNumber, cells, hidden: true } : { r: rowNumber, cells })
      if (rows.length > IMPORT_LIMITS.maxRows) throw tooManyRows()
      if (stopAt !== undefined && rows.length >= stopAt) throw new StopReading()
      if (rows.length % 1000 === 0) report()
    }

    let inSheetData = false
    await streamXmlPart(
      buf,
      entry,
      {
        what: `工作表“${quoteCell(ref.name, { max: 31 })}”`,
        maxBytes: IMPORT_LIMITS.maxXmlBytes,
        tooBig: tooManyRows,
        onProgress: (read, total) => {
          fraction = total > 0 ? Math.min(1, read / total) : 0
        },
      },
      {
        open: (name, a: XmlAttrs, selfClosing) => {
          if (inCell) {
            if (name === 'v') {
              capture = 'v'
              hasV = true
              v.reset()
            } else if (name === 'f') {
              hasF = true
              if (!selfClosing) {
                capture = 'f'
                f.reset()
              }
            } else if (name === 'is') inInline++
            else if (name === 'rPh') phonetic++
            else if (name === 't' && inInline && !phonetic) capture = 't'
            if (selfClosing && (name === 'v' || name === 't')) capture = null
            return
          }
          if (name === 'c' && inRow) {
            const p = parseRef(a.r)
            col = p && p.col >= 0 ? p.col : col + 1
            cellType = a.t ?? 'n'
            hasV = false
            hasF = false
            inline.reset()
            inInline = 0
            phonetic = 0
            capture = null
            if (selfClosing) return
            inCell = true
            if (pos() - rowStart > MAX_ROW_CHARS) throw rowTooBig(rowNumber)
            return
          }
          if (name === 'row' && inSheetData) {
            if (inRow) throw unclosedRow(rowNumber)
            const r = Number(a.r)
            rowNumber = Number.isInteger(r) && r > 0 ? r : lastRow + 1
            lastRow = rowNumber
            rowHidden = a.hidden === '1' || a.hidden === 'true'
            cells = []
            any = false
            col = -1
            rowStart = pos()
            inRow = !selfClosing
            return
          }
          if (name === 'sheetData') inSheetData = !selfClosing
          else if (name === 'dimension') {
            const last = parseRef(a.ref?.split(':')[1] ?? a.ref)
            if (last && Number.isFinite(last.row) && last.row > 1) rowsTotal = last.row
          } else if (name === 'mergeCell') {
            const [from, to] = (a.ref ?? '').split(':')
            const p1 = parseRef(from)
            const p2 = parseRef(to ?? from)
            if (p1 && p2 && Number.isFinite(p1.row) && Number.isFinite(p2.row) && merges.length < 100_000) {
              merges.push({ c1: Math.min(p1.col, p2.col), r1: Math.min(p1.row, p2.row), c2: Math.max(p1.col, p2.col), r2: Math.max(p1.row, p2.row) })
            }
          }
        },
        close: (name) => {
          if (inCell) {
            if (name === 'c') {
              inCell = false
              endCell()
            } else if (name === 'v' || name === 'f' || name === 't') capture = null
            else if (name === 'is') inInline--
            else if (name === 'rPh') phonetic--
            return
          }
          if (name === 'row' && inRow) endRow()
          else if (name === 'sheetData') inSheetData = false
        },
        text: (t) => {
          if (capture === 'v') v.add(t)
          else if (capture === 't') inline.add(t)
          else if (capture === 'f') f.add(t)
        },
        chunk: () => {
          if (inRow && pos() - rowStart > MAX_ROW_CHARS) throw rowTooBig(rowNumber)
          report()
        },
        ready: (position) => {
          pos = position
        },
      },
    )
    if (inRow && (stopAt === undefined || rows.length < stopAt)) throw unclosedRow(rowNumber)
    opts.onProgress?.(rows.length, rows.length, 1)
    return { name: ref.name, hidden: ref.hidden, rows, merges, droppedColumns }
  }

  return { sheets, readSheet }
}
