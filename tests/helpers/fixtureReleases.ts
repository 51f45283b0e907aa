import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { switchCurrent } from '../../cms/publish/release'
import { buildFixtureSite, projectRoot } from '../site/buildFixtureSite'

/**
 * A releases folder as the CMS leaves it, built once from a small fixture snapshot (no database):
 * `<dir>/<id>/{client,server,snapshot,csp.json}` and the `current` link. `publish()` makes another
 * release by copying the first (a new server bundle at a new path, as a real publish loads) and
 * switches to it.
 */
export async function fixtureReleases(opts: { households?: number; months?: number } = {}) {
  const site = await buildFixtureSite({ households: opts.households ?? 60, months: opts.months ?? 1 })
  // The built site may be shared by the whole test run: copy it, never move it.
  const own = fs.mkdtempSync(path.join(os.tmpdir(), 'ygjz-releases-'))
  const dir = path.join(own, 'releases')
  fs.mkdirSync(dir)
  fs.symlinkSync(path.join(projectRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
  const first = '20260101T000000-000001'
  fs.cpSync(site.outDir, path.join(dir, first), { recursive: true })
  fs.cpSync(path.dirname(site.snapshotFile), path.join(dir, first, 'snapshot'), { recursive: true })
  switchCurrent(dir, first)
  let n = 1
  return {
    dir,
    first,
    snapshot: site.snapshot,
    publish(): string {
      const id = `20260101T000000-${String(++n).padStart(6, '0')}`
      fs.cpSync(path.join(dir, first), path.join(dir, id), { recursive: true })
      switchCurrent(dir, id)
      return id
    },
    cleanup: () => {
      fs.rmSync(own, { recursive: true, force: true })
      site.cleanup()
    },
  }
}
