import { describe, expect, it } from 'vitest'
import { validateIdNumber } from '../../cms/domain/idNumber'
import { maskName } from '../../cms/domain/masking'
import { findPii } from '../../cms/domain/pii'
import {
  DEMO_COUNTY_CODE,
  DEMO_STANDARDS,
  generateCounty,
  generateHouseholds,
  hardCaseRawInputs,
  mulberry32,
  RARE_CHAR,
  type DemoProgramme,
} from '../../content/demo/generate'

const county = generateCounty(42)
const month = '2026-11'
const monthEnd = '2026-11-30'

describe('mulberry32', () => {
  it('is deterministic and in [0, 1)', () => {
    const a = mulberry32(7)
    const b = mulberry32(7)
    const xs = Array.from({ length: 1000 }, () => a())
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs)
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true)
    expect(mulberry32(8)()).not.toBe(xs[0])
  })
})

describe('generateCounty', () => {
  it('a fictional county: 3 townships × 5 villages with nested codes on region 99', () => {
    expect(county.code).toBe(DEMO_COUNTY_CODE)
    expect(county.code.startsWith('99')).toBe(true)
    expect(county.name).toBe('清河县')
    expect(county.townships).toHaveLength(3)
    expect(county.villages).toHaveLength(15)
    for (const t of county.townships) {
      expect(t.code).toMatch(new RegExp(`^${county.code}\\d{3}$`))
      for (const v of t.villages) {
        expect(v.code).toMatch(new RegExp(`^${t.code}\\d{3}$`))
        expect(v.townshipCode).toBe(t.code)
        expect(v.name.endsWith(v.kind)).toBe(true)
      }
    }
    expect(new Set(county.villages.map((v) => v.code)).size).toBe(15)
    expect(new Set(county.villages.map((v) => v.name)).size).toBe(15)
  })

  it('is deterministic per seed and configurable', () => {
    expect(generateCounty(42)).toEqual(county)
    const big = generateCounty(1, { townships: 6, villagesPerTownship: 8 })
    expect(big.villages).toHaveLength(48)
  })
})

describe('generateHouseholds', () => {
  const args = { seed: 7, count: 2000, villages: county.villages, programme: 'dibao-urban' as const, month }

  it('is deterministic', () => {
    expect(generateHouseholds(args)).toEqual(generateHouseholds(args))
    expect(generateHouseholds({ ...args, seed: 8 })).not.toEqual(generateHouseholds(args))
  })

  it.each<DemoProgramme>(['dibao-urban', 'dibao-rural', 'tekun', 'linshi'])('%s: valid, unique IDs and amounts within the demo standard', (programme) => {
    const rows = generateHouseholds({ ...args, programme })
    expect(rows).toHaveLength(2000)
    const ids = new Set<string>()
    const villageCodes = new Set(county.villages.map((v) => v.code))
    for (const r of rows) {
      const v = validateIdNumber(r.idNumber, { today: monthEnd })
      expect(v.ok, 'generated ID must be valid').toBe(true)
      expect(r.idNumber.startsWith(DEMO_COUNTY_CODE)).toBe(true)
      ids.add(r.idNumber)
      expect(villageCodes.has(r.villageCode)).toBe(true)
      expect(Number.isInteger(r.householdSize) && r.householdSize >= 1).toBe(true)
      expect(Number.isInteger(r.amount) && r.amount > 0).toBe(true)
      expect(() => maskName(r.headName)).not.toThrow()
      if (programme === 'dibao-urban') expect(r.amount).toBeLessThanOrEqual(DEMO_STANDARDS.dibaoUrbanMonthly * r.householdSize)
      if (programme === 'dibao-rural') expect(r.amount).toBeLessThanOrEqual((DEMO_STANDARDS.dibaoRuralYearly / 12) * r.householdSize)
      if (programme === 'tekun') {
        expect(r.householdSize).toBe(1)
        expect(['集中供养', '分散供养']).toContain(r.category)
      }
      if (programme === 'linshi') {
        expect(['因病', '因灾', '意外事故', '教育支出', '其他']).toContain(r.category)
        expect(r.amount % 100).toBe(0)
      }
    }
    expect(ids.size).toBe(rows.length)
  })

  it('contains the hard cases', () => {
    const rows = generateHouseholds(args)
    const names = rows.map((r) => r.headName)
    expect(names.some((n) => /^(欧阳|司马|诸葛|上官|东方|皇甫|尉迟|公孙|慕容|令狐|端木|夏侯)/.test(n))).toBe(true)
    expect(names.some((n) => n.includes('·'))).toBe(true)
    expect(names.some((n) => Array.from(n).length === 2)).toBe(true)
    expect(names.some((n) => n.includes(RARE_CHAR))).toBe(true)
    expect(rows.some((r) => r.idNumber.endsWith('X'))).toBe(true)
  })

  it('guarantees every hard case even in a tiny list', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const rows = generateHouseholds({ ...args, seed, count: 5 })
      const names = rows.map((r) => r.headName)
      expect(names.some((n) => n.includes('·'))).toBe(true)
      expect(names.some((n) => n.includes(RARE_CHAR))).toBe(true)
      expect(rows.some((r) => r.idNumber.endsWith('X'))).toBe(true)
    }
  })

  it('generated IDs are caught by the PII detector (so a leak of demo data is caught too)', () => {
    for (const r of generateHouseholds({ ...args, count: 200 })) {
      expect(findPii(`身份证${r.idNumber}`, { today: monthEnd }).map((f) => f.kind)).toEqual(['idNumber'])
    }
  })

  it('100,000 rows quickly', () => {
    const t = performance.now()
    const rows = generateHouseholds({ ...args, count: 100_000 })
    const ms = performance.now() - t
    expect(rows).toHaveLength(100_000)
    expect(new Set(rows.map((r) => r.idNumber)).size).toBe(100_000)
    expect(ms).toBeLessThan(20_000) // typically ~0.2 s; only catches a quadratic generator (shared 2-core machines)
  })

  it('rejects bad arguments in Chinese', () => {
    expect(() => generateHouseholds({ ...args, month: '2026-13' })).toThrow(/月份/)
    expect(() => generateHouseholds({ ...args, villages: [] })).toThrow(/村/)
  })
})

describe('hardCaseRawInputs', () => {
  it('ID cases validate as documented', () => {
    for (const c of hardCaseRawInputs.idNumbers) {
      const r = validateIdNumber(c.raw, { today: monthEnd })
      if (c.expected.ok) expect(r, c.note).toMatchObject({ ok: true, id18: c.expected.id18 })
      else expect(r, c.note).toMatchObject({ ok: false, reason: c.expected.reason })
    }
    const notes = hardCaseRawInputs.idNumbers.map((c) => c.note).join(' ')
    expect(notes).toMatch(/15位/)
    expect(notes).toMatch(/全角/)
    expect(notes).toMatch(/末位X/)
  })

  it('phones and addresses are detected as PII', () => {
    for (const p of hardCaseRawInputs.phones) expect(findPii(p.raw).map((f) => f.kind), p.note).toEqual([p.kind])
    for (const a of hardCaseRawInputs.addresses) expect(findPii(a.raw).map((f) => f.kind), a.note).toEqual(['address'])
  })

  it('name cases mask as documented', () => {
    for (const n of hardCaseRawInputs.names) expect(maskName(n.raw), n.note).toBe(n.masked)
  })
})
