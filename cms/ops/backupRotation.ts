import { chinaDate, monthOf } from '../domain/dates'

/**
 * Which backups to keep: the newest of each of the last `daily` days that have a backup, and the
 * newest of each of the last `monthly` months (China time), grandfather–father–son style. The newest
 * backup is always kept. Pure: takes the backups' creation times, returns the ones to delete.
 */
export type BackupEntry = { name: string; createdAt: string }

export function backupsToDelete(backups: BackupEntry[], keep: { daily: number; monthly: number }): string[] {
  const newestFirst = [...backups].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
  const kept = new Set<string>()
  const days = new Set<string>()
  const months = new Set<string>()
  for (const b of newestFirst) {
    const day = chinaDate(b.createdAt)
    const month = monthOf(day)
    if (!days.has(day) && days.size < keep.daily) kept.add(b.name)
    if (!months.has(month) && months.size < keep.monthly) kept.add(b.name)
    days.add(day)
    months.add(month)
  }
  if (newestFirst[0]) kept.add(newestFirst[0].name)
  return newestFirst.filter((b) => !kept.has(b.name)).map((b) => b.name)
}
