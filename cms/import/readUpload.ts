// From uploaded bytes to a mapped sheet: open the file, choose the sheet (the one with a
// recognisable header, or ask), find the header and map the columns. Database-free.
import crypto from 'node:crypto'
import { detectHeader, findHeaderRow, type HeaderResult, type MappingHints } from './headers'
import { IMPORT_LIMITS } from './limits'
import { openTable, type OpenedTable, type TableFormat } from './openTable'
import { quoteCell } from './quote'
import { type FieldKey, type ImportIssue, type SheetData, ImportFileError } from './types'
import type { ReadProgress } from './xlsx'

export type SheetSummary = { name: string; hidden: boolean; recognised: boolean; empty: boolean }

export type ReadUpload = {
  file: { name: string; bytes: number; sha256: string; format?: TableFormat; encoding?: string }
  sheets: SheetSummary[]
  sheet?: string
  needsSheetChoice: boolean
  notes: string[]
  issues: ImportIssue[]
  table?: SheetData
  header?: HeaderResult
}

const fileIssue = (code: string, message: string): ImportIssue => ({ severity: 'error', scope: 'file', code, message })

export async function readUpload(
  bytes: Uint8Array,
  fileName: string,
  opts: { sheet?: string; required: FieldKey[]; hints?: MappingHints; onProgress?: ReadProgress },
): Promise<ReadUpload> {
  const out: ReadUpload = {
    file: { name: fileName, bytes: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') },
    sheets: [],
    needsSheetChoice: false,
    notes: [],
    issues: [],
  }
  let opened: OpenedTable
  try {
    opened = await openTable(bytes, fileName, { onProgress: opts.onProgress })
  } catch (err) {
    if (err instanceof ImportFileError) {
      out.issues.push(fileIssue(err.code, err.message))
      return out
    }
    throw err
  }
  out.file.format = opened.format
  out.file.encoding = opened.encoding
  out.notes.push(...opened.notes)
  try {
    let chosen: SheetData | null = null
    if (opened.sheets.length === 1 && !opts.sheet) {
      chosen = await opened.read(opened.sheets[0], { onProgress: opts.onProgress })
      out.sheets = [{ name: chosen.name, hidden: chosen.hidden, recognised: findHeaderRow(chosen) >= 0, empty: chosen.rows.length === 0 }]
    } else {
      // Look at the top of every sheet first; read only the chosen one in full.
      for (const s of opened.sheets) {
        const head = await opened.read(s, { maxRows: IMPORT_LIMITS.headerScanRows })
        out.sheets.push({ name: s.name, hidden: s.hidden, recognised: findHeaderRow(head) >= 0, empty: head.rows.length === 0 })
      }
      const names = out.sheets.map((s) => `“${quoteCell(s.name, { max: 31 })}”`).join('、')
      if (opts.sheet) {
        const s = opened.sheets.find((x) => x.name === opts.sheet)
        if (!s) {
          out.issues.push(fileIssue('sheet.notFound', `文件中没有名为“${quoteCell(opts.sheet, { max: 31 })}”的工作表。文件中的工作表有：${names}。`))
          return out
        }
        chosen = await opened.read(s, { onProgress: opts.onProgress })
      } else {
        const visible = out.sheets.filter((s) => s.recognised && !s.hidden)
        const candidates = visible.length ? visible : out.sheets.filter((s) => s.recognised)
        if (candidates.length > 1) {
          out.needsSheetChoice = true
          out.issues.push(
            fileIssue('sheet.ambiguous', `工作簿中有 ${candidates.length} 个工作表都像名单（${candidates.map((c) => `“${quoteCell(c.name, { max: 31 })}”`).join('、')}），请选择要导入的一个。每次只导入一个工作表；其他工作表请分别导入。`),
          )
          return out
        }
        if (candidates.length === 0) {
          if (out.sheets.every((s) => s.empty)) out.issues.push(fileIssue('file.emptyWorkbook', `工作簿中的工作表（${names}）都是空的，没有任何数据。请确认导出的文件是否正确。`))
          else out.issues.push(headerNotFound(opened, `在各工作表（${names}）的前 ${IMPORT_LIMITS.headerScanRows} 行中都没有找到名单表头。`))
          return out
        }
        const pick = opened.sheets.find((s) => s.name === candidates[0].name)!
        chosen = await opened.read(pick, { onProgress: opts.onProgress })
        const others = out.sheets.filter((s) => s.name !== pick.name && !s.empty)
        if (others.length) out.notes.push(`已自动选择工作表“${quoteCell(pick.name, { max: 31 })}”；其他工作表（${others.map((s) => `“${quoteCell(s.name, { max: 31 })}”`).join('、')}）不导入。`)
        if (pick.hidden) out.notes.push(`工作表“${quoteCell(pick.name, { max: 31 })}”在 Excel 中是隐藏的。`)
      }
    }
    out.sheet = chosen.name
    out.table = chosen
    if (chosen.droppedColumns) {
      out.issues.push({ severity: 'warning', scope: 'file', code: 'sheet.tooManyColumns', message: `工作表超过 ${IMPORT_LIMITS.maxColumns} 列，多出的列不导入。` })
    }
    if (!chosen.rows.length) {
      out.issues.push(fileIssue('sheet.empty', `工作表“${quoteCell(chosen.name, { max: 31 })}”是空的，没有任何数据。请确认导出的文件是否正确。`))
      return out
    }
    const header = detectHeader(chosen, opts.required, opts.hints)
    if (!header) {
      out.issues.push(headerNotFound(opened, `在工作表“${quoteCell(chosen.name, { max: 31 })}”的前 ${IMPORT_LIMITS.headerScanRows} 行中没有找到名单表头。`))
      return out
    }
    out.header = header
    out.notes.push(...header.notes)
    out.issues.push(...header.issues)
    if (header.headerIndex >= chosen.rows.length - 1) {
      out.issues.push(fileIssue('sheet.noData', `工作表“${quoteCell(chosen.name, { max: 31 })}”只有表头（第 ${header.headerRowNumber} 行），下面没有数据行。请确认导出的文件是否正确。`))
    }
  } catch (err) {
    if (err instanceof ImportFileError) {
      out.issues.push(fileIssue(err.code, err.message))
      return out
    }
    throw err
  }
  return out
}

function headerNotFound(opened: OpenedTable, where: string): ImportIssue {
  const encodingHint =
    opened.format === 'csv'
      ? `如果预览中的中文是乱码，说明文件编码不对（已按 ${opened.encoding} 读取）：请用 Excel 打开后“另存为 → CSV UTF-8（逗号分隔）”或 .xlsx 再导入。`
      : ''
  return fileIssue(
    'header.notFound',
    `${where}表头行应包含“户主姓名”“身份证号”“保障人数”“金额”“村（社区）”等列名（也可写作“姓名”“身份证号码”“家庭人口”“救助金额”“所属村居”等）。请检查是否上传了正确的文件。${encodingHint}`,
  )
}
