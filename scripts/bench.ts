/**
 * `npm run bench [-- name …]`: benchmarks, printed as JSON. Each compares two ways or two sizes of
 * the same work in one run (ratios, because shared machines are noisy). Never part of `npm test`.
 * Database: a fresh database on the server of DATABASE_URI (postgres:// or mongodb://), a throw-away
 * PostgreSQL cluster with `--postgres`, otherwise a temporary SQLite file (scripts/bench/database.ts).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ygjz-bench-'))
process.env.DATA_DIR = dataDir
process.env.PAYLOAD_SECRET ??= crypto.randomBytes(32).toString('hex')
const { selectBenchDatabase } = await import('./bench/database')
const database = await selectBenchDatabase(process.argv.slice(2))

const { getPayload } = await import('payload')
const { default: config } = await import('../cms/payload.config')
const { migrateDatabase } = await import('../cms/database')
const { benchPoliciesBuild } = await import('./bench/policiesBuild')
const { benchSiteBuild } = await import('./bench/siteBuild')
const { benchSubmissions } = await import('./bench/submissions')
const { benchPublishLatency } = await import('./bench/publishLatency')
const { benchImport100k, benchImportVsNaive, benchDiff100k, benchImportCrafted } = await import('./bench/import')
const { benchGateKnownValues } = await import('./bench/gateKnownValues')

const benches: Record<string, (p: Awaited<ReturnType<typeof getPayload>>) => Promise<unknown>> = {
  policiesBuild: (p) => benchPoliciesBuild(p, dataDir),
  siteBuild: () => benchSiteBuild(),
  submissions: (p) => benchSubmissions(p, dataDir),
  publishLatency: (p) => benchPublishLatency(p, dataDir),
  import100k: (p) => benchImport100k(p, dataDir),
  importVsNaive: (p) => benchImportVsNaive(p, dataDir),
  diff100k: (p) => benchDiff100k(p, dataDir),
  importCrafted: (p) => benchImportCrafted(p, dataDir),
  gateKnownValues: () => benchGateKnownValues(),
}
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'))
const selected = wanted.length ? wanted : Object.keys(benches)
for (const name of selected) if (!benches[name]) throw new Error(`unknown benchmark ${name}; have: ${Object.keys(benches).join(', ')}`)

const payload = await getPayload({ config, disableOnInit: true } as never)
await migrateDatabase(payload)
const out: Record<string, unknown> = {
  machine: { cpus: os.cpus().length, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  database: database.kind,
  startedAt: new Date().toISOString(),
}
for (const name of selected) {
  const started = Date.now()
  out[name] = await benches[name](payload)
  // Each result also goes to stderr as soon as it is known (a long run interrupted keeps what it measured).
  console.error(`bench ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(out[name])}`)
}
console.log(JSON.stringify(out, null, 2))
await payload.destroy()
await database.cleanUp()
fs.rmSync(dataDir, { recursive: true, force: true })
process.exit(0)
