// Text tables (CSV / tab-separated): encoding detection and a quoted-field parser.
// Chinese office tools save CSV as GBK/GB18030 unless told otherwise; Excel's "Unicode text" is
// UTF-16 with tabs. Detection: a BOM decides; otherwise strict UTF-8, and if that fails, GB18030
// (a superset of GBK and GB2312).
import { IMPORT_LIMITS, fmtInt } from './limits'
import { type CellValue, type SheetData, type SheetRow, ImportFileError } from './types'

export type TextEncodingName = 'UTF-8' | 'UTF-8 (BOM)' | 'GB18030' | 'UTF-16LE' | 'UTF-16BE'

export function decodeTextFile(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const b = bytes
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    return { text: strictUtf8(b.subarray(3)) ?? new TextDecoder('utf-8').decode(b.subarray(3)), encoding: 'UTF-8 (BOM)' }
  }
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'UTF-16LE' }
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'UTF-16BE' }
  const nulPattern = utf16WithoutBom(b)
  if (nulPattern) return { text: new TextDecoder(nulPattern === 'le' ? 'utf-16le' : 'utf-16be').decode(b), encoding: nulPattern === 'le' ? 'UTF-16LE' : 'UTF-16BE' }
  const utf8 = strictUtf8(b)
  if (utf8 !== null) return { text: utf8, encoding: 'UTF-8' }
  return { text: new TextDecoder('gb18030').decode(b), encoding: 'GB18030' }
}

function strictUtf8(b: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b)
  } catch {
    return null
  }
}

/** UTF-16 text without a BOM: ASCII characters leave a NUL in every other byte. */
function utf16WithoutBom(b: Uint8Array): 'le' | 'be' | null {
  const n = Math.min(b.length - (b.length % 2), 4096)
  if (n < 8) return null
  let evenNul = 0
  let oddNul = 0
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++
    if (b[i + 1] === 0) oddNul++
  }
  const pairs = n / 2
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'le'
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'be'
  return null
}

/** Shares of characters no spreadsheet text contains: control characters, and U+FFFD (undecodable). */
export function garbageRatio(text: string): { control: number; replacement: number } {
  const n = Math.min(text.length, 20_000)
  if (!n) return { control: 0, replacement: 0 }
  let control = 0
  let replacement = 0
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) control++
    else if (c === 0xfffd) replacement++
  }
  return { control: control / n, replacement: replacement / n }
}

/** The delimiter used by the first lines: comma, tab, semicolon or the full-width comma. */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024).split(/\r\n|\n|\r/).slice(0, 30)
  let best = ','
  let bestScore = -1
  for (const d of [',', '\t', ';', '，', '|']) {
    const counts = sample.map((line) => countOutsideQuotes(line, d)).filter((c) => c > 0)
    if (!counts.length) continue
    // Many lines with the same non-zero count: the delimiter of a table.
    const freq = new Map<number, number>()
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1)
    const [mode, times] = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]
    const score = times * 10 + Math.min(mode, 50)
    if (score > bestScore) {
      best = d
      bestScore = score
    }
  }
  return best
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0
  let q = false
  for (const ch of line) {
    if (ch === '"') q = !q
    else if (!q && ch === d) n++
  }
  return n
}

/**
 * RFC 4180 CSV: quoted fields may hold delimiters, quotes ("") and line breaks; CRLF, LF or CR end
 * a record. Returns rows with content, numbered by record (the row number Excel shows after
 * opening the CSV: a quoted line break stays inside its row). Stops with a clear message past the row limit.
 */
export function parseDelimited(text: string, delimiter: string, name = 'CSV'): SheetData {
  const rows: SheetRow[] = []
  const len = text.length
  const D = delimiter.charCodeAt(0)
  let i = 0
  let record = 1
  let droppedColumns = false
  while (i < len) {
    const startRecord = record
    const cells: CellValue[] = []
    let any = false
    // One record.
    for (;;) {
      let value: string
      if (text.charCodeAt(i) === 34 /* " */) {
        let j = i + 1
        let out = ''
        let from = j
        for (;;) {
          const q = text.indexOf('"', j)
          if (q < 0) {
            throw new ImportFileError(
              'file.unclosedQuote',
              `CSV 文件第 ${fmtInt(startRecord)} 行起有一个引号（"）没有闭合，之后的内容无法分列。文件可能被截断或手工编辑过：请用 Excel 打开核对该行后另存为 CSV，或改传 .xlsx。`,
            )
          }
          if (text.charCodeAt(q + 1) === 34) {
            out += text.slice(from, q + 1)
            j = q + 2
            from = j
            continue
          }
          out += text.slice(from, q)
          i = q + 1
          break
        }
        // Anything between the closing quote and the delimiter is kept (lenient, like Excel).
        let k = i
        while (k < len && text.charCodeAt(k) !== D && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) k++
        value = out + text.slice(i, k)
        i = k
      } else {
        let k = i
        while (k < len) {
          const c = text.charCodeAt(k)
          if (c === D || c === 10 || c === 13) break
          k++
        }
        value = text.slice(i, k)
        i = k
      }
      const col = cells.length
      if (col < IMPORT_LIMITS.maxColumns) {
        if (value.length > IMPORT_LIMITS.maxCellChars) {
          cells.push({ kind: 'tooLong', length: value.length })
          any = true
        } else {
          const v = value.trim() === '' ? null : value
          cells.push(v)
          if (v !== null) any = true
        }
      } else if (value.trim() !== '') droppedColumns = true
      if (i >= len) break
      const c = text.charCodeAt(i)
      if (c === D) {
        i++
        continue
      }
      // End of record: CRLF, LF or CR.
      if (c === 13 && text.charCodeAt(i + 1) === 10) i += 2
      else i++
      record++
      break
    }
    if (any) {
      while (cells.length && cells[cells.length - 1] === null) cells.pop()
      rows.push({ r: startRecord, cells })
      if (rows.length > IMPORT_LIMITS.maxRows) {
        throw new ImportFileError(
          'file.tooManyRows',
          `文件超过 ${fmtInt(IMPORT_LIMITS.maxRows)} 行，超出单次导入的上限，已停止读取。请按乡镇（街道）拆分成几个文件分别导入。`,
          413,
        )
      }
    }
  }
  return { name, hidden: false, rows, merges: [], droppedColumns }
}
