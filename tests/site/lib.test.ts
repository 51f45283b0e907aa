// Small site helpers: formatting for Chinese readers, CSV for Excel, pagination, row loading.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeFixtureSnapshot, type FixtureResult } from '../fixtures/snapshot/makeFixtureSnapshot'
import { BOM, csvCell, toCsv } from '../../site/lib/csv'
import { formatDate, formatMonth, formatSmallCount, formatYuan, formatYuanDelta } from '../../site/lib/format'
import { PAGE_SIZE, pageWindow, surnameOf, villagePageHref, villagePageRest, villageRowsOf } from '../../site/lib/listPages'
import { loadListRows, loadSnapshot } from '../../site/lib/snapshot'
import { snapshotSchema } from '../../site/lib/snapshotSchema'

describe('formatting', () => {
  it.each([
    ['2026-11-24', '2026年11月24日'],
    ['2026-01-05', '2026年1月5日'],
    ['2026-03-01T09:00:00.000Z', '2026年3月1日'],
    [null, '—'],
  ])('date %s → %s', (iso, out) => expect(formatDate(iso)).toBe(out))

  it.each([
    [1800, '1,800 元'],
    [300, '300 元'],
    [1234567.5, '1,234,567.5 元'],
    [0, '0 元'],
  ])('amount %d → %s', (n, out) => expect(formatYuan(n)).toBe(out))

  it('spells out the sign of a change and hides small counts', () => {
    expect(formatYuanDelta(-1200)).toBe('减少 1,200 元')
    expect(formatYuanDelta(300)).toBe('增加 300 元')
    expect(formatYuanDelta(0)).toBe('0 元')
    expect(formatSmallCount(null, '户')).toBe('少于3户')
    expect(formatSmallCount(12, '户')).toBe('12 户')
    expect(formatMonth('2026-09')).toBe('2026年9月')
  })
})

describe('CSV', () => {
  it('starts with a BOM, ends lines with CRLF and quotes what needs quoting', () => {
    const csv = toCsv(['a', 'b'], [['张*，户01', 'x,y'], ['say "hi"', null], [1.5, true]])
    expect(csv.startsWith(BOM)).toBe(true)
    expect(csv.slice(1).split('\r\n')).toEqual(['a,b', '张*，户01,"x,y"', '"say ""hi""",', '1.5,true', ''])
  })

  it('defuses spreadsheet formulas in text cells', () => {
    expect(csvCell('=1+1')).toBe("'=1+1")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell(-5)).toBe('-5')
  })
})

describe('village pages', () => {
  it.each([
    [1, 1, [1]],
    [1, 5, [1, 2, 3, null, 5]],
    [6, 40, [1, null, 4, 5, 6, 7, 8, null, 40]],
    [40, 40, [1, null, 38, 39, 40]],
    [3, 4, [1, 2, 3, 4]],
  ])('page window around %d of %d', (current, total, out) => expect(pageWindow(current, total)).toEqual(out))

  it('builds addresses for every order and page', () => {
    expect(villagePageHref('L1', '990102002201')).toBe('/lists/L1/990102002201/')
    expect(villagePageHref('L1', '990102002201', 'no', 3)).toBe('/lists/L1/990102002201/3/')
    expect(villagePageHref('L1', '990102002201', 'name', 1)).toBe('/lists/L1/990102002201/by-name/')
    expect(villagePageHref('L1', '990102002201', 'amount', 2)).toBe('/lists/L1/990102002201/by-amount/2/')
    expect(villagePageRest('no', 1)).toBeUndefined()
    expect(villagePageRest('name', 2)).toBe('by-name/2')
  })

  it.each([
    ['张*', '张'],
    ['欧阳**（户03）', '欧阳'],
    ['𠮷**', '𠮷'],
    ['阿**', '阿'],
  ])('surname of %s is %s', (masked, s) => expect(surnameOf(masked)).toBe(s))
})

describe('snapshot loading', () => {
  let dir: string
  let fixture: FixtureResult
  const saved = process.env.SNAPSHOT_FILE
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ygjz-lib-'))
    fixture = await writeFixtureSnapshot(dir, { households: 600, months: 2 })
    process.env.SNAPSHOT_FILE = fixture.snapshotFile
  })
  afterAll(() => {
    process.env.SNAPSHOT_FILE = saved
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('writes a fixture that passes the contract, with every kind of content the pages need', () => {
    const s = snapshotSchema.parse(JSON.parse(fs.readFileSync(fixture.snapshotFile, 'utf8')))
    expect(s.programmes.map((p) => p.code)).toEqual(['dibao-urban', 'dibao-rural', 'tekun', 'linshi'])
    expect(s.programmes.find((p) => p.code === 'linshi')!.publicityRequired).toBe(false)
    expect(new Set(s.notices.map((n) => n.status))).toEqual(new Set(['公示中', '已结束', '未开始']))
    expect(s.policies.some((p) => p.validity === 'repealed' && p.supersededBy)).toBe(true)
    expect(s.standards.some((x) => !x.isCurrent)).toBe(true)
    expect(s.guides).toHaveLength(4)
    expect(s.withdrawals.length).toBeGreaterThan(0)
    expect(s.lists.some((l) => l.changes)).toBe(true)
    // Names are masked: no row shows a raw name.
    const rows = loadListRows(s.lists[0])
    for (const r of rows) expect(fixture.rawValues.has(r[0])).toBe(false)
    expect(rows.every((r) => r[0].includes('*'))).toBe(true)
  })

  it('reads each list file once and shares it', () => {
    const s = loadSnapshot()
    const list = s.lists[0]
    const a = loadListRows(list)
    fs.writeFileSync(path.join(dir, list.rowsFile), '{"broken": true}')
    expect(loadListRows(list)).toBe(a)
    expect(villageRowsOf(list)).toBe(villageRowsOf(list))
    const total = [...villageRowsOf(list).values()].reduce((n, v) => n + v.orders.no.length, 0)
    expect(total).toBe(a.length)
    for (const v of villageRowsOf(list).values()) expect(v.pages).toBe(Math.max(1, Math.ceil(v.orders.no.length / PAGE_SIZE)))
  })

  it('refuses a rows file that breaks the contract, saying which file', () => {
    const s = loadSnapshot()
    const list = s.lists[1]
    fs.writeFileSync(path.join(dir, list.rowsFile), JSON.stringify({ listId: list.id, rows: [['张*', 2, 100, null, '990102001001', '110101199001011234']] }))
    expect(() => loadListRows(list)).toThrow(new RegExp(`名单明细 ${list.rowsFile} 不符合结构约定`))
  })
})

describe('the threshold the admin sets is the one residents read', () => {
  const saved = process.env.SNAPSHOT_FILE
  let dir: string
  afterAll(() => {
    process.env.SNAPSHOT_FILE = saved
    fs.rmSync(dir, { recursive: true, force: true })
  })
  it('a threshold of 4 hides villages below 4 and the open-data notes say 不足4户', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ygjz-lib-t4-'))
    const f = await writeFixtureSnapshot(dir, { households: 300, months: 1, smallCountThreshold: 4 })
    process.env.SNAPSHOT_FILE = f.snapshotFile
    expect(f.snapshot.site.smallCountThreshold).toBe(4)
    const rowsOf = (l: (typeof f.snapshot.lists)[number]) => JSON.parse(fs.readFileSync(path.join(dir, l.rowsFile), 'utf8')).rows as Array<[string, number, number, string | null, string]>
    let checked = 0
    for (const l of f.snapshot.lists) {
      for (const v of l.byVillage) {
        const n = rowsOf(l).filter((r) => r[4] === v.villageCode).length
        expect(v.households, `${l.id} ${v.villageCode}`).toBe(n < 4 ? null : n)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(5)
    const { datasets } = await import('../../site/lib/openData')
    const villages = datasets().find((d) => d.slug === 'list-villages')!
    expect(villages.description).toContain('不足4户')
    expect(villages.columns.find((c) => c.name === 'households')!.note).toBe('不足4户为空')
  })
})
