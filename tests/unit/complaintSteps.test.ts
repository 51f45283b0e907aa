import { describe, expect, it } from 'vitest'
import { complaintSteps, fillReplyTemplate } from '../../cms/domain/complaintSteps'

// The desk offers only the steps valid from the saved state, each with what it needs written.
describe('complaintSteps (next-step buttons)', () => {
  const cases: { state: Parameters<typeof complaintSteps>[0]; steps: string[] }[] = [
    { state: { status: 'received' }, steps: ['受理:', '不予受理:statusReason', '转办:statusReason,transferTo', '延期:extensionReason', '暂停计时:pauseReason'] },
    { state: { status: 'accepted', extended: true }, steps: ['答复:publicReply', '转办:statusReason,transferTo', '暂停计时:pauseReason'] },
    { state: { status: 'accepted', clock: 'paused' }, steps: ['答复:publicReply', '转办:statusReason,transferTo', '延期:extensionReason', '恢复计时:'] },
    { state: { status: 'answered' }, steps: ['办结:', '重新办理:'] },
    { state: { status: 'notAccepted' }, steps: ['办结:'] },
    { state: { status: 'transferred', extended: false }, steps: ['办结:'] },
    { state: { status: 'closed' }, steps: [] },
    { state: {}, steps: ['受理:', '不予受理:statusReason', '转办:statusReason,transferTo', '延期:extensionReason', '暂停计时:pauseReason'] },
  ]
  for (const c of cases) {
    it(`${JSON.stringify(c.state)} → ${c.steps.map((s) => s.split(':')[0]).join(' / ') || 'nothing'}`, () => {
      expect(complaintSteps(c.state).map((s) => `${s.label}:${s.needs.join(',')}`)).toEqual(c.steps)
    })
  }
  it('each step sets what the save expects', () => {
    const byKey = Object.fromEntries(complaintSteps({ status: 'received' }).map((s) => [s.key, s.set]))
    expect(byKey).toEqual({ accept: { status: 'accepted' }, notAccept: { status: 'notAccepted' }, transfer: { status: 'transferred' }, extend: { extended: true }, pause: { clock: 'paused' } })
  })
})

describe('fillReplyTemplate', () => {
  const facts = { code: 'K7M2-Q9XA-3', receivedOn: '2026-12-01', category: '资格异议', resolveDue: '2026-12-22', today: '2026-12-10' }
  it.each([
    ['您反映的事项（查询码 {编号}，{收到日期}收到）已办结。', '您反映的事项（查询码 K7M2-Q9XA-3，2026-12-01收到）已办结。'],
    ['关于{类别}，我们将于{办结期限}前答复。', '关于资格异议，我们将于2026-12-22前答复。'],
    ['{今天}', '2026-12-10'],
    ['{不认识} 保留原样，{编号}', '{不认识} 保留原样，K7M2-Q9XA-3'],
  ])('%s', (body, filled) => expect(fillReplyTemplate(body, facts)).toBe(filled))
  it('a missing fact leaves its placeholder for the officer to fill', () => expect(fillReplyTemplate('{类别}', { code: 'X' })).toBe('{类别}'))
})
