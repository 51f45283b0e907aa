// Builds the public site from a fixture snapshot the way a release does (cms/publish/release.ts):
// `astro build` in a child process with only SNAPSHOT_FILE and SITE_OUT_DIR pointing at a temp dir.
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeFixtureSnapshot, type FixtureOptions, type FixtureResult } from '../fixtures/snapshot/makeFixtureSnapshot'

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url))
export const astroBin = path.join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs')

export type BuiltSite = FixtureResult & { root: string; outDir: string; clientDir: string; durationMs: number; output: string }

export function buildEnv(snapshotFile: string, outDir: string): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {}
  for (const key of ['PATH', 'HOME', 'LANG', 'TZ', 'NODE_OPTIONS', 'PUBLIC_SITE_URL', 'TMPDIR']) {
    if (process.env[key] !== undefined) env[key] = process.env[key]
  }
  return { ...env, NODE_ENV: 'production', SNAPSHOT_FILE: snapshotFile, SITE_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' }
}

export function runAstroBuild(snapshotFile: string, outDir: string): Promise<{ durationMs: number; output: string }> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astroBin, 'build', '--silent'], { cwd: projectRoot, env: buildEnv(snapshotFile, outDir), stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve({ durationMs: Date.now() - started, output }) : reject(new Error(`site build failed (exit ${code}):\n${output.slice(-6000)}`)),
    )
  })
}

/** Fixture snapshot + release-style build into a fresh temp dir. Call `cleanup` when done. */
async function buildInto(root: string, opts: FixtureOptions): Promise<BuiltSite> {
  const fixture = await writeFixtureSnapshot(path.join(root, 'snapshot'), opts)
  const outDir = path.join(root, 'release')
  // The prerender step imports packages by name from the output folder; like release.ts, a folder
  // outside the project finds them through a link.
  fs.symlinkSync(path.join(projectRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir')
  const { durationMs, output } = await runAstroBuild(fixture.snapshotFile, outDir)
  return { ...fixture, root, outDir, clientDir: path.join(outDir, 'client'), durationMs, output }
}

/**
 * The fixture site for `opts`, built once per test run and shared by every file that asks for the
 * same options (tests/helpers/globalSetup.ts names the run's folder and removes it at the end).
 * Files in other workers wait for the first build instead of repeating it. Outside a run (a
 * benchmark, a script) each call builds its own copy. `cleanup` removes only a private copy.
 */
export async function buildFixtureSite(opts: FixtureOptions = {}): Promise<BuiltSite & { cleanup: () => void }> {
  const runDir = process.env.YGJZ_TEST_RUN_DIR
  if (!runDir) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ygjz-site-'))
    return { ...(await buildInto(root, opts)), cleanup: () => fs.rmSync(root, { recursive: true, force: true }) }
  }
  const key = crypto.createHash('sha256').update(JSON.stringify(opts)).digest('hex').slice(0, 12)
  const root = path.join(runDir, `site-${key}`)
  const done = path.join(root, 'built.json')
  const lock = `${root}.lock`
  for (;;) {
    if (fs.existsSync(done)) {
      const built = JSON.parse(fs.readFileSync(done, 'utf8')) as Omit<BuiltSite, 'snapshot' | 'rawValues'> & { rawValues: string[] }
      return { ...built, rawValues: new Set(built.rawValues), snapshot: JSON.parse(fs.readFileSync(built.snapshotFile, 'utf8')), cleanup: () => {} }
    }
    try {
      fs.mkdirSync(lock) // atomic: whoever creates it builds
    } catch {
      await new Promise((r) => setTimeout(r, 500))
      continue
    }
    try {
      fs.rmSync(root, { recursive: true, force: true })
      fs.mkdirSync(root, { recursive: true })
      const built = await buildInto(root, opts)
      const { snapshot: _snapshot, rawValues, ...rest } = built
      fs.writeFileSync(done, JSON.stringify({ ...rest, rawValues: [...rawValues] }))
      return { ...built, cleanup: () => {} }
    } finally {
      fs.rmSync(lock, { recursive: true, force: true })
    }
  }
}
