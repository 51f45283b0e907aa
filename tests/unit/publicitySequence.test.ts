import { describe, expect, it } from 'vitest'
import { createWorkCalendar, defaultWorkCalendar } from '../../cms/domain/calendar'
import { DEFAULT_STAGES } from '../../cms/domain/publicity'
import { explainPublicityEnd, longDate, nextStageOf, nextStageTitle, placedStageSequenceProblems, stageSequenceProblems, type SequenceNotice } from '../../cms/domain/publicitySequence'


const week = { days: 7, unit: 'calendar' as const }

describe('explainPublicityEnd (end date with year, weekday and reason)', () => {
  const cal = defaultWorkCalendar()
  const cases: { posted: string; endsOn: string; text: RegExp }[] = [
    { posted: '2026-11-02', endsOn: '2026-11-09', text: /^自2026年11月2日（周一）张贴次日起算 7 天，截止2026年11月9日（周一）。$/ },
    { posted: '2026-11-07', endsOn: '2026-11-16', text: /第 7 天11月14日为周六，顺延至11月16日（周一），截止2026年11月16日（周一）。$/ },
    { posted: '2026-09-29', endsOn: '2026-10-08', text: /第 7 天10月6日为国庆节假期，顺延至10月8日（周四）/ },
    { posted: '2026-04-28', endsOn: '2026-05-06', text: /第 7 天5月5日为劳动节假期，顺延至5月6日（周三）/ },
  ]
  for (const c of cases) {
    it(`posted ${c.posted}`, () => {
      const r = explainPublicityEnd(cal, c.posted, week)
      expect(r.endsOn).toBe(c.endsOn)
      expect(r.text).toMatch(c.text)
    })
  }
  it('working days are counted as such', () => {
    expect(explainPublicityEnd(cal, '2026-11-06', { days: 7, unit: 'working' }).text).toBe('自2026年11月6日（周五）张贴次日起算 7 个工作日，截止2026年11月17日（周二）。')
  })
  it('a year not entered yet says the end is provisional', () => {
    const bare = createWorkCalendar([], [2026])
    const r = explainPublicityEnd(bare, '2026-12-28', week)
    expect(r.endsOn).toBe('2027-01-04')
    expect(r.provisional).toBe(true)
    expect(r.text).toContain('2027年节假日安排尚未公布，截止日期暂定')
  })
  it('longDate has year and weekday', () => expect(longDate('2026-12-14')).toBe('2026年12月14日（周一）'))
})

describe('stageSequenceProblems (三榜 as one matter)', () => {
  const stages = DEFAULT_STAGES
  const n = (over: Partial<SequenceNotice>): SequenceNotice => ({ id: 'n2', stage: 'township', programme: 'p', postedOn: '2026-11-10', ...over })
  const prev = (over: Partial<SequenceNotice> = {}): SequenceNotice => ({ id: 'n1', stage: 'village', programme: 'p', postedOn: '2026-11-02', endsOn: '2026-11-09', published: true, ...over })
  const cases: { name: string; notice: SequenceNotice; previous: SequenceNotice | null; opts?: { publishing?: boolean; today?: string }; expect: RegExp[] }[] = [
    { name: 'a first stage without previous is fine', notice: n({ stage: 'village' }), previous: null, expect: [] },
    { name: 'the next stage posted the day after the previous ended is fine', notice: n({}), previous: prev(), expect: [] },
    { name: 'itself as previous', notice: n({ id: 'n1' }), previous: prev(), expect: [/不能选本公示自己/] },
    { name: 'posted inside the previous stage’s period', notice: n({ postedOn: '2026-11-05' }), previous: prev(), expect: [/张贴日期 2026年11月5日（周四） 不在上一阶段公示结束之后.*改为 2026年11月10日（周二） 或以后/] },
    { name: 'posted before the previous even started', notice: n({ postedOn: '2026-10-20' }), previous: prev(), expect: [/不在上一阶段公示结束之后/] },
    { name: 'stage order: county right after village', notice: n({ stage: 'county' }), previous: prev(), expect: [/上一榜应为“乡镇\(街道\)审核后公示”，所选上一阶段公示是“村\(居\)民主评议后公示”/] },
    { name: 'a first stage with a previous', notice: n({ stage: 'village' }), previous: prev(), expect: [/第一榜/, /顺序|不在上一阶段/].slice(0, 1) },
    { name: 'another programme', notice: n({}), previous: prev({ programme: 'q' }), expect: [/另一个救助类别/] },
    { name: 'publishing while the previous runs', notice: n({}), previous: prev(), opts: { publishing: true, today: '2026-11-09' }, expect: [/2026年11月9日（周一） 才截止.*2026年11月10日（周二） 或以后发布/] },
    { name: 'publishing after the previous ended', notice: n({}), previous: prev(), opts: { publishing: true, today: '2026-11-10' }, expect: [] },
    { name: 'publishing before the previous was published', notice: n({}), previous: prev({ published: false }), opts: { publishing: true, today: '2026-11-12' }, expect: [/尚未发布/] },
  ]
  // Each problem names the field the admin marks: the choice of previous stage, the posting date, or none (the publish).
  const fields: { name: string; notice: SequenceNotice; previous: SequenceNotice; opts?: { publishing?: boolean; today?: string }; field: string | null }[] = [
    { name: 'itself as previous', notice: n({ id: 'n1' }), previous: prev(), field: 'previousNotice' },
    { name: 'another programme', notice: n({}), previous: prev({ programme: 'q' }), field: 'previousNotice' },
    { name: 'stage order', notice: n({ stage: 'county' }), previous: prev(), field: 'previousNotice' },
    { name: 'overlap', notice: n({ postedOn: '2026-11-05' }), previous: prev(), field: 'postedOn' },
    { name: 'publishing too early', notice: n({}), previous: prev(), opts: { publishing: true, today: '2026-11-09' }, field: null },
  ]
  for (const c of fields) {
    it(`${c.name} is placed on ${c.field ?? 'the toast'}`, () => {
      const got = placedStageSequenceProblems(c.notice, c.previous, stages, c.opts)
      expect(got.map((p) => p.field)).toEqual([c.field])
    })
  }
  for (const c of cases) {
    it(c.name, () => {
      const got = stageSequenceProblems(c.notice, c.previous, stages, c.opts)
      expect(got).toHaveLength(c.expect.length)
      c.expect.forEach((re, i) => expect(got[i]).toMatch(re))
    })
  }
})

describe('next stage', () => {
  it('follows the configured order and ends after the last', () => {
    expect(nextStageOf(DEFAULT_STAGES, 'village')?.key).toBe('township')
    expect(nextStageOf(DEFAULT_STAGES, 'county')).toBeNull()
    expect(nextStageOf([{ key: 'single' }], 'single')).toBeNull()
  })
  it('gets its own title', () => {
    const [v, t] = DEFAULT_STAGES
    expect(nextStageTitle('关于甲村农村低保拟纳入对象的公示（村级）', v, t)).toBe('关于甲村农村低保拟纳入对象的公示（乡镇级）')
    expect(nextStageTitle('甲村村(居)民主评议后公示', v, t)).toBe('甲村乡镇(街道)审核后公示')
    expect(nextStageTitle('第4批拟纳入对象', v, t)).toBe('第4批拟纳入对象（乡镇(街道)审核后公示）')
  })
})
