// Excel 97-2003 (.xls, BIFF8) and WPS 表格 (.et, the same BIFF8 records) as values only.
//
// Chosen: the `cfb` package (SheetJS's compound-file reader, on its own, no SheetJS `xlsx`) to open the
// OLE2 container, plus this small reader of the dozen BIFF8 records a value reader needs. Not the
// `xlsx` package: its npm releases stopped at 0.18.5 (known prototype-pollution and ReDoS advisories,
// fixed only outside npm), and it does far more than an import needs (formula parsing, writing,
// dozens of formats). What this reader does, with security in mind:
//  - reads values only: strings (shared-string table across CONTINUE records), numbers (NUMBER, RK,
//    MULRK), booleans and error codes, and a formula's CACHED result — a formula is never evaluated,
//    only the first function's name is kept for the message (as for .xlsx);
//  - never touches macros: a VBA project is noticed (for a note) and never read; encrypted files
//    (FILEPASS) and older formats (Excel 5.0/95 and before) are refused with what to do;
//  - bounded: the container is at most the upload limit; rows, columns and cell length have the same
//    caps as .xlsx; every length read from the file is checked against the record it sits in.
import CFB from 'cfb'
import { IMPORT_LIMITS, fmtInt } from './limits'
import { quoteCell } from './quote'
import { type CellValue, type MergeRange, type SheetData, type SheetRow, ImportFileError } from './types'
import type { SheetReadOptions } from './xlsx'

export type BiffSheetRef = { name: string; hidden: boolean; offset: number; kind: 'worksheet' | 'other' }

export type BiffWorkbook = {
  sheets: BiffSheetRef[]
  /** A VBA project is present (never read or run). */
  hasMacros: boolean
  readSheet: (ref: BiffSheetRef, opts?: SheetReadOptions) => Promise<SheetData>
}

const SAVE_AS = '请用 Excel 或 WPS 打开后“另存为” Excel 工作簿（.xlsx）再导入。'

const corrupt = (detail: string) =>
  new ImportFileError('file.corruptXls', `文件已损坏，无法按 Excel 97-2003（.xls）或 WPS 表格（.et）读取（${detail}）。请用 Excel 或 WPS 打开该文件，确认能正常显示后另存，再导入；若打不开，请重新从系统导出。`)

const tooManyRows = () =>
  new ImportFileError(
    'file.tooManyRows',
    `工作表超过 ${fmtInt(IMPORT_LIMITS.maxRows)} 行，超出单次导入的上限，已停止读取。请按乡镇（街道）拆分成几个文件分别导入；若表中有大量空行或格式行，请删除后再导入。`,
    413,
  )

const R = {
  FORMULA: 0x0006,
  EOF: 0x000a,
  FILEPASS: 0x002f,
  CONTINUE: 0x003c,
  BOUNDSHEET: 0x0085,
  MULRK: 0x00bd,
  SST: 0x00fc,
  LABELSST: 0x00fd,
  RSTRING: 0x00d6,
  MERGEDCELLS: 0x00e5,
  DIMENSIONS: 0x0200,
  NUMBER: 0x0203,
  LABEL: 0x0204,
  BOOLERR: 0x0205,
  STRING: 0x0207,
  ROW: 0x0208,
  RK: 0x027e,
  BOF: 0x0809,
} as const

const ERROR_CODES: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A' }

/** Function numbers (Ftab) of the functions worth naming in a message; others stay unnamed. */
const FUNCTIONS: Record<number, string> = {
  0: 'COUNT', 1: 'IF', 4: 'SUM', 5: 'AVERAGE', 6: 'MIN', 7: 'MAX', 27: 'ROUND', 29: 'INDEX', 31: 'MID', 36: 'AND', 37: 'OR',
  48: 'TEXT', 56: 'PV', 64: 'MATCH', 65: 'DATE', 74: 'NOW', 101: 'HLOOKUP', 102: 'VLOOKUP', 111: 'CHAR', 115: 'LEFT', 116: 'RIGHT',
  169: 'COUNTA', 212: 'ROUNDUP', 213: 'ROUNDDOWN', 221: 'TODAY', 336: 'CONCATENATE', 344: 'SUBTOTAL', 345: 'SUMIF', 346: 'COUNTIF', 359: 'HYPERLINK',
}

type Rec = { type: number; start: number; length: number }

/** Reads bytes across a record and its CONTINUE records (for the shared-string table). */
class Segments {
  private seg = 0
  private pos: number
  constructor(
    private readonly b: Buffer,
    private readonly parts: Rec[],
  ) {
    this.pos = parts[0].start
  }
  private end() {
    return this.parts[this.seg].start + this.parts[this.seg].length
  }
  private ensure(n: number) {
    while (this.pos >= this.end()) {
      if (++this.seg >= this.parts.length) throw corrupt('共享字符串表不完整')
      this.pos = this.parts[this.seg].start
    }
    if (this.pos + n > this.end()) throw corrupt('共享字符串表的记录被截断')
  }
  atSegmentEnd() {
    return this.pos >= this.end()
  }
  u8() {
    this.ensure(1)
    return this.b[this.pos++]
  }
  u16() {
    this.ensure(2)
    const v = this.b.readUInt16LE(this.pos)
    this.pos += 2
    return v
  }
  u32() {
    this.ensure(4)
    const v = this.b.readUInt32LE(this.pos)
    this.pos += 4
    return v
  }
  skip(n: number) {
    while (n > 0) {
      this.ensure(1)
      const k = Math.min(n, this.end() - this.pos)
      this.pos += k
      n -= k
    }
  }
  /** `count` characters; a CONTINUE boundary inside them starts with a new high-byte flag. */
  chars(count: number, highByte: boolean, keep: number): string {
    let out = ''
    let high = highByte
    while (count > 0) {
      if (this.atSegmentEnd()) {
        this.ensure(1)
        high = (this.u8() & 1) === 1
      }
      const avail = this.end() - this.pos
      const n = Math.min(count, high ? Math.floor(avail / 2) : avail)
      if (n <= 0) throw corrupt('共享字符串表的记录被截断')
      if (out.length < keep) {
        const take = Math.min(n, keep - out.length)
        out += high ? this.b.toString('utf16le', this.pos, this.pos + take * 2) : this.b.toString('latin1', this.pos, this.pos + take)
      }
      this.pos += high ? n * 2 : n
      count -= n
    }
    return out
  }
}

function keepText(s: string, length: number): CellValue {
  return length > IMPORT_LIMITS.maxCellChars ? { kind: 'tooLong', length } : s
}

/** XLUnicodeString inside one record (LABEL, STRING): 16-bit count, flags, characters. */
function recordString(b: Buffer, at: number, end: number, countBytes: 1 | 2): { text: string; length: number } {
  if (at + countBytes + 1 > end) throw corrupt('文字记录被截断')
  const cch = countBytes === 2 ? b.readUInt16LE(at) : b[at]
  const flags = b[at + countBytes]
  let p = at + countBytes + 1
  const high = (flags & 1) === 1
  if (flags & 8) p += 2 // rich-text run count
  if (flags & 4) p += 4 // phonetic block size
  const bytes = high ? cch * 2 : cch
  if (p + bytes > end) throw corrupt('文字记录被截断')
  const keep = Math.min(cch, IMPORT_LIMITS.maxCellChars + 1)
  const text = high ? b.toString('utf16le', p, p + keep * 2) : b.toString('latin1', p, p + keep)
  return { text, length: cch }
}

function rkValue(rk: number): number {
  let v: number
  if (rk & 2) v = rk >> 2
  else {
    const buf = Buffer.alloc(8)
    buf.writeUInt32LE(0, 0)
    buf.writeUInt32LE((rk & 0xfffffffc) >>> 0, 4)
    v = buf.readDoubleLE(0)
  }
  return rk & 1 ? v / 100 : v
}

/** Operand sizes of the base tokens (0x01–0x1F) and of the classified ones (by ptg & 0x1F). */
const BASE_SIZE: Record<number, number> = { 0x01: 4, 0x02: 4, 0x1c: 1, 0x1d: 1, 0x1e: 2, 0x1f: 8 }
for (let t = 0x03; t <= 0x16; t++) BASE_SIZE[t] = 0
const CLASS_SIZE: Record<number, number> = { 0x00: 7, 0x03: 4, 0x04: 4, 0x05: 8, 0x06: 6, 0x07: 6, 0x08: 6, 0x09: 2, 0x0a: 4, 0x0b: 8, 0x0c: 4, 0x0d: 8, 0x19: 6, 0x1a: 6, 0x1b: 10, 0x1c: 6, 0x1d: 10 }

/** The first function named in a formula's parsed tokens (rgce), walking only token kinds it knows. */
function firstFunction(b: Buffer, at: number, end: number): string {
  let p = at
  while (p < end) {
    const ptg = b[p++]
    if (ptg >= 0x20 && ptg < 0x80) {
      const kind = ptg & 0x1f
      if (kind === 0x01) return p + 2 <= end ? (FUNCTIONS[b.readUInt16LE(p)] ?? '') : '' // PtgFunc
      if (kind === 0x02) return p + 3 <= end ? (FUNCTIONS[b.readUInt16LE(p + 1) & 0x7fff] ?? '') : '' // PtgFuncVar
      if (!(kind in CLASS_SIZE)) return ''
      p += CLASS_SIZE[kind]
    } else if (ptg === 0x17) {
      // PtgStr: ShortXLUnicodeString.
      if (p + 2 > end) return ''
      p += 2 + (b[p + 1] & 1 ? b[p] * 2 : b[p])
    } else if (ptg === 0x19) {
      // PtgAttr: 3 bytes, plus the jump table of tAttrChoose.
      if (p + 3 > end) return ''
      if (b[p] & 0x10) return 'SUM' // tAttrSum: SUM of one argument
      p += 3 + (b[p] & 0x04 ? (b.readUInt16LE(p + 1) + 1) * 2 : 0)
    } else if (ptg in BASE_SIZE) p += BASE_SIZE[ptg]
    else return ''
  }
  return ''
}

function listRecords(b: Buffer): Rec[] {
  const recs: Rec[] = []
  let p = 0
  while (p + 4 <= b.length) {
    const type = b.readUInt16LE(p)
    const length = b.readUInt16LE(p + 2)
    if (p + 4 + length > b.length) {
      // Writers pad the stream's last sector with zeros; a real record that runs past the end is damage.
      if (type !== 0) throw corrupt('记录超出了数据末尾，文件可能被截断')
      break
    }
    recs.push({ type, start: p + 4, length })
    p += 4 + length
  }
  return recs
}

export function openBiff(bytes: Uint8Array): BiffWorkbook {
  let container: CFB.CFB$Container
  try {
    container = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' })
  } catch (err) {
    throw corrupt(`复合文档结构无效：${String((err as Error).message ?? err).slice(0, 60)}`)
  }
  const streamOf = (name: string) => container.FileIndex.find((e) => e.type === 2 && e.name.toLowerCase() === name.toLowerCase())
  const hasMacros = container.FullPaths.some((p) => /_VBA_PROJECT/i.test(p))
  const wbEntry = streamOf('Workbook')
  if (!wbEntry) {
    if (streamOf('Book')) {
      throw new ImportFileError('file.xls95', `这是更早的 Excel 5.0/95 格式，无法直接读取。${SAVE_AS}`)
    }
    throw new ImportFileError('file.notXls', `这个文件是 Office 复合文档，但不是 Excel 表格（缺少工作簿数据）。${SAVE_AS}`)
  }
  const b = Buffer.from(wbEntry.content as Uint8Array)
  const recs = listRecords(b)
  if (!recs.length || recs[0].type !== R.BOF || recs[0].length < 4) throw corrupt('工作簿开头缺少 BOF 记录')
  const version = b.readUInt16LE(recs[0].start)
  if (version !== 0x0600) throw new ImportFileError('file.xls95', `这是更早的 Excel 版本（BIFF${version >> 8}）保存的文件，无法直接读取。${SAVE_AS}`)

  const byOffset = new Map<number, number>()
  recs.forEach((r, i) => byOffset.set(r.start - 4, i))
  const sheets: BiffSheetRef[] = []
  let sstAt = -1
  for (let i = 1; i < recs.length; i++) {
    const r = recs[i]
    if (r.type === R.EOF) break
    if (r.type === R.FILEPASS) {
      throw new ImportFileError('file.encrypted', '文件设置了打开密码（已加密），无法读取。请在 Excel 或 WPS 中取消密码后另存，再导入。')
    }
    if (r.type === R.BOUNDSHEET && r.length >= 8) {
      const offset = b.readUInt32LE(r.start)
      const state = b[r.start + 4] & 3
      const dt = b[r.start + 5]
      const name = recordString(b, r.start + 6, r.start + r.length, 1).text
      sheets.push({ name: name || `Sheet${sheets.length + 1}`, hidden: state !== 0, offset, kind: dt === 0 ? 'worksheet' : 'other' })
    }
    if (r.type === R.SST) sstAt = i
  }
  if (!sheets.length) throw new ImportFileError('file.noSheets', '工作簿中没有工作表。请确认文件内容后重新导出。')

  let shared: CellValue[] | null = null
  const sharedStrings = (): CellValue[] => {
    if (shared) return shared
    const out: CellValue[] = []
    if (sstAt >= 0) {
      const parts = [recs[sstAt]]
      for (let j = sstAt + 1; j < recs.length && recs[j].type === R.CONTINUE; j++) parts.push(recs[j])
      const s = new Segments(b, parts)
      s.u32()
      const unique = s.u32()
      // Each string takes at least 3 bytes: a count larger than the table can hold is damage.
      const bytes = parts.reduce((n, p) => n + p.length, 0)
      if (unique > bytes / 3 + 1) throw corrupt('共享字符串表的计数与内容不符')
      for (let k = 0; k < unique; k++) {
        const cch = s.u16()
        const flags = s.u8()
        const runs = flags & 8 ? s.u16() : 0
        const ext = flags & 4 ? s.u32() : 0
        const text = s.chars(cch, (flags & 1) === 1, IMPORT_LIMITS.maxCellChars + 1)
        s.skip(runs * 4)
        s.skip(ext)
        out.push(keepText(text, cch))
      }
    }
    shared = out
    return out
  }

  const readSheet = async (ref: BiffSheetRef, opts: SheetReadOptions = {}): Promise<SheetData> => {
    const empty: SheetData = { name: ref.name, hidden: ref.hidden, rows: [], merges: [], droppedColumns: false }
    if (ref.kind !== 'worksheet') return empty
    const first = byOffset.get(ref.offset)
    if (first === undefined || recs[first].type !== R.BOF) throw corrupt(`找不到工作表“${quoteCell(ref.name, { max: 31 })}”的数据`)
    const strings = sharedStrings()
    const byRow = new Map<number, CellValue[]>()
    const hiddenRows = new Set<number>()
    const merges: MergeRange[] = []
    let droppedColumns = false
    let rowsTotal: number | null = null
    let pendingFormula: { row: number; col: number; fn: string } | null = null
    const put = (row: number, col: number, value: CellValue) => {
      if (value === null || value === '') return
      if (col >= IMPORT_LIMITS.maxColumns) {
        droppedColumns = true
        return
      }
      let cells = byRow.get(row)
      if (!cells) {
        if (byRow.size >= IMPORT_LIMITS.maxRows) {
          if (opts.maxRows !== undefined) return
          throw tooManyRows()
        }
        cells = []
        byRow.set(row, cells)
      }
      cells[col] = value
    }
    let lastReport = 0
    for (let i = first + 1; i < recs.length; i++) {
      const r = recs[i]
      const s = r.start
      const end = s + r.length
      if (r.type === R.EOF) break
      if (r.type === R.BOF) throw corrupt(`工作表“${quoteCell(ref.name, { max: 31 })}”的数据没有正常结束`)
      if (opts.onProgress && (i & 0x3fff) === 0) {
        const now = performance.now()
        if (now - lastReport > 100) {
          lastReport = now
          opts.onProgress(byRow.size, rowsTotal, Math.min(1, (s - recs[first].start) / Math.max(1, b.length - recs[first].start)))
        }
      }
      const need = (n: number) => {
        if (r.length < n) throw corrupt('单元格记录被截断')
      }
      switch (r.type) {
        case R.DIMENSIONS:
          if (r.length >= 10) rowsTotal = b.readUInt32LE(s + 4) || null
          break
        case R.ROW:
          need(16)
          if (b.readUInt16LE(s + 12) & 0x20) hiddenRows.add(b.readUInt16LE(s) + 1)
          break
        case R.LABELSST: {
          need(10)
          const idx = b.readUInt32LE(s + 6)
          put(b.readUInt16LE(s) + 1, b.readUInt16LE(s + 2), idx < strings.length ? strings[idx] : { kind: 'error', code: '#共享字符串缺失' })
          break
        }
        case R.LABEL:
        case R.RSTRING: {
          need(9)
          const t = recordString(b, s + 6, end, 2)
          put(b.readUInt16LE(s) + 1, b.readUInt16LE(s + 2), keepText(t.text, t.length))
          break
        }
        case R.NUMBER:
          need(14)
          put(b.readUInt16LE(s) + 1, b.readUInt16LE(s + 2), b.readDoubleLE(s + 6))
          break
        case R.RK:
          need(10)
          put(b.readUInt16LE(s) + 1, b.readUInt16LE(s + 2), rkValue(b.readUInt32LE(s + 6)))
          break
        case R.MULRK: {
          need(6)
          const row = b.readUInt16LE(s) + 1
          const col0 = b.readUInt16LE(s + 2)
          const n = Math.floor((r.length - 6) / 6)
          for (let k = 0; k < n; k++) put(row, col0 + k, rkValue(b.readUInt32LE(s + 4 + k * 6 + 2)))
          break
        }
        case R.BOOLERR: {
          need(8)
          const v = b[s + 6]
          put(b.readUInt16LE(s) + 1, b.readUInt16LE(s + 2), b[s + 7] ? { kind: 'error', code: ERROR_CODES[v] ?? '#ERROR' } : v !== 0)
          break
        }
        case R.FORMULA: {
          need(20)
          const row = b.readUInt16LE(s) + 1
          const col = b.readUInt16LE(s + 2)
          const cce = r.length >= 22 ? b.readUInt16LE(s + 20) : 0
          const fn = firstFunction(b, s + 22, Math.min(end, s + 22 + cce))
          let cached: string | number | boolean | null
          if (b.readUInt16LE(s + 12) === 0xffff) {
            const kind = b[s + 6]
            if (kind === 0) {
              // The string result follows in a STRING record.
              pendingFormula = { row, col, fn }
              break
            }
            cached = kind === 1 ? b[s + 8] !== 0 : kind === 2 ? null : ''
          } else cached = b.readDoubleLE(s + 6)
          put(row, col, { kind: 'formula', fn, cached })
          break
        }
        case R.STRING: {
          if (!pendingFormula) break
          const t = recordString(b, s, end, 2)
          put(pendingFormula.row, pendingFormula.col, { kind: 'formula', fn: pendingFormula.fn, cached: t.length > IMPORT_LIMITS.maxCellChars ? null : t.text })
          pendingFormula = null
          break
        }
        case R.MERGEDCELLS: {
          need(2)
          const n = Math.min(b.readUInt16LE(s), Math.floor((r.length - 2) / 8))
          for (let k = 0; k < n && merges.length < 100_000; k++) {
            const p = s + 2 + k * 8
            merges.push({ r1: b.readUInt16LE(p) + 1, r2: b.readUInt16LE(p + 2) + 1, c1: b.readUInt16LE(p + 4), c2: b.readUInt16LE(p + 6) })
          }
          break
        }
      }
      if (r.type !== R.FORMULA && r.type !== R.STRING && r.type !== R.CONTINUE) pendingFormula = null
    }
    const numbers = [...byRow.keys()].sort((x, y) => x - y)
    const limit = opts.maxRows ?? Number.POSITIVE_INFINITY
    const rows: SheetRow[] = []
    for (const n of numbers) {
      if (rows.length >= limit) break
      const cells = byRow.get(n)!
      for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null
      rows.push(hiddenRows.has(n) ? { r: n, cells, hidden: true } : { r: n, cells })
    }
    opts.onProgress?.(rows.length, rows.length, 1)
    return { name: ref.name, hidden: ref.hidden, rows, merges, droppedColumns }
  }

  return { sheets, hasMacros, readSheet }
}
