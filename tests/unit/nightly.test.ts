import { describe, expect, it } from 'vitest'
import { msUntilNextNightly } from '../../cms/publish/nightly'

describe('nightly release timing (00:05 China time)', () => {
  const cases: [string, number][] = [
    ['2026-11-23T16:00:00.000Z', 5 * 60_000], // 00:00 in China → 5 minutes
    ['2026-11-23T16:05:00.000Z', 24 * 3600_000], // exactly 00:05 → tomorrow
    ['2026-11-24T02:00:00.000Z', 14 * 3600_000 + 5 * 60_000], // 10:00 → 14h05
    ['2026-12-31T15:59:00.000Z', 6 * 60_000], // 23:59 on New Year's Eve → 6 minutes
  ]
  for (const [now, ms] of cases) it(now, () => expect(msUntilNextNightly(new Date(now))).toBe(ms))
})
