import { describe, expect, it } from 'vitest'
import { diffLists, householdChanges, isConfirmReason, plausibilityWarnings, type HouseholdLine } from '../../cms/domain/listChanges'

const h = (key: string, name: string, village: string, householdSize: number, amount: number): HouseholdLine => ({ key, name, village, householdSize, amount })

describe('householdChanges (新增 / 停保 / 调整 per household)', () => {
  const prev = [h('a', '张三', '东村', 2, 600), h('b', '李四', '西村', 1, 300), h('c', '王五', '东村', 3, 450), h('d', '赵六', '东村', 4, 800)]
  const curr = [h('a', '张三', '东村', 2, 650), h('c', '王五', '东村', 2, 450), h('d', '赵六', '东村', 4, 800), h('e', '欧阳娜娜', '西村', 5, 1000)]

  it('names each household with old → new persons and amount, removals first', () => {
    expect(householdChanges(prev, curr)).toEqual([
      { kind: '停保', name: '李四', village: '西村', before: { persons: 1, amount: 300 }, after: null },
      { kind: '新增', name: '欧阳娜娜', village: '西村', before: null, after: { persons: 5, amount: 1000 } },
      { kind: '调整', name: '王五', village: '东村', before: { persons: 3, amount: 450 }, after: { persons: 2, amount: 450 } },
      { kind: '调整', name: '张三', village: '东村', before: { persons: 2, amount: 600 }, after: { persons: 2, amount: 650 } },
    ])
  })

  it('agrees with the counts of diffLists for 新增 and 停保', () => {
    const rows = householdChanges(prev, curr)
    const counts = diffLists(prev, curr)
    expect(rows.filter((r) => r.kind === '新增').length).toBe(counts.added.households)
    expect(rows.filter((r) => r.kind === '停保').length).toBe(counts.stopped.households)
  })

  it('an unchanged household is not listed; amounts compare to the cent', () => {
    expect(householdChanges([h('a', '甲', '村', 1, 0.3)], [h('a', '甲', '村', 1, 0.1 + 0.2)])).toEqual([])
  })

  it('a household keeps its own village and name on each side (renamed head shows the new name)', () => {
    expect(householdChanges([h('a', '甲', '东村', 1, 100)], [h('a', '乙', '东村', 1, 120)])[0]).toMatchObject({ name: '乙', before: { amount: 100 }, after: { amount: 120 } })
  })
})

describe('plausibilityWarnings', () => {
  const stopped = (households: number) => ({ stopped: { households, persons: households } })
  const cases: { name: string; prev: Parameters<typeof plausibilityWarnings>[0]; curr: Parameters<typeof plausibilityWarnings>[1]; stoppedN: number; codes: string[] }[] = [
    { name: 'the issue’s case: 20 rows replace 62 households, 47 stopped, amount −70 %', prev: { month: '2026-10', households: 62, amount: 20_000 }, curr: { households: 20, amount: 6_000 }, stoppedN: 47, codes: ['plausibility.stopped', 'plausibility.amount'] },
    { name: 'an ordinary month: 2 of 62 stopped, amount +3 %', prev: { month: '2026-10', households: 62, amount: 20_000 }, curr: { households: 63, amount: 20_600 }, stoppedN: 2, codes: [] },
    { name: 'exactly 15 % stopped and exactly 20 % less is not above the threshold', prev: { month: '2026-10', households: 20, amount: 10_000 }, curr: { households: 17, amount: 8_000 }, stoppedN: 3, codes: [] },
    { name: 'just above 15 %', prev: { month: '2026-10', households: 100, amount: 10_000 }, curr: { households: 84, amount: 9_000 }, stoppedN: 16, codes: ['plausibility.stopped'] },
    { name: 'a rise above 20 % (new standard) also asks for a reason', prev: { month: '2026-10', households: 10, amount: 1_000 }, curr: { households: 10, amount: 1_250 }, stoppedN: 0, codes: ['plausibility.amount'] },
    { name: 'a village disappearing', prev: { month: '2026-10', households: 10, amount: 1_000, villages: ['东村', '西村', '南村'] }, curr: { households: 10, amount: 1_000, villages: ['东村'] }, stoppedN: 1, codes: ['plausibility.village'] },
    { name: 'no previous households or amount: nothing to compare', prev: { month: '2026-10', households: 0, amount: 0 }, curr: { households: 10, amount: 1_000 }, stoppedN: 0, codes: [] },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const w = plausibilityWarnings(c.prev, c.curr, stopped(c.stoppedN))
      expect(w.map((x) => x.code)).toEqual(c.codes)
      for (const x of w) expect(x.message).toMatch(/请/)
    })
  }

  it('says the numbers and what to do, in Chinese', () => {
    const [s, a] = plausibilityWarnings({ month: '2026-10', households: 62, amount: 20_000 }, { households: 20, amount: 6_000 }, stopped(47))
    expect(s.message).toContain('停保 47 户，占上月 62 户的 76%')
    expect(a.message).toContain('20,000.00 元变为 6,000.00 元，减少 70%')
    expect(plausibilityWarnings({ month: '2026-10', households: 1, amount: 1, villages: ['西村', '南村'] }, { households: 1, amount: 1, villages: [] }, stopped(0))[0].message).toContain('南村、西村')
  })

  it('a confirmation reason has at least 4 characters besides spaces', () => {
    expect(isConfirmReason('年度复核停保')).toBe(true)
    expect(isConfirmReason(' 好  的 ')).toBe(false)
    expect(isConfirmReason(undefined)).toBe(false)
  })
})
