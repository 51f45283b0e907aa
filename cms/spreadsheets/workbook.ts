// Staff exports to Excel (.xlsx, written with exceljs): one sheet with Chinese headers, a title row
// saying what it is and that it is internal, and the answer that downloads it. The rows come from the
// Local API with the caller's access (cms/spreadsheets/*.ts), so what a role may not read never gets here.
import ExcelJS from 'exceljs'

export type Column<R> = { header: string; width?: number; value: (row: R) => string | number | null | undefined }

export type Sheet<R> = { name: string; title: string; columns: Column<R>[]; rows: Iterable<R> }

/** The workbook as bytes: row 1 the title, row 2 the headers (frozen), then one line per record. */
export async function sheetWorkbook<R>(sheet: Sheet<R>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '阳光救助管理后台'
  const ws = wb.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 2 }] })
  ws.addRow([sheet.title])
  ws.getRow(1).font = { bold: true }
  const header = ws.addRow(sheet.columns.map((c) => c.header))
  header.font = { bold: true }
  sheet.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width ?? Math.max(10, c.header.length * 2 + 2)))
  for (const row of sheet.rows) ws.addRow(sheet.columns.map((c) => c.value(row) ?? null))
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** The download answer: never cached, an ASCII file name for old clients and the Chinese one for the rest. */
export function xlsxResponse(body: Buffer, asciiName: string, chineseName: string): Response {
  return new Response(new Uint8Array(body), {
    headers: {
      'cache-control': 'no-store',
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(chineseName)}`,
    },
  })
}
