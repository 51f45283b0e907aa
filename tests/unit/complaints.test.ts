import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { defaultWorkCalendar } from '../../cms/domain/calendar'
import { complaintDeadlines, DEFAULT_LIMITS, dueState, type CategoryLimits } from '../../cms/domain/complaintDeadlines'
import {
  formatTrackingCode,
  generateQueryPassword,
  generateTrackingCode,
  hasReadAloudCheck,
  hashQueryPassword,
  isValidTrackingCode,
  normaliseTrackingCode,
  verifyQueryPassword,
} from '../../cms/domain/trackingCode'

describe('tracking codes', () => {
  it('are 13 symbols from the read-aloud alphabet (check symbol included), and never repeat in 20,000 draws', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 20_000; i++) {
      const c = generateTrackingCode()
      expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{13}$/)
      expect(isValidTrackingCode(c)).toBe(true)
      expect(hasReadAloudCheck(c)).toBe(true)
      seen.add(c)
    }
    expect(seen.size).toBe(20_000)
  })

  it('the check symbol catches every single mistyped symbol and every swap of two different symbols', () => {
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
    for (const seed of ['fixed', 'another', 'third']) {
      const code = generateTrackingCode((n) => crypto.createHash('sha256').update(seed).digest().subarray(0, n))
      for (let i = 0; i < 13; i++) {
        for (const ch of alphabet) {
          if (ch === code[i]) continue
          expect(hasReadAloudCheck(code.slice(0, i) + ch + code.slice(i + 1))).toBe(false)
        }
        for (let j = i + 1; j < 13; j++) {
          if (code[i] === code[j]) continue
          const swapped = [...code]
          ;[swapped[i], swapped[j]] = [swapped[j], swapped[i]]
          expect(hasReadAloudCheck(swapped.join(''))).toBe(false)
        }
      }
    }
  })

  it('codes issued before (Crockford mod-37 check, ending in * ~ $ = U or a letter/digit) stay valid', () => {
    // Computed with the old generator: body + mod-37 check symbol.
    const legacy = (body: string) => {
      let mod = 0
      for (const ch of body) mod = (mod * 32 + '0123456789ABCDEFGHJKMNPQRSTVWXYZ'.indexOf(ch)) % 37
      return body + '0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U'[mod]
    }
    const bodies = ['K7M2Q9XP4RTB', '000000000000', 'ZZZZZZZZZZZZ', 'ABCDEFGHJKMN', '0123456789AB', 'PQRSTVWXYZ01']
    const symbols = new Set<string>()
    for (let k = 0; symbols.size < 37 && k < 5000; k++) {
      const body = crypto.createHash('sha256').update(String(k)).digest().subarray(0, 12).reduce((a, b) => a + '0123456789ABCDEFGHJKMNPQRSTVWXYZ'[b & 31], '')
      bodies.push(body)
      symbols.add(legacy(body)[12])
    }
    expect(symbols.size).toBe(37)
    for (const b of bodies) {
      expect(isValidTrackingCode(legacy(b))).toBe(true)
      expect(isValidTrackingCode(formatTrackingCode(legacy(b)).toLowerCase())).toBe(true)
    }
    // a wrong check symbol under both rules is refused
    const b = 'K7M2Q9XP4RTB'
    const wrong = [...'0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U'].find((ch) => b + ch !== legacy(b) && !hasReadAloudCheck(b + ch))!
    expect(isValidTrackingCode(b + wrong)).toBe(false)
  })

  it('accept what people type: lower case, dashes, spaces, O for 0, I/L for 1', () => {
    const code = generateTrackingCode()
    const typed = formatTrackingCode(code).toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l').replace(/-/g, ' ')
    expect(normaliseTrackingCode(typed)).toBe(code)
    expect(isValidTrackingCode(typed)).toBe(true)
    expect(isValidTrackingCode('')).toBe(false)
    expect(isValidTrackingCode('ABCDEFGHJKMN')).toBe(false)
  })

  it('query passwords are 8 digits, stored only as a hash that verifies', async () => {
    const pw = generateQueryPassword()
    expect(pw).toMatch(/^\d{8}$/)
    const stored = await hashQueryPassword(pw)
    expect(stored).not.toContain(pw)
    expect(stored).toMatch(/^scrypt\$4096\$/)
    expect(await verifyQueryPassword(pw, stored)).toBe(true)
    expect(await verifyQueryPassword(pw.replace(/^./, (d) => String((Number(d) + 1) % 10)), stored)).toBe(false)
  })
})

describe('complaint deadlines', () => {
  const cal = defaultWorkCalendar()
  const working: CategoryLimits = { acknowledgeDays: 5, acknowledgeUnit: 'working', resolveDays: 15, resolveUnit: 'working', extensionDays: 10 }
  const cases: { name: string; args: Parameters<typeof complaintDeadlines>[1]; ack: string; resolve: string; paused?: number }[] = [
    { name: 'defaults: 15 and 60 calendar days', args: { receivedOn: '2026-03-02', limits: DEFAULT_LIMITS, today: '2026-03-02' }, ack: '2026-03-17', resolve: '2026-05-06' },
    { name: 'a calendar limit ending on a Sunday moves to Monday', args: { receivedOn: '2026-03-07', limits: DEFAULT_LIMITS, today: '2026-03-07' }, ack: '2026-03-23', resolve: '2026-05-06' },
    { name: 'working days across the National Day holiday', args: { receivedOn: '2026-09-28', limits: working, today: '2026-09-28' }, ack: '2026-10-10', resolve: '2026-10-23' }, // 10-10 is a make-up Saturday
    { name: 'one extension of 10 working days', args: { receivedOn: '2026-03-02', limits: working, extended: true, today: '2026-03-02' }, ack: '2026-03-09', resolve: '2026-04-07' }, // Qingming: 4–6 April off
    { name: 'stop-the-clock for 5 working days moves both dates', args: { receivedOn: '2026-03-02', limits: working, pauses: [{ from: '2026-03-04', to: '2026-03-11' }], today: '2026-03-20' }, ack: '2026-03-16', resolve: '2026-03-30', paused: 5 },
    { name: 'an open pause counts up to today', args: { receivedOn: '2026-03-02', limits: working, pauses: [{ from: '2026-03-04' }], today: '2026-03-06' }, ack: '2026-03-11', resolve: '2026-03-25', paused: 2 },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const d = complaintDeadlines(cal, c.args)
      expect([d.acknowledgeDue, d.resolveDue]).toEqual([c.ack, c.resolve])
      if (c.paused !== undefined) expect(d.pausedDays).toBe(c.paused)
    })
  }

  it('due states', () => {
    expect(dueState('2026-03-10', '2026-03-01')).toBe('onTime')
    expect(dueState('2026-03-10', '2026-03-08')).toBe('dueSoon')
    expect(dueState('2026-03-10', '2026-03-10')).toBe('dueSoon')
    expect(dueState('2026-03-10', '2026-03-11')).toBe('overdue')
  })
})

describe('complaint deadlines in a year whose holidays are not entered', () => {
  it('computes every date, marking as provisional only those that reach into the unpublished year', () => {
    const d = complaintDeadlines(defaultWorkCalendar(), { receivedOn: '2026-12-01', limits: DEFAULT_LIMITS, today: '2026-12-01' })
    expect(d.acknowledgeDue).toBe('2026-12-16')
    expect(d.acknowledgeProvisional).toBe(false)
    expect(d.resolveDue).toBe('2027-02-01') // 60 days = 2027-01-30, a Saturday → Monday
    expect(d.resolveProvisional).toBe(true)
    expect(d.warning).toBe('截止日期暂按法定节假日推算，国务院公布安排后自动复核。')
  })

  it('15 working days from 2026-12-11 cross into 2027 and skip the statutory 元旦', () => {
    const limits: CategoryLimits = { acknowledgeDays: 5, acknowledgeUnit: 'working', resolveDays: 15, resolveUnit: 'working', extensionDays: 10 }
    const d = complaintDeadlines(defaultWorkCalendar(), { receivedOn: '2026-12-11', limits, today: '2026-12-11' })
    expect(d).toMatchObject({ acknowledgeDue: '2026-12-18', acknowledgeProvisional: false, resolveDue: '2027-01-04', resolveProvisional: true })
  })

  it('nothing is provisional inside published years', () => {
    const d = complaintDeadlines(defaultWorkCalendar(), { receivedOn: '2026-03-02', limits: DEFAULT_LIMITS, today: '2026-03-02' })
    expect([d.acknowledgeProvisional, d.resolveProvisional, d.warning]).toEqual([false, false, null])
  })
})
