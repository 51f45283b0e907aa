import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { pruneReleases, switchCurrent } from '../../cms/publish/release'
import { PIN_STALE_MS, pinnedReleases, removePins, writePins } from '../../cms/publish/releasePins'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

function releases(ids: string[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ygjz-pins-'))
  dirs.push(dir)
  for (const id of ids) fs.mkdirSync(path.join(dir, id, 'client'), { recursive: true })
  switchCurrent(dir, ids[ids.length - 1])
  return dir
}

describe('release pins', () => {
  it('pruning keeps the newest, the live one and every pinned one', () => {
    const ids = ['20260101T000001-a', '20260101T000002-b', '20260101T000003-c', '20260101T000004-d', '20260101T000005-e', '20260101T000006-f']
    const dir = releases(ids)
    writePins(path.join(dir, '.pins'), 'public-1', [ids[0]])
    pruneReleases(dir, 3)
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('2026')).sort()).toEqual([ids[0], ids[3], ids[4], ids[5]])
  })

  it('a pin not refreshed for five minutes belongs to a server that is gone', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ygjz-pins-'))
    dirs.push(dir)
    writePins(dir, 'gone', ['old'], Date.now() - PIN_STALE_MS - 1000)
    writePins(dir, 'alive', ['new'])
    expect([...pinnedReleases(dir)]).toEqual(['new'])
    // A file from before the refresh time was written in it: its mtime decides.
    fs.writeFileSync(path.join(dir, 'older.json'), JSON.stringify({ releases: ['older'] }))
    const past = new Date(Date.now() - PIN_STALE_MS - 1000)
    fs.utimesSync(path.join(dir, 'older.json'), past, past)
    expect([...pinnedReleases(dir)]).toEqual(['new'])
    removePins(dir, 'alive')
    expect(pinnedReleases(dir).size).toBe(0)
  })

  it('pin files are readable by the CMS whatever the public server umask', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ygjz-pins-'))
    dirs.push(dir)
    const old = process.umask(0o077)
    try {
      writePins(dir, 'p', ['x'])
    } finally {
      process.umask(old)
    }
    expect(fs.statSync(path.join(dir, 'p.json')).mode & 0o777).toBe(0o644)
  })
})
