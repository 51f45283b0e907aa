import { describe, expect, it } from 'vitest'
import { defaultWorkCalendar } from '../../cms/domain/calendar'
import { deadlineBadge, urgencyKey, type DeskItem } from '../../cms/domain/complaintDeadlines'

const cal = defaultWorkCalendar()

describe('deadlineBadge', () => {
  const cases: { name: string; item: DeskItem; today: string; badge: string }[] = [
    { name: 'working days left (weekend not counted)', item: { status: 'accepted', resolveDue: '2026-11-16' }, today: '2026-11-12', badge: '办结：剩 2 个工作日' },
    { name: 'National Day holiday not counted', item: { status: 'received', acknowledgeDue: '2026-10-09' }, today: '2026-09-30', badge: '告知受理：剩 2 个工作日' },
    { name: 'due today', item: { status: 'received', acknowledgeDue: '2026-11-12' }, today: '2026-11-12', badge: '告知受理：今天到期' },
    { name: 'overdue in calendar days', item: { status: 'accepted', resolveDue: '2026-11-09' }, today: '2026-11-12', badge: '办结：已超期 3 天' },
    { name: 'paused', item: { status: 'accepted', resolveDue: '2026-11-09', clock: 'paused' }, today: '2026-11-12', badge: '办结：暂停计时（等待补充材料）' },
    { name: 'answered: nothing due', item: { status: 'answered', resolveDue: '2026-11-09' }, today: '2026-11-12', badge: '' },
  ]
  for (const c of cases) it(c.name, () => expect(deadlineBadge(cal, c.item, c.today)).toBe(c.badge))
})

describe('urgencyKey', () => {
  it('open items by next due date first, then handled ones, latest received first', () => {
    const items = [
      { id: 'closed-old', status: 'closed', receivedAt: '2026-09-01T02:00:00.000Z' },
      { id: 'late', status: 'accepted', resolveDue: '2026-11-01', receivedAt: '2026-08-01T02:00:00.000Z' },
      { id: 'closed-new', status: 'answered', receivedAt: '2026-11-01T02:00:00.000Z' },
      { id: 'soon', status: 'received', acknowledgeDue: '2026-11-20', receivedAt: '2026-11-05T02:00:00.000Z' },
    ]
    const sorted = [...items].sort((a, b) => (urgencyKey(a) < urgencyKey(b) ? -1 : 1)).map((i) => i.id)
    expect(sorted).toEqual(['late', 'soon', 'closed-new', 'closed-old'])
  })
})
