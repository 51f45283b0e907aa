import { describe, expect, it } from 'vitest'
import { defaultWorkCalendar } from '../../cms/domain/calendar'
import {
  areaFigure,
  DEFAULT_DISCLOSURE_RULES,
  disclosureRules,
  figuresOf,
  isOfficeAddress,
  listVisibility,
  monthlyDisclosures,
  monthlyDisclosureState,
  monthlyStatistics,
  noticeVisibility,
  officialContacts,
  oldestListMonth,
  parsePhoneNumbers,
  publicCategory,
  seriesKey,
  suppressSmallCount,
  villageFigures,
  withdrawalNote,
  type MonthlyStat,
} from '../../cms/domain/disclosure'

const rules = DEFAULT_DISCLOSURE_RULES // 3 households, 30 days, 12 months

describe('disclosureRules', () => {
  it.each([
    [{}, { smallCountThreshold: 3, noticeRetentionDays: 30, listRetentionMonths: 12 }],
    [{ smallCountThreshold: 5, noticeRetentionDays: 0, listRetentionMonths: 6 }, { smallCountThreshold: 5, noticeRetentionDays: 0, listRetentionMonths: 6 }],
    [{ smallCountThreshold: null, noticeRetentionDays: -1, listRetentionMonths: 0 }, { smallCountThreshold: 3, noticeRetentionDays: 30, listRetentionMonths: 12 }],
    [{ smallCountThreshold: 2.5 }, { smallCountThreshold: 3, noticeRetentionDays: 30, listRetentionMonths: 12 }],
  ])('%j → %j', (settings, out) => expect(disclosureRules(settings)).toEqual(out))
})

describe('noticeVisibility', () => {
  const n = { postedOn: '2026-11-02', endsOn: '2026-11-09' }
  it.each([
    ['before posting (shown as 未开始)', n, '2026-11-01', { state: 'shown' }],
    ['during the period', n, '2026-11-05', { state: 'shown' }],
    ['last day of retention', n, '2026-12-09', { state: 'shown' }],
    ['first day after retention', n, '2026-12-10', { state: 'expired', on: '2026-12-10' }],
    ['long after', n, '2027-06-01', { state: 'expired', on: '2026-12-10' }],
    ['withdrawn today', { ...n, withdrawnOn: '2026-11-05' }, '2026-11-05', { state: 'withdrawn', on: '2026-11-05', noteListed: true }],
    ['withdrawal in the future is not yet effective', { ...n, withdrawnOn: '2026-11-20' }, '2026-11-05', { state: 'shown' }],
    ['withdrawal note listed for 30 days', { ...n, withdrawnOn: '2026-11-05' }, '2026-12-05', { state: 'withdrawn', on: '2026-11-05', noteListed: true }],
    ['withdrawal note then leaves the list', { ...n, withdrawnOn: '2026-11-05' }, '2026-12-06', { state: 'withdrawn', on: '2026-11-05', noteListed: false }],
    ['no dates: never public', { postedOn: null, endsOn: null }, '2026-11-05', { state: 'hidden' }],
  ] as const)('%s', (_what, notice, asOf, out) => expect(noticeVisibility(notice, asOf, rules)).toEqual(out))

  it('a retention of 0 days removes a notice the day after it ends', () => {
    const r = { ...rules, noticeRetentionDays: 0 }
    expect(noticeVisibility(n, '2026-11-09', r)).toEqual({ state: 'shown' })
    expect(noticeVisibility(n, '2026-11-10', r)).toEqual({ state: 'expired', on: '2026-11-10' })
  })
})

describe('listVisibility', () => {
  it.each([
    ['this year', { month: '2026-10', complete: true }, '2026-11-24', { state: 'shown' }],
    ['oldest month still shown', { month: '2025-12', complete: true }, '2026-11-24', { state: 'shown' }],
    ['13 months back leaves', { month: '2025-11', complete: true }, '2026-11-24', { state: 'expired', on: '2026-11-01' }],
    ['across the year end', { month: '2026-01', complete: true }, '2026-12-29', { state: 'shown' }],
    ['incomplete import never public', { month: '2026-10', complete: false }, '2026-11-24', { state: 'hidden' }],
    ['withdrawn', { month: '2026-10', complete: true, withdrawnOn: '2026-11-20' }, '2026-11-24', { state: 'withdrawn', on: '2026-11-20', noteListed: true }],
  ] as const)('%s', (_what, list, asOf, out) => expect(listVisibility(list, asOf, rules)).toEqual(out))

  it.each([
    ['2026-11-24', 12, '2025-12'],
    ['2026-11-24', 1, '2026-11'],
    ['2027-01-05', 3, '2026-11'],
  ])('oldest month on %s keeping %i months is %s', (asOf, months, out) => expect(oldestListMonth(asOf, { ...rules, listRetentionMonths: months })).toBe(out))
})

describe('withdrawal notes and series', () => {
  it.each([
    ['公示名单有误。', '公示名单有误。'],
    ['  重复发布  ', '重复发布'],
    [null, '已撤回'],
    ['   ', '已撤回'],
  ])('reason %j → %j', (reason, out) => expect(withdrawalNote('list', '标题', '2026-11-01', reason).reason).toBe(out))

  it('series are kind, programme and region', () => {
    expect(seriesKey({ kind: 'disbursement', programme: 'p1', region: 'r1' })).toBe('disbursement|p1|r1')
    expect(seriesKey({ kind: 'approved', programme: 'p1', region: 'r1' })).not.toBe(seriesKey({ kind: 'disbursement', programme: 'p1', region: 'r1' }))
  })
})

describe('publicCategory', () => {
  it.each([
    ['重度残疾人单独施保', true, '重度残疾人单独施保'],
    ['突发脑溢血住院治疗', false, '因病'],
    ['房屋遭洪水冲毁', false, '因灾'],
    ['  A类  ', true, 'A类'],
    ['', true, null],
    [null, false, null],
  ] as const)('%j (publicity before approval: %s) → %j', (raw, publicityRequired, out) => expect(publicCategory(raw, { publicityRequired })).toBe(out))
})

describe('suppressSmallCount', () => {
  it.each([
    [0, 3, 0],
    [1, 3, null],
    [2, 3, null],
    [3, 3, 3],
    [130, 3, 130],
    [4, 5, null],
    [5, 5, 5],
  ])('%i (threshold %i) → %s', (n, t, out) => expect(suppressSmallCount(n, t)).toBe(out))

  it('default threshold is 3', () => {
    expect(suppressSmallCount(2)).toBeNull()
    expect(suppressSmallCount(3)).toBe(3)
  })

  it.each([-1, 1.5, Number.NaN])('rejects %s', (n) => expect(() => suppressSmallCount(n)).toThrow(RangeError))
})

describe('figures', () => {
  it('sums in fen', () => {
    expect(figuresOf([{ householdSize: 2, amount: 0.1 }, { householdSize: 1, amount: 0.2 }])).toEqual({ households: 2, persons: 3, amount: 0.3 })
    expect(figuresOf([])).toEqual({ households: 0, persons: 0, amount: 0 })
  })

  it('village figures come from the same rows and say how many villages are below the threshold', () => {
    const rows = [
      { villageCode: 'B', householdSize: 2, amount: 300 },
      { villageCode: 'A', householdSize: 3, amount: 450 },
      { villageCode: 'A', householdSize: 1, amount: 150 },
      { villageCode: 'A', householdSize: 2, amount: 300 },
    ]
    const { byVillage, suppressed } = villageFigures(rows, 3)
    expect(byVillage).toEqual([
      { villageCode: 'A', households: 3, persons: 6, amount: 900 },
      { villageCode: 'B', households: null, persons: null, amount: null },
    ])
    expect(suppressed).toBe(1)
    expect(villageFigures(rows, 1).suppressed).toBe(0)
    expect(villageFigures(rows, 4).byVillage.every((v) => v.households === null)).toBe(true)
  })

  it('monthly statistics prefer the disbursement list of a month and place', () => {
    const t = (households: number) => ({ households, persons: households * 2, amount: households * 100 })
    const stats = monthlyStatistics([
      { kind: 'approved', month: '2026-10', programmeCode: 'p', regionCode: 'r', totals: t(5) },
      { kind: 'disbursement', month: '2026-10', programmeCode: 'p', regionCode: 'r', totals: t(4) },
      { kind: 'approved', month: '2026-10', programmeCode: 'p', regionCode: 'r2', totals: t(7) },
      { kind: 'approved', month: '2026-09', programmeCode: 'p', regionCode: 'r', totals: t(3) },
    ])
    expect(stats.map((s) => [s.month, s.regionCode, s.households])).toEqual([['2026-09', 'r', 3], ['2026-10', 'r', 4], ['2026-10', 'r2', 7]])
  })

  const S = (month: string, programmeCode: string, regionCode: string, households: number): MonthlyStat => ({ month, programmeCode, regionCode, households, persons: households, amount: households * 10 })
  const stats = [S('2026-09', 'a', 't1', 10), S('2026-09', 'a', 't2', 5), S('2026-10', 'a', 't1', 11), S('2026-10', 'b', 't1', 2)]
  it.each([
    ['all places published', '2026-09', { programmeCode: 'a' }, { published: true, households: 15, persons: 15, amount: 150, places: 2, missing: [] }],
    ['one place missing is named', '2026-10', { programmeCode: 'a' }, { published: true, households: 11, persons: 11, amount: 110, places: 1, missing: ['a|t2'] }],
    ['a month without any list is 未公布, not 0', '2026-09', { programmeCode: 'b' }, { published: false }],
    ['a month outside the data is 未公布', '2026-08', {}, { published: false }],
    ['a town across programmes', '2026-10', { regionCodes: new Set(['t1']) }, { published: true, households: 13, persons: 13, amount: 130, places: 2, missing: [] }],
  ] as const)('areaFigure: %s', (_what, month, filter, out) => expect(areaFigure(stats, month, filter)).toEqual(out))
})

describe('monthly disclosure state (每月5日前公开上月情况)', () => {
  const cal = defaultWorkCalendar()
  it.each([
    ['published on time', '2026-10', '2026-11-03', '2026-11-24', { dueOn: '2026-11-05', state: '已完成', lateDays: 0 }],
    ['published on the 5th', '2026-10', '2026-11-05', '2026-11-24', { dueOn: '2026-11-05', state: '已完成', lateDays: 0 }],
    ['published late', '2026-10', '2026-11-07', '2026-11-24', { dueOn: '2026-11-05', state: '已完成', lateDays: 2 }],
    ['overdue', '2026-10', null, '2026-11-08', { dueOn: '2026-11-05', state: '已逾期', lateDays: 3 }],
    ['not due yet', '2026-11', null, '2026-11-24', { dueOn: '2026-12-05', state: '未到期', lateDays: 0 }],
    ['due soon (two working days)', '2026-11', null, '2026-12-03', { dueOn: '2026-12-05', state: '即将到期', lateDays: 0 }],
    ['due day itself', '2026-11', null, '2026-12-05', { dueOn: '2026-12-05', state: '即将到期', lateDays: 0 }],
    ['December list, due in January', '2026-12', null, '2026-12-29', { dueOn: '2027-01-05', state: '未到期', lateDays: 0 }],
  ] as const)('%s', (_what, month, publishedOn, today, out) => expect(monthlyDisclosureState(cal, month, publishedOn, today)).toEqual(out))

  it('without a calendar, "soon" is three calendar days', () => {
    expect(monthlyDisclosureState(null, '2026-11', null, '2026-12-02').state).toBe('即将到期')
    expect(monthlyDisclosureState(null, '2026-11', null, '2026-12-01').state).toBe('未到期')
  })

  it('lists the last three months for every place that publishes disbursement lists', () => {
    const lists = [
      { kind: 'disbursement' as const, month: '2026-10', programmeCode: 'p', regionCode: 'r', publishedOn: '2026-11-03' },
      { kind: 'disbursement' as const, month: '2026-08', programmeCode: 'p', regionCode: 'r', publishedOn: '2026-09-08' },
      { kind: 'approved' as const, month: '2026-10', programmeCode: 'q', regionCode: 'r', publishedOn: '2026-11-03' },
    ]
    const out = monthlyDisclosures(lists, '2026-11-24', cal)
    expect(out.map((d) => [d.month, d.state, d.lateDays])).toEqual([['2026-10', '已完成', 0], ['2026-09', '已逾期', 50], ['2026-08', '已完成', 3]])
  })
})

describe('official contacts: structured, validated bureau fields only', () => {
  it.each([
    ['0999-6123456', ['09996123456']],
    ['(0571) 8765 4321', ['057187654321']],
    ['0571-87654321 转 8001', ['057187654321']],
    ['0999-6123456、0999-6123400', ['09996123456', '09996123400']],
    ['12345', ['12345']],
    ['12349；0999-6123456', ['12349', '09996123456']],
    ['400-123-4567', ['4001234567']],
    ['13812345678', ['13812345678']],
    ['0000-1234567', ['00001234567']], // the settings' placeholder numbers are phone-shaped
    ['村民李四 139 1234 5678', null],
    ['请拨打0999-6123456', null],
    ['0999-6123456（张主任）', null],
    ['', null],
    [null, null],
  ] as const)('phone field %j → %j', (field, out) => expect(parsePhoneNumbers(field)).toEqual(out))

  it.each([
    ['清河县人民路88号县民政局一楼社会救助窗口', true],
    ['户籍所在地乡镇人民政府（街道办事处）便民服务中心社会救助窗口', true],
    ['清河县民政局社会救助股', true],
    ['新华村村民委员会', true], // a committee's name, not a villager (issue 15: village pages)
    ['东街社区居民委员会便民服务站', true],
    ['村民王大山家中', false],
    ['新华村村民委员会旁村民王大山家', false],
    ['城关镇人民路12号', false], // a door number without an office
    ['村民李四家，人民路12号', false],
    ['民政局 电话 0999-6123456', false], // a phone is not an address
    ['县民政局，户主王五住幸福路3号', false],
    ['', false],
  ] as const)('office address %j → %s', (field, ok) => expect(isOfficeAddress(field)).toBe(ok))

  it('collects only fields that validate, never a notice’s free text', () => {
    const contacts = officialContacts([
      { consultPhone: '0999-6123456', supervisePhone: '村民李四 13912345678', address: '清河县人民路88号县民政局', complaintAddress: '李四家' },
      { consultPhone: '0999-6123456', place: '人民路12号' },
    ])
    expect(contacts).toEqual(['0999-6123456', '清河县人民路88号县民政局'])
  })
})
