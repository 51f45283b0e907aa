// The cacheKeys of incremental releases (site/lib/pageInputs.ts): a key changes exactly when what
// the page shows changes. A key that stays the same while the page changes would publish a stale page.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeFixtureSnapshot } from '../fixtures/snapshot/makeFixtureSnapshot'
import { frameKey, listRowsKey, pageInputs, villageRowsKey } from '../../site/lib/pageInputs'
import { loadSnapshot } from '../../site/lib/snapshot'
import type { Snapshot } from '../../site/lib/snapshotSchema'

let tmp: string
let base: string
const saved = process.env.SNAPSHOT_FILE

/** A copy of the fixture snapshot changed by `change`, loaded as the build would load it. */
function variant(name: string, change: (s: Snapshot, dir: string) => void): Snapshot {
  const dir = path.join(tmp, name)
  fs.cpSync(path.dirname(base), dir, { recursive: true })
  const file = path.join(dir, 'snapshot.json')
  const s = JSON.parse(fs.readFileSync(file, 'utf8')) as Snapshot
  change(s, dir)
  fs.writeFileSync(file, JSON.stringify(s))
  process.env.SNAPSHOT_FILE = file
  return loadSnapshot(file)
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ygjz-page-inputs-'))
  base = (await writeFixtureSnapshot(path.join(tmp, 'base'), { households: 80, months: 2 })).snapshotFile
})
afterAll(() => {
  process.env.SNAPSHOT_FILE = saved
  fs.rmSync(tmp, { recursive: true, force: true })
})

describe('the frame every page shows', () => {
  const at = (generatedAt: string) => (s: Snapshot) => void (s.generatedAt = generatedAt)
  it.each<[string, (s: Snapshot) => void, boolean]>([
    ['the same data generated later the same day', at('2026-11-24T09:59:00.000Z'), true],
    ['the data generated on another day', at('2026-11-25T01:00:00.000Z'), false],
    ['another as-of day', (s) => void (s.asOf = '2026-11-25'), false],
    ['another bureau name', (s) => void (s.site.bureauName = '另一个县民政局'), false],
    ['a renamed village', (s) => void (s.regions.at(-1)!.name = '改名村'), false],
    ['a renamed programme', (s) => void (s.programmes[0].name = '改名的救助'), false],
    ['an edited policy (its own page says so, not the frame)', (s) => void (s.policies[0] && (s.policies[0].title = '改过的标题')), true],
  ])('%s → frame unchanged: %s', (name, change, same) => {
    const first = variant(`a-${name}`, (s) => void (s.generatedAt = '2026-11-24T01:00:00.000Z'))
    expect(first.generatedAt).toBe('2026-11-24T01:00:00.000Z')
    const before = frameKey()
    variant(`b-${name}`, (s) => {
      s.generatedAt = '2026-11-24T01:00:00.000Z'
      change(s)
    })
    expect(frameKey() === before).toBe(same)
  })

  it('a page key is the frame and its inputs: other inputs, other key', () => {
    variant('keys', () => {})
    expect(pageInputs({ a: 1 })).toBe(pageInputs({ a: 1 }))
    expect(pageInputs({ a: 1 })).not.toBe(pageInputs({ a: 2 }))
    expect(pageInputs({ a: 1 }).startsWith(`${frameKey()}.`)).toBe(true)
  })
})

describe('the rows of a village', () => {
  it('change for the village whose row changed, and for its list, not for the other villages', () => {
    const s = variant('rows', () => {})
    const list = s.lists[0]
    const villages = [...new Set((JSON.parse(fs.readFileSync(path.join(path.dirname(process.env.SNAPSHOT_FILE!), list.rowsFile), 'utf8')).rows as unknown[][]).map((r) => String(r[4])))]
    expect(villages.length).toBeGreaterThan(1)
    const before = Object.fromEntries(villages.map((v) => [v, villageRowsKey(list, v)]))
    const listBefore = listRowsKey(list)
    // The same list with one amount changed in the first village (under another id: rows are cached by list id).
    const changed = variant('rows-changed', (x, dir) => {
      const l = x.lists[0]
      const file = path.join(dir, l.rowsFile)
      const rows = JSON.parse(fs.readFileSync(file, 'utf8'))
      rows.listId = `${l.id}-changed`
      const i = rows.rows.findIndex((r: unknown[]) => String(r[4]) === villages[0])
      rows.rows[i][2] = Number(rows.rows[i][2]) + 10
      const rowsFile = l.rowsFile.replace(/\.json$/, '-changed.json')
      fs.writeFileSync(path.join(dir, rowsFile), JSON.stringify(rows))
      l.id = `${l.id}-changed`
      l.rowsFile = rowsFile
    }).lists[0]
    expect(villageRowsKey(changed, villages[0])).not.toBe(before[villages[0]])
    for (const v of villages.slice(1)) expect(villageRowsKey(changed, v)).toBe(before[v])
    expect(listRowsKey(changed)).not.toBe(listBefore)
  })
})
