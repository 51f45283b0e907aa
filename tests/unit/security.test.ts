import { describe, expect, it } from 'vitest'
import { accountGate } from '../../cms/access/accountGate'
import { clientAddressBehindProxy, parseProxyTrust } from '../../cms/domain/clientAddress'
import { passwordProblem } from '../../cms/domain/passwordPolicy'
import { reviewDecision, type ReviewInput } from '../../cms/domain/twoPerson'

describe('two-person rule (reviewDecision)', () => {
  const base = { actorId: 'r1', lastEditorId: 'e1' }
  const cases: [string, Omit<ReviewInput, 'actorId'> & { actorId?: string }, boolean | RegExp][] = [
    ['a reviewer publishes an editor’s draft', { action: 'publish', actorRoles: ['reviewer'], lastEditorId: 'e1' }, true],
    ['an editor cannot publish', { action: 'publish', actorRoles: ['editor'], lastEditorId: 'e2' }, /经办人不能直接发布/],
    ['nobody publishes their own edit', { action: 'publish', actorRoles: ['reviewer'], lastEditorId: 'r1' }, /最后修改此内容的是您本人/],
    ['an admin with a reason may', { action: 'publish', actorRoles: ['admin'], lastEditorId: 'r1', actorId: 'r1', reason: '审核人休假，紧急更正' }, true],
    ['a reason under 5 characters is not one', { action: 'publish', actorRoles: ['admin'], lastEditorId: 'r1', actorId: 'r1', reason: '急' }, /至少5个字/],
    ['no editing while publishing', { action: 'publish', actorRoles: ['reviewer'], lastEditorId: 'e1', changesContent: true }, /不能同时修改内容/],
    ['an editor cannot unpublish', { action: 'unpublish', actorRoles: ['editor'], lastEditorId: 'e9' }, /经办人不能撤销发布/],
    ['a reviewer takes down system-made content', { action: 'unpublish', actorRoles: ['reviewer'], lastEditorId: null }, true],
    ['but does not publish it unreviewed', { action: 'publish', actorRoles: ['reviewer'], lastEditorId: null }, /没有记录经办人/],
    ['an editor cannot delete published content', { action: 'delete', actorRoles: ['editor'], lastEditorId: 'e9' }, /经办人不能删除/],
    ['an editor cannot schedule', { action: 'schedule', actorRoles: ['editor'], lastEditorId: 'e9' }, /经办人不能安排定时发布/],
    ['a reviewer cannot schedule own edit', { action: 'schedule', actorRoles: ['reviewer'], lastEditorId: 'r1' }, /安排定时发布/],
    ['restoring never publishes directly', { action: 'restore', actorRoles: ['admin'], lastEditorId: 'e1' }, /恢复为草稿/],
    ['an editor cannot replace a published file', { action: 'replaceFile', actorRoles: ['editor'], lastEditorId: 'e1', detail: '政策法规“办法”' }, /政策法规“办法”/],
  ]
  for (const [why, input, expected] of cases) {
    it(why, () => {
      const d = reviewDecision({ ...base, ...input } as ReviewInput)
      if (expected === true) expect(d.ok).toBe(true)
      else expect(d.ok ? '' : d.message).toMatch(expected as RegExp)
    })
  }
})

describe('CMS client address (no socket under Next.js) by the trusted-proxy rule', () => {
  const loopback = parseProxyTrust('1', undefined)
  const twoHops = parseProxyTrust('2', '10.0.0.0/8')
  const cases: [string, string | null, ReturnType<typeof parseProxyTrust>, string | null][] = [
    ['no proxy declared: nothing, whatever the header says', '6.6.6.6', parseProxyTrust(undefined, undefined), null],
    ['one proxy: the entry it wrote, never the spoofed leftmost', '6.6.6.6, 203.0.113.9', loopback, '203.0.113.9'],
    ['two proxies: past the trusted inner one', '6.6.6.6, 203.0.113.9, 10.0.0.3', twoHops, '203.0.113.9'],
    ['two proxies, the inner one not trusted: stop there', '6.6.6.6, 203.0.113.9, 198.51.100.7', twoHops, '198.51.100.7'],
    ['ports are dropped', '203.0.113.9:5555', loopback, '203.0.113.9'],
    ['IPv6 in brackets', '[2001:db8::1]:443', loopback, '2001:db8::1'],
    ['IPv4-mapped IPv6', '::ffff:203.0.113.9', loopback, '203.0.113.9'],
    ['no header behind a proxy: nothing', null, loopback, null],
    ['garbage: nothing', 'not-an-address', loopback, null],
  ]
  for (const [why, header, trust, expected] of cases) it(why, () => expect(clientAddressBehindProxy(header, trust)).toBe(expected))
  it('reads TRUST_PROXY as the public server does, and refuses nonsense in Chinese', () => {
    expect([undefined, '', '0', 'no', '1', 'true', '2'].map((v) => parseProxyTrust(v, undefined).hops)).toEqual([0, 0, 0, 0, 1, 1, 2])
    expect(() => parseProxyTrust('99', undefined)).toThrow(/TRUST_PROXY/)
  })
})

describe('password policy', () => {
  const refused = ['abc', '12345678901', '123456789012', 'a1234567', 'qq123456', 'woaini1314520', 'aaaaaaaaaaaa', 'abcabcabcabc', 'Password1234!', 'qwertyuiop12', '1qaz2wsx3edc']
  for (const pw of refused) it(`refuses ${pw}`, () => expect(passwordProblem(pw)).toBeTruthy())
  it('refuses the account’s own e-mail name or name', () => {
    expect(passwordProblem('wangxiaoming-2026', { email: 'wangxiaoming@example.com' })).toMatch(/邮箱/)
    expect(passwordProblem('我是王小明今年也要继续加油', { name: '王小明' })).toMatch(/姓名/)
  })
  for (const pw of ['青山绿水-县民政局-2026', 'correct horse battery staple', 'Tq7#vL2m-Xp9w']) it(`accepts ${pw}`, () => expect(passwordProblem(pw)).toBeNull())
})

describe('account gate', () => {
  it('closes on a one-time password, then on a second factor not yet given in this session', () => {
    expect(accountGate({ collection: 'users', mustChangePassword: true })).toBe('changePassword')
    expect(accountGate({ collection: 'users', totpEnabled: true, twoFactorSessions: ['s1'], _sid: 's2' })).toBe('secondFactor')
    expect(accountGate({ collection: 'users', totpEnabled: true, twoFactorSessions: ['s1'], _sid: 's1' })).toBeNull()
    expect(accountGate({ collection: 'users' })).toBeNull()
    expect(accountGate(null)).toBeNull()
  })
  it('when 安全设置 requires a second factor, admins and reviewers without one must enrol first; others are not concerned', () => {
    const required = { twoFactorRequired: true }
    const cases: [Parameters<typeof accountGate>[0], ReturnType<typeof accountGate>][] = [
      [{ collection: 'users', roles: ['admin'] }, 'enrolSecondFactor'],
      [{ collection: 'users', roles: ['reviewer', 'editor'] }, 'enrolSecondFactor'],
      [{ collection: 'users', roles: ['editor'] }, null],
      [{ collection: 'users', roles: ['complaintOfficer'] }, null],
      [{ collection: 'users', roles: ['admin'], mustChangePassword: true }, 'changePassword'],
      [{ collection: 'users', roles: ['admin'], totpEnabled: true, twoFactorSessions: ['s1'], _sid: 's1' }, null],
      [{ collection: 'users', roles: ['admin'], totpEnabled: true, twoFactorSessions: [], _sid: 's1' }, 'secondFactor'],
    ]
    for (const [user, gate] of cases) {
      expect(accountGate(user, required), JSON.stringify(user)).toBe(gate)
      if (gate === 'enrolSecondFactor') expect(accountGate(user)).toBeNull()
    }
  })
})
