import { describe, expect, it } from 'vitest'
import { backupsToDelete } from '../../cms/ops/backupRotation'

// Backups at 02:00 China time (18:00 UTC the day before).
const at = (day: string, hourUtc = 18) => new Date(Date.parse(`${day}T00:00:00Z`) - 24 * 3600_000 + hourUtc * 3600_000).toISOString()
const b = (name: string, createdAt: string) => ({ name, createdAt })

describe('backup rotation (keep N daily, M monthly, China time)', () => {
  const cases: { note: string; backups: { name: string; createdAt: string }[]; keep: { daily: number; monthly: number }; deleted: string[] }[] = [
    { note: 'nothing to delete', backups: [b('a', at('2026-12-01'))], keep: { daily: 7, monthly: 12 }, deleted: [] },
    {
      note: 'two a day: the older of each day goes',
      backups: [b('d1-early', at('2026-12-01', 17)), b('d1-late', at('2026-12-01', 20)), b('d2', at('2026-12-02'))],
      keep: { daily: 7, monthly: 0 },
      deleted: ['d1-early'],
    },
    {
      note: 'daily window of 2; the month keeps its newest (already kept) and last month its newest',
      backups: [b('nov-10', at('2026-11-10')), b('nov-30', at('2026-11-30')), b('dec-01', at('2026-12-01')), b('dec-02', at('2026-12-02')), b('dec-03', at('2026-12-03'))],
      keep: { daily: 2, monthly: 2 },
      deleted: ['dec-01', 'nov-10'],
    },
    {
      note: 'the day is China’s: 23:30 UTC on 11-30 is already 12-01 in China',
      backups: [b('utc-late', '2026-11-30T23:30:00.000Z'), b('cn-morning', '2026-12-01T01:00:00.000Z')],
      keep: { daily: 1, monthly: 0 },
      deleted: ['utc-late'],
    },
    { note: 'keep nothing still keeps the newest', backups: [b('x', at('2026-12-01')), b('y', at('2026-12-02'))], keep: { daily: 0, monthly: 0 }, deleted: ['x'] },
    {
      note: 'monthly across a year boundary',
      backups: [b('2025-11', at('2025-11-15')), b('2025-12', at('2025-12-15')), b('2026-01', at('2026-01-15'))],
      keep: { daily: 1, monthly: 2 },
      deleted: ['2025-11'],
    },
  ]
  for (const c of cases) it(c.note, () => expect(backupsToDelete(c.backups, c.keep).sort()).toEqual([...c.deleted].sort()))
})
