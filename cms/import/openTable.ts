// Decides what an uploaded file really is (by its bytes, not its name) and opens it as a set of
// sheets: an .xlsx workbook, an Excel 97-2003 / WPS workbook (.xls, .et), a web page of tables saved
// as ".xls", or one CSV/tab-separated text table. Everything else gets a message that says what the
// file is and how to turn it into something importable.
import { openBiff } from './biff'
import { looksLikeHtmlTable, openHtml } from './html'
import { IMPORT_LIMITS, fmtMiB } from './limits'
import { decodeTextFile, detectDelimiter, garbageRatio, parseDelimited } from './textFile'
import { type SheetData, ImportFileError } from './types'
import { openXlsx, type ReadProgress, type SheetReadOptions } from './xlsx'
import { readZipDirectory } from './zip'

export type SheetRef = { name: string; hidden: boolean }

export type TableFormat = 'xlsx' | 'xls' | 'et' | 'html' | 'csv'

export const FORMAT_LABELS: Record<TableFormat, string> = {
  xlsx: 'Excel 工作簿（.xlsx）',
  xls: 'Excel 97-2003 工作簿（.xls）',
  et: 'WPS 表格（.et）',
  html: '网页表格（HTML，扩展名为 .xls 等）',
  csv: 'CSV 文本',
}

export type OpenedTable = {
  format: TableFormat
  encoding?: string
  /** Facts worth telling the editor (encoding detected, extension did not match …). */
  notes: string[]
  sheets: SheetRef[]
  read: (sheet: SheetRef, opts?: SheetReadOptions) => Promise<SheetData>
}

const startsWith = (b: Uint8Array, bytes: number[]) => bytes.every((x, i) => b[i] === x)

function hasUtf16(b: Uint8Array, word: string): boolean {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).includes(Buffer.from(word, 'utf16le'))
}

const SAVE_AS_XLSX = '请用 Excel 或 WPS 打开后“另存为” Excel 工作簿（.xlsx）或 CSV（逗号分隔），再导入。'

export async function openTable(bytes: Uint8Array, fileName: string, opts: { onProgress?: ReadProgress } = {}): Promise<OpenedTable> {
  if (bytes.length === 0) throw new ImportFileError('file.empty', '上传的文件是空的（0 字节）。请重新从系统导出名单后再上传。')
  if (bytes.length > IMPORT_LIMITS.maxFileBytes) {
    throw new ImportFileError(
      'file.tooBig',
      `文件大小 ${fmtMiB(bytes.length)}，超过单次导入上限 ${fmtMiB(IMPORT_LIMITS.maxFileBytes)}。请按乡镇（街道）拆分成几个文件分别导入。`,
      413,
    )
  }
  const ext = (/\.([A-Za-z0-9]+)$/.exec(fileName)?.[1] ?? '').toLowerCase()
  const notes: string[] = []

  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const entries = readZipDirectory(bytes)
    const names = [...entries.keys()]
    if (names.includes('xl/workbook.bin')) throw new ImportFileError('file.xlsb', `这是 Excel 二进制工作簿（.xlsb），无法直接读取。${SAVE_AS_XLSX}`)
    if (names.some((n) => n === 'mimetype') && !names.some((n) => n.startsWith('xl/'))) {
      throw new ImportFileError('file.ods', `这是 OpenDocument 表格（.ods，常见于 LibreOffice/WPS），暂不支持。${SAVE_AS_XLSX}`)
    }
    if (names.some((n) => n.startsWith('word/'))) throw new ImportFileError('file.docx', `这是 Word 文档，不是表格。请把名单放在 Excel 表格中，${SAVE_AS_XLSX.slice(1)}`)
    if (!names.some((n) => n.toLowerCase() === 'xl/workbook.xml')) {
      throw new ImportFileError('file.zipNotXlsx', '这是一个压缩包（.zip），不是 Excel 表格。请解压后上传其中的 .xlsx 或 .csv 名单文件。')
    }
    if (ext && ext !== 'xlsx' && ext !== 'xlsm') notes.push(`文件扩展名是 .${ext}，但内容是 Excel 工作簿（.xlsx），已按 .xlsx 读取。`)
    const wb = await openXlsx(bytes)
    const byName = new Map(wb.sheets.map((s) => [s.name, s]))
    return {
      format: 'xlsx',
      notes,
      sheets: wb.sheets.filter((s) => s.kind === 'worksheet').map((s) => ({ name: s.name, hidden: s.hidden })),
      read: (sheet, o) => wb.readSheet(byName.get(sheet.name)!, o),
    }
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (hasUtf16(bytes, 'EncryptedPackage')) {
      throw new ImportFileError('file.encrypted', '文件设置了打开密码（已加密），无法读取。请在 Excel 中取消密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后另存，再导入。')
    }
    if (hasUtf16(bytes, 'WordDocument')) throw new ImportFileError('file.doc', `这是 Word 文档（.doc），不是表格。${SAVE_AS_XLSX}`)
    const wb = openBiff(bytes)
    const format: TableFormat = ext === 'et' || ext === 'ett' ? 'et' : 'xls'
    if (ext && !['xls', 'xlt', 'et', 'ett'].includes(ext)) notes.push(`文件扩展名是 .${ext}，但内容是 ${FORMAT_LABELS[format]}，已按此读取。`)
    if (wb.hasMacros) notes.push('文件中含有宏（VBA），宏不会被执行，也不会被导入。')
    const byName = new Map(wb.sheets.map((s) => [s.name, s]))
    return {
      format,
      notes,
      sheets: wb.sheets.filter((s) => s.kind === 'worksheet').map((s) => ({ name: s.name, hidden: s.hidden })),
      read: (sheet, o) => wb.readSheet(byName.get(sheet.name)!, o),
    }
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) throw new ImportFileError('file.pdf', '这是 PDF 文件，无法从中读取名单。请从系统导出 Excel（.xlsx）或 CSV 格式的名单。')
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) {
    throw new ImportFileError('file.image', '这是图片文件，无法从中读取名单。请上传 Excel（.xlsx）或 CSV 格式的名单。')
  }
  if (startsWith(bytes, [0x1f, 0x8b]) || startsWith(bytes, [0x52, 0x61, 0x72, 0x21]) || startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf])) {
    throw new ImportFileError('file.archive', '这是压缩包（.gz/.rar/.7z），不是表格。请解压后上传其中的 .xlsx 或 .csv 名单文件。')
  }

  // Text of some kind.
  const { text: decoded, encoding } = decodeTextFile(bytes)
  const head = decoded.slice(0, 4096).trimStart().toLowerCase()
  const baseName = fileName.replace(/\.[^.]*$/, '') || 'CSV'
  if (head.startsWith('<')) {
    if (head.includes('urn:schemas-microsoft-com:office:spreadsheet') || head.includes('<workbook')) {
      throw new ImportFileError('file.xml2003', `这是“XML 电子表格 2003”格式，无法直接读取。${SAVE_AS_XLSX}`)
    }
    if (looksLikeHtmlTable(head)) {
      const page = openHtml(bytes, baseName, { onProgress: opts.onProgress })
      if (!page.sheets.length) {
        throw new ImportFileError('file.htmlNoTable', `这个文件是网页（HTML）格式，但其中没有表格（<table>），无法读取名单。${SAVE_AS_XLSX}`)
      }
      notes.push(`文件实际上是网页（HTML）表格${ext ? `，扩展名为 .${ext}` : ''}（常见于一些系统导出的“Excel”），已按网页表格读取。`)
      if (page.encoding === 'GB18030') notes.push('网页编码识别为 GBK/GB18030，已自动转换。')
      const byName = new Map(page.sheets.map((s) => [s.name, s]))
      return { format: 'html', encoding: page.encoding, notes, sheets: page.sheets, read: (sheet, o) => page.readSheet(byName.get(sheet.name)!, o) }
    }
  }
  const garbage = garbageRatio(decoded)
  if (encoding !== 'GB18030' && garbage.replacement > 0 && garbage.control < 0.001 && !decoded.includes('\u0000')) {
    throw new ImportFileError(
      'file.mojibake',
      '文件中有无法识别的字符（乱码），通常是文件在不同编码之间转换时出错造成的，无法自动还原。请从系统重新导出，或用 Excel 打开原始文件后“另存为 → CSV UTF-8（逗号分隔）”或 .xlsx 再导入。',
    )
  }
  if (encoding === 'GB18030' && garbage.replacement > 0.002 && garbage.control < 0.001 && !decoded.includes('\u0000')) {
    throw new ImportFileError(
      'file.encoding',
      '无法识别文件的文字编码：它既不是 UTF-8，也不是 GBK/GB18030（可能是繁体 Big5 等其他编码）。请用 Excel 打开后“另存为 → CSV UTF-8（逗号分隔）”或 .xlsx 再导入。',
    )
  }
  if (garbage.control + garbage.replacement > 0.02 || decoded.includes('\u0000')) {
    throw new ImportFileError(
      'file.binary',
      `文件内容无法识别：既不是 Excel（.xlsx）也不是文本表格（CSV），或者文件已损坏。${ext === 'xlsx' ? '扩展名虽为 .xlsx，但内容不是有效的 Excel 工作簿。' : ''}请重新从系统导出，或用 Excel 打开后另存为 .xlsx 再导入。`,
    )
  }
  if (encoding === 'GB18030') notes.push('文件编码识别为 GBK/GB18030（中文 Windows 默认编码），已自动转换。')
  else if (encoding.startsWith('UTF-16')) notes.push(`文件编码识别为 ${encoding}（Excel“Unicode 文本”），已自动转换。`)
  if (ext === 'xlsx' || ext === 'xls') notes.push(`文件扩展名是 .${ext}，但内容是文本表格（CSV），已按 CSV 读取。`)
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded
  if (!text.trim()) throw new ImportFileError('file.emptyText', '文件中没有任何内容（只有空白）。请重新从系统导出名单后再上传。')
  const delimiter = detectDelimiter(text)
  if (delimiter === '\t') notes.push('文件以制表符分列（Tab 分隔文本），已按此读取。')
  else if (delimiter !== ',') notes.push(`文件以“${delimiter}”分列，已按此读取。`)
  let parsed: SheetData | null = null
  const sheet: SheetRef = { name: baseName, hidden: false }
  return {
    format: 'csv',
    encoding,
    notes,
    sheets: [sheet],
    read: async (_s, o) => {
      parsed ??= parseDelimited(text, delimiter, baseName)
      return o?.maxRows ? { ...parsed, rows: parsed.rows.slice(0, o.maxRows) } : parsed
    },
  }
}
