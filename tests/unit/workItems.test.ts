import { describe, expect, it } from 'vitest'
import { calendarEntriesFromChineseDays, createWorkCalendar, defaultWorkCalendar } from '../../cms/domain/calendar'
import { calendarWarningFor, digestText, disclosureItem, type WorkItems } from '../../cms/ops/workItems'
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

describe('the admins\' reminder to enter the holiday schedule', () => {
  const upTo2026 = defaultWorkCalendar()
  const upTo2027 = createWorkCalendar(calendarEntriesFromChineseDays([2026]), [2026, 2027])
  it.each([
    [upTo2026, '2026-09-30', null],
    [upTo2026, '2026-10-01', /^2027年的节假日安排尚未录入。国务院办公厅公布后/],
    [upTo2026, '2026-12-29', /^2027年的节假日安排尚未录入。/],
    [upTo2026, '2027-02-10', /^2027年的节假日安排尚未录入，今年的公示截止日期和办理期限都在按法定节假日暂定计算/],
    [upTo2027, '2026-12-29', null],
    [upTo2027, '2027-10-08', /^2028年的节假日安排尚未录入。/],
  ] as const)('%#: on %s', (cal, today, expected) => {
    const w = calendarWarningFor(cal, today)
    if (expected === null) expect(w).toBeNull()
    else expect(w).toMatch(expected)
  })
})

describe('digest: provisional dates and recomputations', () => {
  const empty: WorkItems = { today: '2026-12-29', disclosures: [], noticesEndingSoon: [], noticesWithObjections: [], complaintsOverdue: [], complaintsDueSoon: [], calendarWarning: null, release: null }
  it('marks a provisional date 暂定 and tells the editor to correct the village board after a recomputation', () => {
    const text = digestText(
      {
        ...empty,
        noticesEndingSoon: [{ id: '1', title: '甲村公示', endsOn: '2027-01-04', daysLeft: 3, provisional: true }],
        noticeRevisions: [{ id: '2', title: '乙村公示', from: '2027-01-04', to: '2027-01-05', on: '2026-12-29' }],
        complaintRevisions: [{ id: '3', code: 'ABCD', revision: '办结期限由 2027-01-19 调整为 2027-01-20（已按国务院公布的节假日安排复核）', on: '2026-12-29' }],
      },
      '测试',
    )!
    expect(text).toContain('- 甲村公示：2027-01-04（暂定） 结束（剩 3 天）')
    expect(text).toContain('- 乙村公示：截止日期由 2027-01-04 改为 2027-01-05，请同步更正村务公开栏的公示。')
    expect(text).toContain('- ABCD：办结期限由 2027-01-19 调整为 2027-01-20')
  })
})
