// Header matching, value parsing, village matching, categories, the amount ceiling, row validation
// and the error report: table-driven, no database.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { categoryRule } from '../../cms/import/categories'
import { detectHeader, matchHeader, normaliseHeader } from '../../cms/import/headers'
import { readUpload } from '../../cms/import/readUpload'
import { issuesToCsv } from '../../cms/import/report'
import { amountCap, capCents } from '../../cms/import/standards'
import type { FieldKey, SheetData } from '../../cms/import/types'
import { parseAmount, parseHouseholdSize, validateSheet, type ValidationContext } from '../../cms/import/validate'
import { VillageMatcher } from '../../cms/import/villages'
import { hardCaseRawInputs } from '../../content/demo/generate'
import { FIXTURE_DIR, TEST_VILLAGES } from '../fixtures/import/generate'

describe('header names', () => {
  it.each([
    ['户主姓名', 'headName'],
    ['姓名', 'headName'],
    ['申请人', 'headName'],
    ['身份证号', 'idNumber'],
    ['身份证号码', 'idNumber'],
    ['证件号码', 'idNumber'],
    ['户主身份证号', 'idNumber'],
    ['保障人数', 'householdSize'],
    ['家庭人口', 'householdSize'],
    ['享受人数', 'householdSize'],
    ['保障金额', 'amount'],
    ['月保障金(元)', 'amount'],
    ['月保障金（元）', 'amount'],
    ['救助金额 （元）', 'amount'],
    ['* 保障金额\n（元/月）', 'amount'],
    ['村(社区)', 'village'],
    ['村（社区）', 'village'],
    ['所属村居', 'village'],
    ['类别', 'category'],
    ['档次', 'category'],
    ['类别/档次', 'category'],
    ['乡镇（街道）', 'township'],
  ] as const)('%s → %s', (header, field) => {
    expect(matchHeader(header)?.field).toBe(field)
  })

  it.each(['家庭成员姓名', '银行卡号', '保障标准（元）', '家庭人均收入', '详细地址', '备注', '联系电话'])('%s is not a list column', (header) => {
    expect(matchHeader(header)).toBeNull()
  })

  it('normalises width, spaces, stars and units', () => {
    expect(normaliseHeader(' ＊保障金额（元） ')).toBe(normaliseHeader('保障金额'))
  })
})

describe('values', () => {
  it.each(hardCaseRawInputs.amounts.map((a) => [a.raw, a.value] as const))('amount %s → %d', (raw, value) => {
    expect(parseAmount(raw)).toBe(value)
  })
  it.each([
    ['-100', 'amount.negative'],
    ['壹佰元', 'amount.invalid'],
    ['100.123', 'amount.decimals'],
    ['', 'amount.missing'],
    ['2000000', 'amount.tooLarge'],
  ])('amount %s → %s', (raw, code) => {
    expect(parseAmount(raw)).toMatchObject({ code })
  })
  it('amount from Excel numbers keeps cents and rounds binary noise', () => {
    expect(parseAmount(0.1 + 0.2)).toBe(0.3)
    expect(parseAmount(1799.9999999999998)).toBe(1800)
  })
  it.each([
    ['3', 3],
    ['３', 3],
    ['3人', 3],
    [' 2 ', 2],
    ['4.0', 4],
    [5, 5],
  ] as const)('household size %s → %d', (raw, value) => {
    expect(parseHouseholdSize(raw)).toBe(value)
  })
  it.each([
    ['0', 'householdSize.notPositive'],
    ['-1', 'householdSize.notPositive'],
    ['2.5', 'householdSize.notInteger'],
    ['三', 'householdSize.invalid'],
    ['31', 'householdSize.tooLarge'],
    ['', 'householdSize.missing'],
  ])('household size %s → %s', (raw, code) => {
    expect(parseHouseholdSize(raw)).toMatchObject({ code })
  })
})

describe('villages', () => {
  const m = new VillageMatcher([
    { id: '1', code: '990199001201', name: '甲一村', townshipName: '甲镇' },
    { id: '2', code: '990199002201', name: '乙一村', townshipName: '乙镇' },
    { id: '3', code: '990199001202', name: '和平社区', townshipName: '甲镇' },
    { id: '4', code: '990199002202', name: '和平社区', townshipName: '乙镇' },
  ])
  it.each([
    ['甲一村', '1'],
    [' 甲一村 ', '1'],
    ['990199002201', '2'],
    ['甲镇甲一村', '1'],
    ['甲一', '1'],
    ['甲一村委会', '1'],
    ['乙一村民委员会', '2'],
  ])('%s → village %s', (raw, id) => {
    const r = m.match(raw)
    expect(r.ok && r.village.id).toBe(id)
  })
  it('same name in two townships: ambiguous unless the township is given', () => {
    expect(m.match('和平社区')).toMatchObject({ ok: false, reason: 'ambiguous' })
    expect(m.match('和平社区', '乙镇')).toMatchObject({ ok: true, village: { id: '4' } })
    expect(m.match('乙镇和平社区')).toMatchObject({ ok: true, village: { id: '4' } })
  })
  it('unknown names and codes are not found', () => {
    expect(m.match('丙九村')).toMatchObject({ ok: false, reason: 'notFound' })
    expect(m.match('990199009999')).toMatchObject({ ok: false, reason: 'notFound' })
  })
})

describe('categories', () => {
  const dibao = categoryRule({ name: '农村最低生活保障', shortName: '农村低保', publicityRequired: true }, ['农村'])
  it.each(['农村低保', '一类', '二档', 'A类', 'b档', '农村低保一类', '分散供养', '农村'])('%s is accepted for 农村低保', (v) => expect(dibao.check(v)).toBe(true))
  it.each(['特级', '五保户', '城市低保二类'])('%s is not', (v) => expect(dibao.check(v)).toBe(false))
  it('临时救助-like programmes take free text and publish only the coarse reason', () => {
    const linshi = categoryRule({ name: '临时救助', shortName: '临时救助', publicityRequired: false }, [])
    expect(linshi.check('突发重病住院')).toBe(true)
    expect(linshi.publicValue('突发重病住院')).toBe('因病')
  })
})

describe('amount ceiling from standards', () => {
  const s = (tier: string | null, amount: number, unit: string, from = '2026-01-01', to: string | null = null, regionDepth = 0) => ({ tier, amount, unit, effectiveFrom: from, effectiveTo: to, regionDepth })
  it('per person per year is a twelfth per month, times the household size', () => {
    const cap = amountCap([s('农村', 1800, '元/人·年')], '2026-10')!
    expect(capCents(cap, 3)).toBe(45_000)
    expect(cap.description).toContain('150')
  })
  it('concurrent tiers add up (特困: 基本生活 + 照料护理); per-household standards do not scale', () => {
    expect(capCents(amountCap([s('基本生活', 390, '元/人·月'), s('全护理', 600, '元/人·月')], '2026-10')!, 1)).toBe(99_000)
    expect(capCents(amountCap([s(null, 5000, '元/户·次')], '2026-10')!, 4)).toBe(500_000)
  })
  it('takes the standard in force in the month, at the nearest region', () => {
    const list = [s('城市', 210, '元/人·月', '2021-07-01', '2025-12-31'), s('城市', 300, '元/人·月', '2026-01-01')]
    expect(capCents(amountCap(list, '2025-10')!, 1)).toBe(21_000)
    expect(capCents(amountCap(list, '2026-02')!, 1)).toBe(30_000)
    expect(capCents(amountCap([...list, s('城市', 320, '元/人·月', '2026-01-01', null, 1)], '2026-02')!, 1)).toBe(32_000)
    expect(amountCap(list, '2019-01')).toBeNull()
  })
})

function sheet(rows: (string | number | null)[][], merges: SheetData['merges'] = []): SheetData {
  return { name: 'S', hidden: false, rows: rows.map((cells, i) => ({ r: i + 1, cells })), merges, droppedColumns: false }
}
const ctx = (over: Partial<ValidationContext> = {}): ValidationContext => ({
  target: 'list',
  kind: 'approved',
  regionName: '测试县',
  villages: new VillageMatcher(TEST_VILLAGES.map((v, i) => ({ id: String(i + 1), code: v.code, name: v.name, townshipName: v.township }))),
  cap: amountCap([{ tier: '农村', amount: 1800, unit: '元/人·年', effectiveFrom: '2026-01-01', regionDepth: 0 }], '2026-10'),
  category: categoryRule({ name: '农村最低生活保障', shortName: '农村低保' }, ['农村']),
  hashKey: 'k'.repeat(32),
  today: '2026-10-15',
  ...over,
})
const REQUIRED: FieldKey[] = ['headName', 'idNumber', 'householdSize', 'amount', 'village']
function validate(s: SheetData, c = ctx()) {
  const h = detectHeader(s, REQUIRED)!
  return validateSheet(s, h.headerIndex, h.mapping, c)
}
const ID = (ok: (typeof hardCaseRawInputs.idNumbers)[number]['expected']) => ok
const ids = hardCaseRawInputs.idNumbers

describe('row validation', () => {
  const HEAD = ['户主姓名', '身份证号码', '保障人数', '保障金额', '村（社区）']

  it('accepts the hard cases: 15-digit IDs (upgraded), full-width digits, spaces, lower-case x', () => {
    const valid = ids.filter((c) => ID(c.expected).ok)
    const distinct = [...new Map(valid.map((c) => [(c.expected as { id18: string }).id18, c])).values()]
    const r = validate(sheet([HEAD, ...distinct.map((c) => ['张三', c.raw, 1, 100, '甲一村'])]))
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(r.rows.map((x) => x.idNumber)).toEqual(distinct.map((c) => (c.expected as { id18: string }).id18))
    expect(r.upgradedIds).toBe(1)
  })

  it('reports invalid IDs with the domain messages and never repeats the number', () => {
    const bad = ids.filter((c) => !ID(c.expected).ok)
    const r = validate(sheet([HEAD, ...bad.map((c) => ['张三', c.raw, 1, 100, '甲一村'])]))
    expect(r.issues.map((i) => i.code)).toEqual(bad.map((c) => `idNumber.${(c.expected as { reason: string }).reason}`))
    for (const i of r.issues) {
      expect(i.column).toBe('B')
      for (const c of bad) expect(i.message).not.toContain(c.raw)
    }
  })

  it('a duplicate ID names the first row; a 15-digit and an 18-digit form of one ID are duplicates', () => {
    const id15 = ids.find((c) => c.note === '15位旧号码')!
    const r = validate(sheet([HEAD, ['张三', id15.raw, 1, 100, '甲一村'], ['李四', (id15.expected as { id18: string }).id18, 1, 100, '甲一村']]))
    expect(r.issues).toMatchObject([{ code: 'idNumber.duplicate', row: 3, column: 'B' }])
    expect(r.issues[0].message).toContain('第 2 行')
  })

  it('fills a village merged down over several rows, and says so', () => {
    const r = validate(sheet([HEAD, ['张三', ids[0].raw, 1, 100, '甲一村'], ['李四', ids[1].raw, 1, 100, null]], [{ r1: 2, c1: 4, r2: 3, c2: 4 }]))
    expect(r.rows.map((x) => x.villageId)).toEqual(['1', '1'])
    expect(r.issues.map((i) => i.code)).toEqual(['cell.mergedFilled'])
  })

  it('a household spread over merged rows is an error that says to keep one row per household', async () => {
    const s = await readUpload(fs.readFileSync(path.join(FIXTURE_DIR, 'household-members.xlsx')), 'm.xlsx', { required: REQUIRED })
    const r = validateSheet(s.table!, s.header!.headerIndex, s.header!.mapping, ctx())
    expect(r.issues.some((i) => i.code === 'cell.mergedRows' && i.message.includes('每户一行'))).toBe(true)
  })

  it('checks 合计 against the rows; skips 小计, repeated headers and signature lines', () => {
    const ok = validate(
      sheet([
        HEAD,
        ['张三', ids[0].raw, 2, 200, '甲一村'],
        ['小计', null, 2, 200, null],
        HEAD,
        ['李四', ids[1].raw, 1, 100.5, '乙一村'],
        ['合计', '2户', 3, '300.50', null],
        ['制表人：王某', '审核人：李某', null, null, '制表日期：2026年10月5日'],
      ]),
    )
    expect(ok.issues).toEqual([])
    expect(ok.rows).toHaveLength(2)
    expect(ok.skipped).toMatchObject({ totalsRows: 1, subtotalRows: 1, repeatedHeaders: 1, footerRows: 1 })
    const bad = validate(sheet([HEAD, ['张三', ids[0].raw, 2, 200, '甲一村'], ['合计', '3户', 3, 250, null]]))
    expect(bad.issues).toMatchObject([{ code: 'totals.mismatch', row: 3, severity: 'error' }])
    expect(bad.issues[0].message).toMatch(/户数.*人数.*金额/)
  })

  it('reports formula-like text (injection) in text columns and ignores formulas of unimported columns with a warning', () => {
    const r = validate(sheet([[...HEAD, '备注'], ['=HYPERLINK("http://x","y")', ids[0].raw, 1, 100, '+甲一村', null]]))
    expect(r.issues.map((i) => [i.code, i.column])).toEqual([
      ['cell.injection', 'A'],
      ['cell.injection', 'E'],
    ])
  })

  it('cross-checks a disbursement list against the approved households, by keyed hash', async () => {
    const { hashIdNumber } = await import('../../cms/domain/idNumber')
    const key = 'k'.repeat(32)
    const approved = { title: '10月救助对象名单', hashes: new Map([[hashIdNumber((ids[0].expected as { id18: string }).id18, key), 100]]) }
    const r = validate(sheet([HEAD, ['张三', ids[0].raw, 1, 120, '甲一村'], ['李四', ids[1].raw, 1, 100, '甲一村']]), ctx({ kind: 'disbursement', approved }))
    expect(r.issues.map((i) => [i.row, i.code, i.severity])).toEqual([
      [2, 'crossCheck.amountDiffers', 'warning'],
      [3, 'crossCheck.notApproved', 'error'],
    ])
  })

  it('for notices the ID number and amount are optional', () => {
    const r = validate(sheet([['姓名', '家庭人口', '村（社区）'], ['张三', 2, '甲一村']]), ctx({ target: 'notice' }))
    expect(r.rows).toMatchObject([{ headName: '张三', idNumber: null, amount: null, householdSize: 2 }])
  })
})

describe('error report', () => {
  it('is CSV with a UTF-8 BOM, Chinese headers, and defuses formula-like cells', () => {
    const csv = issuesToCsv([{ severity: 'error', scope: 'row', code: 'x', row: 3, column: 'B', header: '=HYPERLINK("a")', message: '说明，含逗号' }], { fileName: 'a.xlsx' })
    expect(csv.startsWith('\ufeff行号,列,表头')).toBe(true)
    expect(csv).toContain(`'=HYPERLINK`)
    expect(csv).toContain('说明，含逗号')
    expect(csv).toContain('3,B,')
  })
})
