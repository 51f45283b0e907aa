// Huge inputs are refused early, with bounded memory: a million-row .xlsx and CSV, and a zip bomb.
// Moved out of the unit tier (they take tens of seconds and hundreds of MiB on these machines).
import { describe, expect, it } from 'vitest'
import { IMPORT_LIMITS } from '../../cms/import/limits'
import { readUpload } from '../../cms/import/readUpload'
import { hugeXmlXlsx, manyRowsCsv } from '../fixtures/import/generate'
import { manyRowsXlsx } from '../fixtures/import/zipWriter'

const codes = (r: Awaited<ReturnType<typeof readUpload>>) => r.issues.filter((i) => i.severity === 'error').map((i) => i.code)

describe('limits: huge inputs are refused early, with bounded memory', () => {
  it('a million-row .xlsx stops at the row limit', async () => {
    const bytes = manyRowsXlsx(1_000_000)
    expect(bytes.length).toBeLessThan(IMPORT_LIMITS.maxFileBytes)
    const heapBefore = process.memoryUsage().heapUsed
    const started = Date.now()
    const r = await readUpload(bytes, 'million.xlsx', { required: ['headName'] })
    expect(codes(r)).toEqual(['file.tooManyRows'])
    expect(r.issues[0].message).toContain('150,000')
    expect(Date.now() - started).toBeLessThan(30_000)
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(600 * 1024 * 1024)
  }, 120_000)

  it('a million-row CSV is refused by size before it is decoded; 200,000 short rows by the row limit', async () => {
    const big = manyRowsCsv(1_000_000)
    const a = await readUpload(big.length > IMPORT_LIMITS.maxFileBytes ? big : Buffer.concat([big, Buffer.alloc(IMPORT_LIMITS.maxFileBytes)]), 'million.csv', { required: ['headName'] })
    expect(codes(a)).toEqual(['file.tooBig'])
    const b = await readUpload(manyRowsCsv(200_000), 'many.csv', { required: ['headName'] })
    expect(codes(b)).toEqual(['file.tooManyRows'])
  }, 60_000)

  it('a sheet that inflates beyond the XML limit (zip bomb) is refused', async () => {
    const r = await readUpload(hugeXmlXlsx(), 'bomb.xlsx', { required: ['headName'] })
    expect(codes(r).length).toBe(1)
    expect(['file.tooManyRows', 'file.partTooBig']).toContain(codes(r)[0])
  }, 60_000)
})
