import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { buildSnapshot, writeSnapshot } from '../export/exportSnapshot'
import { nowIso } from '../domain/clock'
import { dataDir, mediaDir, projectRoot } from '../paths'
import { finaliseDataPackage, writeManifest } from './manifest'
import { gateDigest, readGateMemory, writeGateMemory, type GateMemory } from './gateMemory'
import { PiiGateError, scanForPersonalData } from './piiGate'
import { precompressRelease } from './precompress'
import { defaultPinsDir, pinnedReleases } from './releasePins'

/** RELEASES_DIR puts the public releases outside the (owner-only) data folder, for a public server running as its own user. */
export const releasesDir = () => (process.env.RELEASES_DIR ? path.resolve(process.env.RELEASES_DIR) : path.join(dataDir(), 'releases'))
export const currentLink = (dir = releasesDir()) => path.join(dir, 'current')
/**
 * Astro's incremental-build cache (issue 19): the pages of earlier builds by path, cacheKey and
 * code hash (site/lib/pageInputs.ts). Beside the releases, never served; a full release or a
 * failed build empties it, so what it holds is always what a whole build would render.
 */
export const pageCacheDir = (dir = releasesDir()) => path.join(dir, '.page-cache')

export type ReleaseResult = { id: string; dir: string; pages: number; files: number; durationMs: number; timings: Record<string, number>; full: boolean }

/** Environment for the site build: no database address, no secrets. The build reads only the snapshot. */
function buildEnv(snapshotFile: string, outDir: string, cacheDir: string): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {}
  for (const key of ['PATH', 'HOME', 'LANG', 'TZ', 'NODE_OPTIONS', 'PUBLIC_SITE_URL', 'TMPDIR']) {
    if (process.env[key] !== undefined) env[key] = process.env[key]
  }
  return { ...env, NODE_ENV: 'production', SNAPSHOT_FILE: snapshotFile, SITE_OUT_DIR: outDir, SITE_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: '1' }
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`站点构建失败（退出码 ${code}）：\n${output.slice(-4000)}`)),
    )
  })
}

const astroBin = () => path.join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs')

let chain: Promise<unknown> = Promise.resolve()

/**
 * What the live release passed the gates with (keyed hashes, cms/publish/gateMemory.ts). Files
 * byte-identical to that release's were scanned then; they are re-checked only against raw values
 * added since. The memory is kept with the release, so a restart reads it back; a removed allowed
 * contact, another detector version or a missing file means a full scan.
 */
let gateMemory: GateMemory | null = null

/** What a restart does to this process's memory (tests and the benchmark's "first release after a restart"). */
export function forgetGateMemory() {
  gateMemory = null
}

function liveGateMemory(live: string | null, liveDir: string | null): GateMemory | null {
  if (!live || !liveDir) return null
  if (gateMemory?.release === live) return gateMemory
  return (gateMemory = readGateMemory(liveDir, live))
}

function sha256File(file: string): string | null {
  try {
    return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')
  } catch {
    return null
  }
}

export type ReleaseOptions = {
  dir?: string
  keep?: number
  asOf?: string
  /**
   * Nothing taken from the live release: every file scanned by the gate, every copy compressed
   * anew (`npm run publish -- --full`; the nightly release does one a week, fullReleaseDue).
   */
  full?: boolean
}

/** A full release is due when none is recorded in the last 7 days (the nightly release asks). */
export function fullReleaseDue(status: ReleaseStatus, nowMs: number): boolean {
  const at = status.lastFull ? Date.parse(status.lastFull.at) : NaN
  return !Number.isFinite(at) || nowMs - at >= 7 * 86_400_000
}

/**
 * A release for residents carries the address they use: printed notices, their QR codes and short
 * URLs, canonical links and the feed (issue 15). In production (NODE_ENV=production) a release is
 * refused without PUBLIC_SITE_URL rather than printing `localhost` onto village boards.
 */
export function requirePublicSiteUrl(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV !== 'production') return
  const first = (env.PUBLIC_SITE_URL ?? '').split(',')[0].trim()
  let ok = false
  try {
    const u = new URL(first)
    ok = u.protocol === 'https:' || u.protocol === 'http:'
  } catch {
    ok = false
  }
  if (!ok) {
    throw new Error(
      `发布已停止：生产环境必须设置 PUBLIC_SITE_URL（群众访问本栏目的网址，如 https://jiuzhu.example.gov.cn），现在是“${first || '未设置'}”。打印的公示、二维码和短网址都用这个网址；请在 CMS 的环境配置中设置后重新发布。`,
    )
  }
}

/**
 * Builds a complete new release beside the live one and switches `current` to it atomically:
 * export (published only, allow-listed, masked) → PII gate on the snapshot → site build (no
 * database, no secrets) → PII gate on every built file → manifest of SHA-256 hashes → switch.
 * Publishes are serialised; a failure at any step leaves the live release untouched.
 */
export function publishRelease(payload: Payload, opts: ReleaseOptions = {}): Promise<ReleaseResult> {
  const dir = opts.dir ?? releasesDir()
  const next = chain.then(() =>
    withReleaseLock(dir, async () => {
      try {
        requirePublicSiteUrl()
        const result = await buildRelease(payload, { ...opts, dir })
        writeReleaseStatus(dir, { ok: true, release: result.id, pages: result.pages, durationMs: result.durationMs, full: result.full })
        return result
      } catch (err) {
        writeReleaseStatus(dir, { ok: false, error: (err as Error).message.slice(0, 4000) })
        throw err
      }
    }),
  )
  chain = next.catch(() => {})
  return next
}

export type ReleaseStatus = {
  live: { release: string; at: string; pages: number; durationMs: number } | null
  lastAttempt: { at: string; ok: boolean; error?: string } | null
  /** The last release that took nothing from the one before it. */
  lastFull?: { release: string; at: string } | null
}

export const releaseStatusFile = (dir = releasesDir()) => path.join(dir, 'status.json')

export function readReleaseStatus(dir = releasesDir()): ReleaseStatus {
  try {
    return JSON.parse(fs.readFileSync(releaseStatusFile(dir), 'utf8')) as ReleaseStatus
  } catch {
    return { live: null, lastAttempt: null }
  }
}

/** What the CMS shows: when the live site was last switched, and the last failure (for admins). */
function writeReleaseStatus(dir: string, outcome: { ok: true; release: string; pages: number; durationMs: number; full: boolean } | { ok: false; error: string }) {
  const status = readReleaseStatus(dir)
  const at = new Date().toISOString()
  if (outcome.ok) status.live = { release: outcome.release, at, pages: outcome.pages, durationMs: outcome.durationMs }
  // On the one clock: fullReleaseDue compares it with the clock's now.
  if (outcome.ok && outcome.full) status.lastFull = { release: outcome.release, at: nowIso() }
  status.lastAttempt = outcome.ok ? { at, ok: true } : { at, ok: false, error: outcome.error }
  fs.mkdirSync(dir, { recursive: true })
  const tmp = `${releaseStatusFile(dir)}.${process.pid}.tmp`
  fs.writeFileSync(tmp, JSON.stringify(status, null, 1))
  fs.renameSync(tmp, releaseStatusFile(dir))
}

/** One release at a time across processes (the CMS, the nightly job, a CLI publish). */
async function withReleaseLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  fs.mkdirSync(dir, { recursive: true })
  const lock = path.join(dir, '.lock')
  const deadline = Date.now() + 15 * 60_000
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' })
      break
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
      const holder = Number(fs.readFileSync(lock, 'utf8') || 0)
      const alive = holder > 0 && (() => { try { process.kill(holder, 0); return true } catch { return false } })()
      if (!alive || age > 30 * 60_000) fs.rmSync(lock, { force: true })
      else if (Date.now() > deadline) throw new Error('另一个发布任务长时间未结束，请稍后再试。')
      else await new Promise((r) => setTimeout(r, 250))
    }
  }
  try {
    return await fn()
  } finally {
    fs.rmSync(lock, { force: true })
  }
}

async function buildRelease(payload: Payload, { dir = releasesDir(), keep = 3, asOf, full = false }: ReleaseOptions): Promise<ReleaseResult> {
  // Clean up what an interrupted earlier build left behind.
  for (const n of fs.readdirSync(dir)) if (n.startsWith('.staging-')) fs.rmSync(path.join(dir, n), { recursive: true, force: true })
  const started = Date.now()
  const timings: Record<string, number> = {}
  let mark = started
  const lap = (name: string) => {
    const now = Date.now()
    timings[name] = now - mark
    mark = now
  }
  const id = `${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${crypto.randomBytes(3).toString('hex')}`
  const staging = path.join(dir, `.staging-${id}`)
  // Astro empties its output folder first, so the snapshot waits beside it and moves in afterwards.
  const snapshotDir = `${staging}.snapshot`
  const final = path.join(dir, id)
  fs.mkdirSync(staging, { recursive: true })
  linkDependencies(dir)
  try {
    const exported = await buildSnapshot(payload, { asOf })
    const snapshotFile = path.join(snapshotDir, 'snapshot.json')
    writeSnapshot(exported, snapshotFile)
    lap('export')
    const live = (() => {
      try {
        return fs.readlinkSync(currentLink(dir))
      } catch {
        return null
      }
    })()
    const liveDir = live && !full ? path.join(dir, live) : null
    const fromDisk = !!liveDir && gateMemory?.release !== live
    const remembered = liveGateMemory(live, liveDir)
    const known = new Set<string>()
    const allowNow = new Set(exported.officialContacts.map(gateDigest))
    const memory = remembered && [...remembered.allow].every((a) => allowNow.has(a)) ? remembered : null
    const newKnownValues: string[] = []
    for (const v of exported.knownRawValues) {
      const d = gateDigest(v)
      known.add(d)
      if (memory && !memory.known.has(d)) newKnownValues.push(v)
    }
    // 0: full scan; 1: this process's memory of the live release; 2: read back from the live release (after a restart).
    timings.gateMemory = memory ? (fromDisk ? 2 : 1) : 0
    const liveManifest: Record<string, { sha256: string }> | null = memory && liveDir ? (() => {
      try {
        return JSON.parse(fs.readFileSync(path.join(liveDir, 'client', 'manifest.json'), 'utf8')).files
      } catch {
        return null
      }
    })() : null
    const gate = {
      knownValues: exported.knownRawValues,
      allow: exported.officialContacts,
      newKnownValues: memory ? newKnownValues : undefined,
    }
    const snapshotStats = { files: 0, scanned: 0, skipped: 0 }
    const snapshotFindings = await scanForPersonalData(
      [snapshotDir],
      { ...gate, unchanged: memory && liveDir ? (file, sha) => sha256File(path.join(liveDir, 'snapshot', path.relative(snapshotDir, file))) === sha : undefined },
      snapshotStats,
    )
    if (snapshotFindings.length) throw new PiiGateError('snapshot', snapshotFindings)
    lap('snapshotGate')
    const cacheDir = pageCacheDir(dir)
    // Astro writes rendered pages into the cache before it records their keys: a build that failed
    // or was cut off (the marker is still there) may have left pages under their old keys.
    const building = `${cacheDir}.building`
    if (!liveDir || fs.existsSync(building)) fs.rmSync(cacheDir, { recursive: true, force: true })
    fs.writeFileSync(building, String(process.pid))
    try {
      await run(process.execPath, [astroBin(), 'build', '--silent'], buildEnv(snapshotFile, staging, cacheDir))
    } catch (err) {
      fs.rmSync(cacheDir, { recursive: true, force: true })
      throw err
    }
    fs.rmSync(building, { force: true })
    lap('build')
    try {
      const built = JSON.parse(fs.readFileSync(path.join(staging, 'build-timings.json'), 'utf8')) as Record<string, number>
      for (const [k, v] of Object.entries(built)) if (typeof v === 'number') timings[k] = v
    } catch {}
    const clientDir = path.join(staging, 'client')
    copyPublishedFiles(exported.snapshot.policies.flatMap((p) => p.attachments.map((a) => a.url)), clientDir)
    const releaseStats = { files: 0, scanned: 0, skipped: 0 }
    const releaseFindings = await scanForPersonalData(
      [clientDir],
      { ...gate, unchanged: liveManifest ? (file, sha) => liveManifest[`/${path.relative(clientDir, file).split(path.sep).join('/')}`]?.sha256 === sha : undefined },
      releaseStats,
    )
    if (releaseFindings.length) throw new PiiGateError('release', releaseFindings)
    timings.releaseFilesScanned = releaseStats.scanned
    timings.releaseFilesUnchanged = releaseStats.skipped
    lap('releaseGate')
    finaliseDataPackage(clientDir)
    const manifest = writeManifest(clientDir, { releaseId: id, asOf: exported.snapshot.asOf, generatedAt: exported.snapshot.generatedAt })
    timings.filesLinked = liveDir ? linkUnchangedFiles(clientDir, path.join(liveDir, 'client')) : 0
    lap('link')
    timings.precompressReused = (await precompressRelease(clientDir, liveDir ? path.join(liveDir, 'client') : null)).reused
    lap('precompress')
    fs.renameSync(snapshotDir, path.join(staging, 'snapshot'))
    makePublicReadable(dir, staging)
    const passed: GateMemory = { release: id, known, allow: allowNow }
    writeGateMemory(staging, passed)
    fs.renameSync(staging, final)
    switchCurrent(dir, id)
    gateMemory = passed
    pruneReleases(dir, keep)
    lap('switch')
    return { id, dir: final, pages: manifest.pages, files: manifest.files, durationMs: Date.now() - started, timings, full: !liveDir }
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true })
    fs.rmSync(snapshotDir, { recursive: true, force: true })
    throw err
  }
}

/**
 * Files whose bytes equal the live release's (same SHA-256 in both manifests) become hard links
 * to it: a release costs disk only for what changed. Link-then-rename, so a file is never half
 * replaced; nothing writes into a release's files after this step (precompress writes new files).
 */
export function linkUnchangedFiles(clientDir: string, liveClientDir: string): number {
  type Files = Record<string, { sha256: string; bytes: number }>
  const read = (d: string): Files | null => {
    try {
      return (JSON.parse(fs.readFileSync(path.join(d, 'manifest.json'), 'utf8')) as { files: Files }).files
    } catch {
      return null
    }
  }
  const files = read(clientDir)
  const live = read(liveClientDir)
  if (!files || !live) return 0
  let linked = 0
  for (const [rel, f] of Object.entries(files)) {
    const old = live[rel]
    if (!old || old.sha256 !== f.sha256 || old.bytes !== f.bytes) continue
    const src = path.join(liveClientDir, rel)
    const dest = path.join(clientDir, rel)
    const tmp = `${dest}.link-tmp`
    try {
      fs.linkSync(src, tmp)
      fs.renameSync(tmp, dest)
      linked++
    } catch {
      fs.rmSync(tmp, { force: true })
    }
  }
  return linked
}

/** The built server imports packages by name; a releases folder outside the project finds them through this link. */
function linkDependencies(dir: string) {
  const link = path.join(dir, 'node_modules')
  if (path.resolve(dir).startsWith(projectRoot + path.sep)) return
  try {
    fs.symlinkSync(path.join(projectRoot, 'node_modules'), link, 'dir')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
  }
}

/** Copies only the media files that published content references. */
function copyPublishedFiles(urls: string[], clientDir: string) {
  for (const url of new Set(urls)) {
    const name = path.basename(url)
    const src = path.join(mediaDir(), name)
    if (!fs.existsSync(src)) throw new Error(`已发布内容引用的附件不存在：${name}`)
    fs.mkdirSync(path.join(clientDir, 'files'), { recursive: true })
    fs.copyFileSync(src, path.join(clientDir, 'files', name))
  }
}

/** A symlink replaced by rename(2): readers see the old release or the new one, never neither. */
export function switchCurrent(dir: string, id: string) {
  const tmp = path.join(dir, `.current-${process.pid}-${Date.now()}`)
  fs.symlinkSync(id, tmp)
  fs.renameSync(tmp, currentLink(dir))
}

/**
 * A release is the public site (it passed the privacy gates): readable by the public server's own
 * user whatever the CMS's umask (077), while the data folder around it stays owner-only.
 */
function makePublicReadable(releases: string, root: string) {
  fs.chmodSync(releases, 0o755)
  fs.chmodSync(root, 0o755)
  for (const e of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (e.isSymbolicLink()) continue
    fs.chmodSync(path.join(e.parentPath, e.name), e.isDirectory() ? 0o755 : 0o644)
  }
}

/** Keeps the newest `keep` releases, the live one, and every release a running public server has pinned. */
export function pruneReleases(dir: string, keep: number) {
  const live = fs.readlinkSync(currentLink(dir))
  const pinned = pinnedReleases(process.env.RELEASE_PINS_DIR ? path.resolve(process.env.RELEASE_PINS_DIR) : defaultPinsDir(dir))
  const releases = fs
    .readdirSync(dir)
    .filter((n) => !n.startsWith('.') && !['current', 'node_modules', 'status.json'].includes(n))
    .sort()
  for (const old of releases.slice(0, Math.max(0, releases.length - keep))) {
    if (old !== live && !pinned.has(old)) fs.rmSync(path.join(dir, old), { recursive: true, force: true })
  }
}
