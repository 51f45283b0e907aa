import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * Which releases a public server is using, so that pruning never deletes one under it. Each public
 * server process keeps one small file in the pins folder (RELEASE_PINS_DIR, shared with the CMS),
 * rewritten when the set changes and refreshed every minute; a file not refreshed for five minutes
 * belongs to a server that is gone and pins nothing. Plain files, no locks: the two processes may
 * run as different users, and only the CMS deletes releases. The refresh time is written in the file
 * by the writer's clock (the file's mtime comes from the kernel or a file server, whose clock the
 * reader need not share); the mtime is only a fallback for files without it.
 */
export const PIN_REFRESH_MS = 60_000
export const PIN_STALE_MS = 5 * 60_000

export const defaultPinsDir = (releasesDir: string) => path.join(releasesDir, '.pins')

export function writePins(dir: string, owner: string, releases: string[], at = Date.now()): void {
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${owner}.json`)
  const tmp = `${file}.${process.pid}.tmp`
  fs.writeFileSync(tmp, JSON.stringify({ releases, at, host: os.hostname(), pid: process.pid }))
  // Readable by the CMS's user whatever this process's umask (the content is only release ids).
  fs.chmodSync(tmp, 0o644)
  fs.renameSync(tmp, file)
}

export function removePins(dir: string, owner: string): void {
  fs.rmSync(path.join(dir, `${owner}.json`), { force: true })
}

/** Every release some live public server has pinned. */
export function pinnedReleases(dir: string, now = Date.now()): Set<string> {
  const pinned = new Set<string>()
  let names: string[]
  try {
    names = fs.readdirSync(dir)
  } catch {
    return pinned
  }
  for (const name of names) {
    if (!name.endsWith('.json')) continue
    const file = path.join(dir, name)
    try {
      const { releases, at } = JSON.parse(fs.readFileSync(file, 'utf8')) as { releases?: unknown; at?: unknown }
      const refreshed = typeof at === 'number' && Number.isFinite(at) ? at : fs.statSync(file).mtimeMs
      if (now - refreshed > PIN_STALE_MS) continue
      if (Array.isArray(releases)) for (const id of releases) if (typeof id === 'string') pinned.add(id)
    } catch {
      // Half-written or vanished between readdir and read: the next refresh rewrites it.
    }
  }
  return pinned
}
