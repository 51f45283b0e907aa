// What an import says back never repeats what looks personal (issue 17): quoted cells go through the
// PII detector, columns of personal data are listed as left out, and an unknown village gets a
// "是否为 …？" question (never a replacement) when one village of the region is close.
import { describe, expect, it } from 'vitest'
import { ignoredColumnsNote } from '../../cms/import/check'
import { personalColumns } from '../../cms/import/headers'
import { HIDDEN_PII, quoteCell } from '../../cms/import/quote'
import { VillageMatcher } from '../../cms/import/villages'

describe('quoteCell', () => {
  it.each([
    ['幸富社区', '幸富社区'],
    ['13800138000', HIDDEN_PII],
    ['138 0013 8000', HIDDEN_PII],
    ['+86-138-0013-8000', HIDDEN_PII],
    ['990199198503171230', HIDDEN_PII],
    ['9901991985031712', HIDDEN_PII],
    ['6222021234567890123', HIDDEN_PII],
    ['滨河路12号3栋201室', HIDDEN_PII],
    ['甲一村（电话 0551-1234567）', HIDDEN_PII],
    ['一二三四五六七八九十一二三四五六七八九十一二', '一二三四五六七八九十一二三四五六七八九十…'],
  ])('%s → %s', (text, quoted) => {
    expect(quoteCell(text)).toBe(quoted)
  })
})

describe('personal-data columns are reported as left out', () => {
  const headers = ['序号', '户主姓名', '身份证号码', '保障人数', '金额', '村（社区）', '联系电话', '银行卡号', '备注', '发放日期']
  const mapping = Object.fromEntries(
    (['no', 'headName', 'idNumber', 'householdSize', 'amount', 'village'] as const).map((f, col) => [f, { field: f, col, column: 'ABCDEF'[col], header: headers[col], how: 'exact' as const }]),
  )
  it('lists 联系电话、银行卡号、备注 but not an ordinary unmapped column', () => {
    const cols = personalColumns(headers, mapping)
    expect(cols.map((c) => [c.column, c.header])).toEqual([
      ['G', '联系电话'],
      ['H', '银行卡号'],
      ['I', '备注'],
    ])
    expect(ignoredColumnsNote(cols)).toBe('联系电话、银行卡号、备注 三列含个人信息，未导入（不会保存，也不会公开）。')
  })
  it('says nothing when there are none', () => {
    expect(ignoredColumnsNote([])).toBeNull()
  })
})

describe('village typo help', () => {
  const m = new VillageMatcher([
    { id: '1', code: '990199001201', name: '幸福社区', townshipName: '城关街道' },
    { id: '2', code: '990199001202', name: '和平村', townshipName: '城关街道' },
    { id: '3', code: '990199002201', name: '东风村', townshipName: '乙镇' },
    { id: '4', code: '990199002202', name: '东方村', townshipName: '乙镇' },
  ])
  it.each([
    ['幸富社区', '幸福社区'],
    ['幸福小区', '幸福社区'],
    ['和平', undefined], // an exact stem match, not a typo
    ['河平村', '和平村'],
    ['冬风村', '东风村'],
    ['东凤村', undefined], // as close to 东风村 as to 东方村: no guess
    ['东x村', undefined], // 东风 and 东方 are equally close: no guess
    ['红旗村', undefined],
    ['13800138000', undefined],
  ])('%s → %s', (raw, expected) => {
    const r = m.match(raw)
    if (raw === '和平') expect(r.ok).toBe(true)
    else {
      expect(r.ok).toBe(false)
      expect(r.ok ? undefined : r.suggestion?.name).toBe(expected)
    }
  })
})
