// Reading uploaded files: every kind of bad input gets its own Chinese message, nothing crashes,
// and huge inputs are refused early. Fixtures: tests/fixtures/import/ (generate.ts writes them).
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeTextFile, parseDelimited } from '../../cms/import/textFile'
import { readUpload } from '../../cms/import/readUpload'
import { isFormula } from '../../cms/import/types'
import { FIXTURE_DIR, cleanXlsx, encodeGb18030, testHouseholds } from '../fixtures/import/generate'
import { minimalXlsx, sheetXml } from '../fixtures/import/zipWriter'

const REQUIRED = ['headName', 'idNumber', 'householdSize', 'amount', 'village'] as const
const read = (name: string, opts: { sheet?: string } = {}) => readUpload(fs.readFileSync(path.join(FIXTURE_DIR, name)), name, { required: [...REQUIRED], ...opts })
const codes = (r: Awaited<ReturnType<typeof read>>) => r.issues.filter((i) => i.severity === 'error').map((i) => i.code)

describe('file type, by content not by name', () => {
  it.each([
    ['empty.csv', 'file.empty'],
    ['blank.csv', 'sheet.empty'],
    ['header-only.csv', 'sheet.noData'],
    ['truncated.xlsx', 'file.corruptZip'],
    ['random-bytes.xlsx', 'file.binary'],
    ['old-excel.xls', 'file.corruptXls'],
    ['password.xlsx', 'file.encrypted'],
    ['empty-sheets.xlsx', 'file.emptyWorkbook'],
    ['two-lists.xlsx', 'sheet.ambiguous'],
    ['duplicate-headers.xlsx', 'header.duplicate'],
    ['missing-id-column.csv', 'header.missing'],
    ['mojibake.csv', 'file.mojibake'],
    ['unclosed-quote.csv', 'file.unclosedQuote'],
  ])('%s → %s, with a Chinese message saying what to do', async (name, code) => {
    const r = await read(name)
    expect(codes(r)).toContain(code)
    const issue = r.issues.find((i) => i.code === code)!
    expect(issue.scope).toBe('file')
    expect(issue.message).toMatch(/[\u4e00-\u9fff]{4}/)
    expect(issue.message).toMatch(/请/)
  })

  it('reads a CSV named .xlsx as CSV and an .xlsx named .csv as .xlsx, and says so', async () => {
    const a = await read('csv-named.xlsx')
    expect(a.file.format).toBe('csv')
    expect(a.notes.join()).toContain('扩展名是 .xlsx')
    expect(codes(a)).toEqual([])
    const b = await read('xlsx-named.csv')
    expect(b.file.format).toBe('xlsx')
    expect(b.notes.join()).toContain('扩展名是 .csv')
    expect(codes(b)).toEqual([])
  })

  it('explains an .xlsb, an .ods, a Word file, a PDF and an image', async () => {
    const { writeZip } = await import('../fixtures/import/zipWriter')
    const cases: [Buffer, string][] = [
      [writeZip([{ name: 'xl/workbook.bin', data: 'x' }]), 'file.xlsb'],
      [writeZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', store: true }, { name: 'content.xml', data: '<x/>' }]), 'file.ods'],
      [writeZip([{ name: 'word/document.xml', data: '<w/>' }]), 'file.docx'],
      [writeZip([{ name: 'photo.jpg', data: 'x' }]), 'file.zipNotXlsx'],
      [Buffer.from('%PDF-1.7\n'), 'file.pdf'],
      [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'file.image'],
    ]
    for (const [bytes, code] of cases) expect(codes(await readUpload(bytes, 'x.xlsx', { required: [...REQUIRED] }))).toEqual([code])
  })
})

describe('encodings', () => {
  it('detects UTF-8, UTF-8 with BOM, GB18030 (incl. 4-byte characters) and UTF-16', () => {
    const text = '户主姓名,村\n王𠮷,甲一村\n'
    expect(decodeTextFile(Buffer.from(text)).encoding).toBe('UTF-8')
    expect(decodeTextFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ text, encoding: 'UTF-8 (BOM)' })
    expect(decodeTextFile(encodeGb18030(text))).toEqual({ text, encoding: 'GB18030' })
    expect(decodeTextFile(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({ text, encoding: 'UTF-16LE' })
    expect(decodeTextFile(Buffer.from('name,size\nab,1\n', 'utf16le')).encoding).toBe('UTF-16LE')
  })

  it('reads the GBK CSV, the UTF-8 (BOM) CSVs and Excel "Unicode text" with the same result', async () => {
    for (const name of ['clean-gbk.csv', 'hard-cases-utf8-bom.csv', 'hard-cases-utf8.csv', 'unicode-text.txt']) {
      const r = await read(name)
      expect(codes(r), name).toEqual([])
      expect(r.header?.mapping.headName, name).toBeTruthy()
      expect(String(r.table!.rows[1].cells[r.header!.mapping.headName!.col])).toMatch(/^[\u4e00-\u9fff𠮷·．\s]+$/u)
    }
  })

  it('refuses an encoding it cannot read (e.g. Big5-like bytes) with advice to save as UTF-8', async () => {
    // Bytes valid in neither UTF-8 nor GB18030: many lone 0x80 / 0xFF bytes between ASCII.
    const bytes = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 4 === 0 ? 0x80 : i % 4 === 1 ? 0x41 : i % 4 === 2 ? 0xff : 0x2c)))
    const r = await readUpload(bytes, 'big5.csv', { required: [...REQUIRED] })
    expect(codes(r)).toEqual(['file.encoding'])
    expect(r.issues[0].message).toContain('UTF-8')
  })
})

describe('structure', () => {
  it('finds the header below title rows and merged cells, and skips 合计 and signature rows later', async () => {
    const r = await read('clean-title-row.xlsx')
    expect(r.header?.headerRowNumber).toBe(3)
    expect(r.table!.merges.length).toBeGreaterThanOrEqual(3)
    expect(r.notes.join()).toContain('前 2 行')
  })

  it('reads a two-row header under merged group cells', async () => {
    const r = await read('merged-cells.xlsx')
    expect(codes(r)).toEqual([])
    expect(r.header?.headerRowNumber).toBe(3)
    expect(Object.keys(r.header!.mapping).sort()).toEqual(['amount', 'headName', 'householdSize', 'idNumber', 'no', 'village'])
    expect(r.header!.mapping.village!.column).toBe('F')
  })

  it('picks the sheet with a recognisable header, and names the others', async () => {
    const r = await read('multi-sheet.xlsx')
    expect(r.sheet).toBe('名单')
    expect(r.notes.join()).toContain('填表说明')
    const chosen = await read('two-lists.xlsx', { sheet: '乙镇' })
    expect(chosen.sheet).toBe('乙镇')
    expect(codes(await read('two-lists.xlsx', { sheet: '丙镇' }))).toEqual(['sheet.notFound'])
  })

  it('keeps formulas as formulas (function name only, never the formula text or its cached link)', async () => {
    const r = await read('errors.xlsx')
    const cells = r.table!.rows.flatMap((row) => row.cells).filter(isFormula)
    expect(cells.map((c) => c.fn).sort()).toContain('HYPERLINK')
    expect(JSON.stringify(cells)).not.toContain('example.invalid')
  })

  it('marks cells longer than the limit instead of keeping them', async () => {
    const r = await read('long-cells.csv')
    const long = r.table!.rows.flatMap((row) => row.cells).filter((c) => typeof c === 'object' && c !== null && c.kind === 'tooLong')
    expect(long).toHaveLength(2)
  })

  it('parses quoted CSV fields with commas, quotes and line breaks, CRLF/LF/CR', () => {
    const s = parseDelimited('a,b,c\r\n"x, y","say ""hi""","line1\nline2"\n1,2,3\r4,5,6', ',')
    expect(s.rows.map((r) => r.cells)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'line1\nline2'],
      ['1', '2', '3'],
      ['4', '5', '6'],
    ])
    expect(s.rows.map((r) => r.r)).toEqual([1, 2, 3, 4])
  })

  it('reads shared strings, inline strings, rich text and escaped characters', async () => {
    const xml = sheetXml([['户主姓名', '身份证号码'], ['A&B <x>', 12]]).replace('<c r="A1" t="inlineStr"><is><t>户主姓名</t></is></c>', '<c r="A1" t="inlineStr"><is><r><t>户主</t></r><r><t>姓名</t></r></is></c>')
    const r = await readUpload(minimalXlsx(xml), 'x.xlsx', { required: ['headName'] })
    expect(r.table!.rows[0].cells[0]).toBe('户主姓名')
    expect(r.table!.rows[1].cells).toEqual(['A&B <x>', 12])
  })
})

describe('limits (the huge inputs are in tests/integration/import-limits.test.ts)', () => {
  it('reads a realistic 20-row export completely', async () => {
    const r = await readUpload(await cleanXlsx(testHouseholds(20)), 'x.xlsx', { required: [...REQUIRED] })
    expect(r.table!.rows).toHaveLength(25)
  })
})
