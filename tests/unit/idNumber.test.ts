import { describe, expect, it } from 'vitest'
import {
  hashIdNumber,
  idCheckDigit,
  IdNumberError,
  normaliseIdNumber,
  upgradeId15,
  validateIdNumber,
} from '../../cms/domain/idNumber'

const today = '2026-11-24'
// GB 11643 worked example and a few synthetic numbers (fictional region 99…, or well-known examples).
const VALID = '11010519491231002X'

describe('idCheckDigit', () => {
  it.each([
    ['11010519491231002', 'X'], // the standard's example
    ['44052418800101001', '4'],
    ['99010219850317123', '6'],
    ['11010119900307123', idCheckDigit('11010119900307123')],
  ])('%s → %s', (first17, c) => expect(idCheckDigit(first17)).toBe(c))

  it('requires 17 digits', () => {
    expect(() => idCheckDigit('1234')).toThrow(IdNumberError)
  })
})

describe('normaliseIdNumber', () => {
  it.each([
    ['11010519491231002x', VALID],
    ['１１０１０５１９４９１２３１００２Ｘ', VALID],
    ['１１０１０５１９４９１２３１００２ｘ', VALID],
    [' 110105 19491231 002X ', VALID],
    ['110105-1949-1231-002X', VALID],
    ['110105\u300019491231002X', VALID],
  ])('%j → %s', (raw, out) => expect(normaliseIdNumber(raw)).toBe(out))
})

describe('validateIdNumber', () => {
  it('accepts a valid number and reports birth date and sex', () => {
    expect(validateIdNumber(VALID, { today })).toEqual({
      ok: true,
      id18: VALID,
      birthDate: '1949-12-31',
      sex: '女',
      upgradedFrom15: false,
    })
    expect(validateIdNumber('990102198503171236', { today })).toMatchObject({ ok: true, sex: '男', birthDate: '1985-03-17' })
  })

  it('upgrades 15-digit numbers', () => {
    const r = validateIdNumber('110105491231002', { today })
    expect(r).toEqual({ ok: true, id18: VALID, birthDate: '1949-12-31', sex: '女', upgradedFrom15: true })
  })

  const bad = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0')
  it.each([
    ['1101051949123100', 'length'],
    ['1101051949123100211', 'length'],
    ['', 'length'],
    ['11010519491231X02X', 'chars'],
    ['1101051949123100A', 'length'],
    ['11010519491231002A', 'chars'],
    ['11010549123100X', 'chars'],
    ['00010519491231002' + idCheckDigit('00010519491231002'), 'region'],
    ['70010519491231002' + idCheckDigit('70010519491231002'), 'region'],
    ['11010519490231002' + idCheckDigit('11010519490231002'), 'date'], // Feb 31
    ['11010518991231002' + idCheckDigit('11010518991231002'), 'date'], // before 1900
    ['11010520301231002' + idCheckDigit('11010520301231002'), 'date'], // future
    ['11010520261125002' + idCheckDigit('11010520261125002'), 'date'], // tomorrow
    ['110105491331002', 'date'], // 15-digit, month 13
    [bad(VALID), 'checkDigit'],
  ] as const)('%j → %s', (raw, reason) => {
    const r = validateIdNumber(raw, { today })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.reason).toBe(reason)
      expect(r.message).toMatch(/身份证号码/)
      if (raw.length >= 6) expect(r.message).not.toContain(raw.slice(0, 6))
    }
  })

  it('born today is valid', () => {
    const first17 = '11010520261124002'
    expect(validateIdNumber(first17 + idCheckDigit(first17), { today }).ok).toBe(true)
  })

  it('accepts the 9x prefix (fictional demo region, foreigners’ permanent residence cards)', () => {
    const first17 = '99010219850317123'
    expect(validateIdNumber(first17 + idCheckDigit(first17), { today }).ok).toBe(true)
  })
})

describe('upgradeId15', () => {
  it.each([
    ['110105491231002', VALID],
    ['１１０１０５４９１２３１００２', VALID],
    ['990102720415036', '990102197204150369'],
  ])('%s → %s', (id15, id18) => expect(upgradeId15(id15)).toBe(id18))

  it.each([
    ['11010549123100', 'length'],
    ['11010549123100X', 'chars'],
    ['110105491232002', 'date'],
  ] as const)('%s throws %s', (id15, reason) => {
    expect(() => upgradeId15(id15)).toThrow(IdNumberError)
    try {
      upgradeId15(id15)
    } catch (e) {
      expect((e as IdNumberError).reason).toBe(reason)
      expect((e as Error).message).not.toContain(id15)
    }
  })
})

describe('hashIdNumber', () => {
  const key = 'test-key-not-secret'
  it('is HMAC-SHA256 hex, stable across spellings of the same number', () => {
    const h = hashIdNumber(VALID, key)
    expect(h).toMatch(/^[0-9a-f]{64}$/)
    expect(hashIdNumber('11010519491231002x', key)).toBe(h)
    expect(hashIdNumber('１１０１０５１９４９１２３１００２Ｘ', key)).toBe(h)
    expect(hashIdNumber('110105491231002', key)).toBe(h) // 15-digit old number of the same person
  })

  it('depends on the key', () => {
    expect(hashIdNumber(VALID, 'a')).not.toBe(hashIdNumber(VALID, 'b'))
  })

  it('needs a key and a well-formed number', () => {
    expect(() => hashIdNumber(VALID, '')).toThrow(/密钥/)
    expect(() => hashIdNumber('123', key)).toThrow(IdNumberError)
  })
})
