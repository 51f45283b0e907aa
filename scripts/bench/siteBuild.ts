import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { writeFixtureSnapshot } from '../../tests/fixtures/snapshot/makeFixtureSnapshot'
import { astroBin, buildEnv, projectRoot } from '../../tests/site/buildFixtureSite'

type SizeResult = {
  households: number
  months: number
  rows: number
  lists: number
  htmlPages: number
  outputMiB: number
  fixtureMs: number
  buildMs: number
  peakRssMiB: number | null
}

/** Runs `astro build` like a release does and measures wall time and the peak RSS of the build. */
function timedBuild(snapshotFile: string, outDir: string): Promise<{ ms: number; peakRssMiB: number | null }> {
  const viaTime = fs.existsSync('/usr/bin/time')
  const args = [process.execPath, astroBin, 'build', '--silent']
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = viaTime
      ? spawn('/usr/bin/time', ['-v', ...args], { cwd: projectRoot, env: buildEnv(snapshotFile, outDir), stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(args[0], args.slice(1), { cwd: projectRoot, env: buildEnv(snapshotFile, outDir), stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    let polledKiB = 0
    // Without GNU time: poll the high-water mark of the build process.
    const poll = viaTime
      ? null
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))
            if (m) polledKiB = Math.max(polledKiB, Number(m[1]))
          } catch {}
        }, 100)
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('error', reject)
    child.on('exit', (code) => {
      if (poll) clearInterval(poll)
      const ms = Date.now() - started
      if (code !== 0) return reject(new Error(`site build failed (exit ${code}):\n${output.slice(-4000)}`))
      const kib = viaTime ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(output)?.[1] ?? NaN) : polledKiB
      resolve({ ms, peakRssMiB: Number.isFinite(kib) && kib > 0 ? Math.round(kib / 1024) : null })
    })
  })
}

function countAndSize(dir: string): { html: number; bytes: number } {
  let html = 0
  let bytes = 0
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue
    if (e.name.endsWith('.html')) html++
    bytes += fs.statSync(path.join(e.parentPath, e.name)).size
  }
  return { html, bytes }
}

/**
 * Site build time and peak memory for a fixture county of N households × 12 months, at each size
 * in one run. Targets (issues 6, 19): 10,000 ≤ 60 s; 100,000 ≤ 180 s and ≤ 4 GB; 1,000,000 (a
 * prefecture) ≤ 15 min and ≤ 6 GB; growing linearly. `--site-households=10000,100000` picks sizes.
 */
export async function benchSiteBuild(sizes = siteSizes(), months = 12) {
  const results: Record<string, SizeResult> = {}
  for (const households of sizes) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ygjz-bench-site-'))
    try {
      fs.symlinkSync(path.join(projectRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir')
      const t0 = Date.now()
      const fixture = await writeFixtureSnapshot(path.join(root, 'snapshot'), { households, months })
      const fixtureMs = Date.now() - t0
      const outDir = path.join(root, 'release')
      const { ms, peakRssMiB } = await timedBuild(fixture.snapshotFile, outDir)
      const out = countAndSize(path.join(outDir, 'client'))
      results[String(households)] = {
        households,
        months,
        rows: fixture.rowCount,
        lists: fixture.snapshot.lists.length,
        htmlPages: out.html,
        outputMiB: Math.round(out.bytes / 2 ** 20),
        fixtureMs,
        buildMs: ms,
        peakRssMiB,
      }
      console.error(`site build ${households} × ${months}: ${(ms / 1000).toFixed(1)} s, ${out.html} pages, peak ${peakRssMiB} MiB`)
    } finally {
      fs.rmSync(root, { recursive: true, force: true })
    }
  }
  const [a, b] = [sizes[0], sizes[sizes.length - 1]]
  // Each size against the one before it: linear growth keeps timeRatio near sizeRatio.
  const steps = sizes.slice(1).map((n, i) => ({
    from: sizes[i],
    to: n,
    sizeRatio: n / sizes[i],
    timeRatio: Number((results[String(n)].buildMs / results[String(sizes[i])].buildMs).toFixed(2)),
    memoryRatio: results[String(n)].peakRssMiB && results[String(sizes[i])].peakRssMiB ? Number((results[String(n)].peakRssMiB! / results[String(sizes[i])].peakRssMiB!).toFixed(2)) : null,
  }))
  return {
    name: 'site build by county size (households × 12 months)',
    results,
    sizeRatio: b / a,
    timeRatio: Number((results[String(b)].buildMs / results[String(a)].buildMs).toFixed(2)),
    steps,
    targets: { '10000': '≤ 60 s', '100000': '≤ 180 s, ≤ 4096 MiB peak', '1000000': '≤ 900 s, ≤ 6144 MiB peak' },
    note: 'timeRatio ≈ sizeRatio means linear growth; below it means fixed start-up cost dominates the small size',
  }
}

function siteSizes(): number[] {
  const arg = process.argv.find((a) => a.startsWith('--site-households='))
  return arg ? arg.slice('--site-households='.length).split(',').map(Number) : [10_000, 100_000, 1_000_000]
}
