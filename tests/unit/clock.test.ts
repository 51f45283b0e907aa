import { afterEach, describe, expect, it } from 'vitest'
import { clockEnv, clockIsSet, now, nowMs, setClock, thisMonth, today } from '../../cms/domain/clock'
import { addMonths, dayOfStored, monthOf, previousMonth, storedDay } from '../../cms/domain/dates'

describe('the one clock', () => {
  afterEach(() => setClock(null))

  it('reads the wall clock in China time when not set', () => {
    expect(clockIsSet()).toBe(false)
    expect(Math.abs(nowMs() - Date.now())).toBeLessThan(50)
    expect(today()).toBe(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10))
  })

  it('can be set to a day (10:00 China time) and keeps running from there', async () => {
    setClock('2026-12-28')
    expect(today()).toBe('2026-12-28')
    expect(thisMonth()).toBe('2026-12')
    expect(now().toISOString()).toMatch(/^2026-12-28T02:00:0/)
    const a = nowMs()
    await new Promise((r) => setTimeout(r, 20))
    expect(nowMs()).toBeGreaterThan(a)
  })

  it('uses China time for the day: 23:30 UTC is already tomorrow', () => {
    setClock('2026-12-31T23:30:00Z')
    expect(today()).toBe('2027-01-01')
    setClock('2026-12-31T15:59:00Z')
    expect(today()).toBe('2026-12-31')
  })

  it('hands its setting to child processes', () => {
    expect(clockEnv()).toEqual({})
    setClock('2027-02-10')
    expect(clockEnv().CLOCK_AT).toMatch(/^2027-02-10T02:00/)
  })

  it('refuses a setting it cannot read, in Chinese', () => {
    expect(() => setClock('next tuesday')).toThrow(/时钟设置/)
  })
})

describe('date vocabulary', () => {
  it.each([
    ['2026-11', 1, '2026-12'],
    ['2026-12', 1, '2027-01'],
    ['2027-01', -1, '2026-12'],
    ['2026-11', -11, '2025-12'],
    ['2026-11', -23, '2024-12'],
    ['2026-11', 0, '2026-11'],
    ['0001-01', -1, '0000-12'],
  ])('addMonths(%s, %i) = %s', (m, n, want) => expect(addMonths(m, n)).toBe(want))

  it('previousMonth and monthOf', () => {
    expect(previousMonth('2027-01')).toBe('2026-12')
    expect(monthOf('2026-12-31T17:00:00.000Z')).toBe('2027-01')
    expect(monthOf('2026-12-31')).toBe('2026-12')
  })

  it('storedDay and dayOfStored round-trip in any time zone', () => {
    expect(storedDay('2026-12-28')).toBe('2026-12-28T04:00:00.000Z')
    expect(dayOfStored(storedDay('2026-12-28'))).toBe('2026-12-28')
    expect(dayOfStored('2026-12-27T16:00:00.000Z')).toBe('2026-12-28')
    expect(dayOfStored(null)).toBeNull()
    expect(dayOfStored('')).toBeNull()
    expect(() => storedDay('2026-02-30')).toThrow()
  })
})
