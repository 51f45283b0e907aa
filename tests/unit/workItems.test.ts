import { describe, expect, it } from 'vitest'
import { defaultWorkCalendar } from '../../cms/domain/calendar'
import { digestText, disclosureItem, type WorkItems } from '../../cms/ops/workItems'
import { monthOf, previousMonth } from '../../cms/domain/dates'

const cal = defaultWorkCalendar()

describe('monthly disclosure (每月5日前公开上月情况)', () => {
  const cases: [string, string | null, string, ReturnType<typeof disclosureItem>][] = [
    ['2026-10', '2026-11-03', '2026-11-20', { dueOn: '2026-11-05', state: '已完成', lateDays: 0 }],
    ['2026-10', '2026-11-08', '2026-11-20', { dueOn: '2026-11-05', state: '已完成', lateDays: 3 }],
    ['2026-10', null, '2026-11-02', { dueOn: '2026-11-05', state: '未到期', lateDays: 0 }],
    ['2026-10', null, '2026-11-03', { dueOn: '2026-11-05', state: '即将到期', lateDays: 0 }], // Tue: two working days left
    ['2026-10', null, '2026-11-06', { dueOn: '2026-11-05', state: '已逾期', lateDays: 1 }],
    // September's list is due 5 October, inside the National Day holiday: due-soon starts before the break.
    ['2026-09', null, '2026-09-29', { dueOn: '2026-10-05', state: '即将到期', lateDays: 0 }],
    ['2026-09', null, '2026-09-25', { dueOn: '2026-10-05', state: '未到期', lateDays: 0 }],
  ]
  for (const [month, published, today, expected] of cases) {
    it(`${month} list, published ${published ?? 'not yet'}, on ${today}`, () => expect(disclosureItem(cal, month, published, today)).toEqual(expected))
  }
  it('previous month wraps the year', () => {
    expect(previousMonth(monthOf('2027-01-03'))).toBe('2026-12')
    expect(previousMonth(monthOf('2026-11-24'))).toBe('2026-10')
  })
})

describe('daily digest', () => {
  const empty: WorkItems = { today: '2026-11-24', disclosures: [], noticesEndingSoon: [], noticesWithObjections: [], complaintsOverdue: [], complaintsDueSoon: [], calendarWarning: null, release: null }
  it('sends nothing when nothing is due', () => expect(digestText(empty, '张*')).toBeNull())
  it('lists what is late or due, per kind', () => {
    const text = digestText({ ...empty, disclosures: [{ programme: '城市低保', region: '城关街道', month: '2026-10', dueOn: '2026-11-05', state: '已逾期', publishedOn: null, lateDays: 19 }], complaintsOverdue: [{ id: '1', code: 'ABCD', due: '2026-11-20', what: '办结' }] }, '测试')!
    expect(text).toContain('城关街道 城市低保 2026-10：已逾期')
    expect(text).toContain('已超期：ABCD 办结期限 2026-11-20')
  })
})
