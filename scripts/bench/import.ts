/**
 * Import benchmarks (wired into `npm run bench`; each function returns JSON-able results):
 *   benchImport100k      100,000-row synthetic .xlsx → parse + validate + store as a draft, in a child
 *                        process per run (3 measured runs, median), peak RSS of that child measured, and
 *                        the event-loop delay of that process (the CMS's request thread) while the file is
 *                        checked (worker thread) and while its rows are stored
 *   benchImportVsNaive   the same 20,000-row file through the import vs one Payload `create` per row
 *   benchDiff100k        month-over-month diff of two 100,000-row lists (in memory, and from the database)
 *   benchImportCrafted   the crafted files that once stalled the reader (a 31 MB unclosed row, single-quoted
 *                        attributes, comments and CDATA): time to the answer, and how the CMS's health
 *                        endpoint (served by the same process) answers meanwhile — the issue's < 2 s and
 *                        < 100 ms, which tests/integration/import-responsive.test.ts checks only loosely
 * Run alone: `node --import tsx scripts/bench/import.ts [name …]` (fresh temporary SQLite database).
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Payload } from 'payload'

const here = fileURLToPath(import.meta.url)
const projectRoot = path.resolve(path.dirname(here), '..', '..')
const system = { disableAutoPublish: true, skipAudit: true, system: true }

const COUNTY = { code: '990177', name: '基准县' }
const TOWNSHIPS = 4
const VILLAGES_PER_TOWNSHIP = 10
const PROGRAMME = 'bench-dibao'

type Household = { headName: string; idNumber: string; householdSize: number; amount: number; villageName: string }

/** The bench county, programme and standard (idempotent: benches share one database). */
async function ensureBenchData(payload: Payload) {
  const byCode = async (code: string) => (await payload.find({ collection: 'regions', where: { code: { equals: code } }, limit: 1, depth: 0, overrideAccess: true })).docs[0]
  const make = async (code: string, name: string, level: 'county' | 'township' | 'village', parent?: string) =>
    String((await byCode(code))?.id ?? (await payload.create({ collection: 'regions', context: system, overrideAccess: true, data: { code, name, level, parent } })).id)
  const county = await make(COUNTY.code, COUNTY.name, 'county')
  const villages: { code: string; name: string }[] = []
  for (let t = 1; t <= TOWNSHIPS; t++) {
    const tCode = `${COUNTY.code}${String(t).padStart(3, '0')}`
    const township = await make(tCode, `基准${t}镇`, 'township', county)
    for (let v = 1; v <= VILLAGES_PER_TOWNSHIP; v++) {
      const code = `${tCode}${200 + v}`
      const name = `基准${t}镇${v}村`
      await make(code, name, 'village', township)
      villages.push({ code, name })
    }
  }
  let programme = (await payload.find({ collection: 'programmes', where: { code: { equals: PROGRAMME } }, limit: 1, depth: 0, overrideAccess: true })).docs[0]
  if (!programme) {
    programme = await payload.create({
      collection: 'programmes',
      context: system,
      overrideAccess: true,
      data: { code: PROGRAMME, name: '农村最低生活保障（基准）', shortName: '农村低保', unit: 'person-year', publicityRequired: true, stages: [{ key: 'village', label: '村级公示', days: 7, unit: 'calendar' }] } as never,
    })
    await payload.create({
      collection: 'standards',
      context: system,
      overrideAccess: true,
      data: { title: '基准农村低保标准', programme: programme.id, region: county, tier: '农村', amount: 1800, unit: 'person-year', effectiveFrom: '2020-01-01T04:00:00.000Z', _status: 'published' },
    })
  }
  return { countyId: county, villages }
}

async function households(count: number, villages: { code: string; name: string }[], seed: string): Promise<Household[]> {
  const { generateHouseholds } = await import('../../content/demo/generate')
  const byCode = new Map(villages.map((v) => [v.code, v.name]))
  return generateHouseholds({ seed, count, villages: villages.map((v) => v.code), programme: 'dibao-rural', month: '2026-01' }).map((h) => ({
    headName: h.headName,
    idNumber: h.idNumber,
    householdSize: h.householdSize,
    amount: h.amount,
    villageName: byCode.get(h.villageCode)!,
  }))
}

/** The next month: 2% leave, 2% join (never re-using an ID), 5% change their amount. */
async function nextMonth(prev: Household[], villages: { code: string; name: string }[]): Promise<Household[]> {
  const ids = new Set(prev.map((h) => h.idNumber))
  const joining = (await households(Math.ceil(prev.length * 0.025), villages, 'bench-join')).filter((h) => !ids.has(h.idNumber)).slice(0, Math.ceil(prev.length * 0.02))
  const kept = prev.filter((_, i) => i % 50 !== 7).map((h, i) => (i % 20 === 3 ? { ...h, amount: Math.max(10, h.amount - 10) } : h))
  return [...kept, ...joining]
}

/** A provincial-style export (title row, header, rows, 合计) written by ExcelJS's streaming writer, with shared strings. */
async function writeXlsx(file: string, hs: Household[]) {
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false })
  const ws = wb.addWorksheet('发放名册')
  ws.addRow([`${COUNTY.name}农村低保资金发放花名册`]).commit()
  ws.addRow(['序号', '户主姓名', '身份证号码', '保障人数', '月保障金（元）', '村（社区）', '类别']).commit()
  hs.forEach((h, i) => ws.addRow([i + 1, h.headName, h.idNumber, h.householdSize, h.amount, h.villageName, '农村低保']).commit())
  ws.addRow(['合计', `${hs.length}户`, null, hs.reduce((s, h) => s + h.householdSize, 0), hs.reduce((s, h) => s + Math.round(h.amount * 100), 0) / 100]).commit()
  ws.commit()
  await wb.commit()
}

type ChildResult = {
  stored: boolean
  households: number
  importMs: number
  cpuMs: number
  wallMs: number
  maxRssMiB: number
  reason?: string
  loop: { checkP99Ms: number; checkMaxMs: number; storeP99Ms: number; storeMaxMs: number; p99Ms: number }
}

function runChild(dataDir: string, file: string, month: string, publish: boolean): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const child = spawn(process.execPath, ['--import', 'tsx', here, '--child', file, month, publish ? 'publish' : 'draft'], {
      cwd: projectRoot,
      // The child imports into the database the benchmark runs on (scripts/bench/database.ts).
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URI: process.env.DATABASE_URI ?? '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.on('error', reject)
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? ''
      try {
        resolve({ ...(JSON.parse(line) as ChildResult), wallMs: Date.now() - started })
      } catch {
        reject(new Error(`import child failed (exit ${code}): ${out.slice(-500)}`))
      }
    })
  })
}

async function childMain(file: string, month: string, publish: boolean) {
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../cms/payload.config')
  const { commitImport } = await import('../../cms/import/service')
  const { monitorEventLoopDelay } = await import('node:perf_hooks')
  const payload = await getPayload({ config, disableOnInit: true } as never)
  const bytes = await fs.promises.readFile(file)
  // Event-loop delay of this process (in the CMS: the thread that answers every request), sampled
  // every 10 ms, split at the moment the rows start to be written.
  const check = monitorEventLoopDelay({ resolution: 10 })
  const store = monitorEventLoopDelay({ resolution: 10 })
  const all = monitorEventLoopDelay({ resolution: 10 })
  check.enable()
  all.enable()
  let storing = false
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const res = await commitImport(payload, bytes, path.basename(file), { kind: 'list', programme: PROGRAMME, region: COUNTY.code, month, listKind: 'disbursement' }, {
    // Synthetic months may differ a lot from each other; the benchmark measures the import, not the review.
    confirmReason: '基准测试（合成数据）',
    onProgress: (p) => {
      if (p.phase === 'store' && !storing) {
        storing = true
        check.disable()
        store.enable()
      }
    },
  })
  const importMs = Math.round(performance.now() - t0)
  // CPU time of the process (all its threads, the checking worker included): on a shared machine the
  // wall time grows with the load, this much less; on a quiet machine the wall time is at most about this.
  const cpu = process.cpuUsage(cpu0)
  const cpuMs = Math.round((cpu.user + cpu.system) / 1000)
  check.disable()
  store.disable()
  all.disable()
  const ms = (ns: number) => Math.round(ns / 1e5) / 10
  const loop = { checkP99Ms: ms(check.percentile(99)), checkMaxMs: ms(check.max), storeP99Ms: storing ? ms(store.percentile(99)) : 0, storeMaxMs: storing ? ms(store.max) : 0, p99Ms: ms(all.percentile(99)) }
  if (res.stored && publish) await payload.update({ collection: 'recipient-lists', id: res.listId!, overrideAccess: true, context: system, data: { _status: 'published' } })
  const maxRssMiB = Math.round(process.resourceUsage().maxRSS / 1024)
  process.stdout.write(`${JSON.stringify({ stored: res.stored, households: res.preview.counts.validRows, importMs, cpuMs, maxRssMiB, loop, reason: res.stored ? undefined : res.reason })}\n`)
  await payload.destroy()
  process.exit(0)
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** 100,000 rows: parse + validate + store as a draft (with month-over-month changes against a published 100,000-row list). */
export async function benchImport100k(payload: Payload, dataDir: string, rows = 100_000, runs = 3) {
  const { villages } = await ensureBenchData(payload)
  const m1 = await households(rows, villages, 'bench-100k')
  const m2 = await nextMonth(m1, villages)
  const f1 = path.join(dataDir, 'bench-100k-m1.xlsx')
  const f2 = path.join(dataDir, 'bench-100k-m2.xlsx')
  await writeXlsx(f1, m1)
  await writeXlsx(f2, m2)
  // The previous month, published, so each measured run also computes the changes against 100,000 rows.
  const first = await runChild(dataDir, f1, '2031-01', true)
  if (!first.stored) throw new Error(`bench import refused: ${first.reason}`)
  const measured: ChildResult[] = []
  for (let i = 0; i < runs; i++) {
    const r = await runChild(dataDir, f2, '2031-02', false)
    if (!r.stored) throw new Error(`bench import refused: ${r.reason}`)
    measured.push(r)
  }
  const ms = measured.map((r) => r.importMs)
  return {
    name: `import ${rows.toLocaleString('en')}-row .xlsx: parse + validate + store as draft (child process per run)`,
    fileMiB: Number((fs.statSync(f2).size / 2 ** 20).toFixed(1)),
    households: measured[0].households,
    firstRunMs: first.importMs,
    runsMs: ms,
    medianMs: median(ms),
    medianCpuMs: median(measured.map((r) => r.cpuMs)),
    loadAverageAtEnd: os.loadavg().map((x) => Number(x.toFixed(2))),
    medianWallMsIncludingBoot: median(measured.map((r) => r.wallMs)),
    peakRssMiB: Math.max(first.maxRssMiB, ...measured.map((r) => r.maxRssMiB)),
    // The first run also publishes the list (the previous month the measured runs compare with).
    firstRunPeakRssMiB: first.maxRssMiB,
    runsPeakRssMiB: measured.map((r) => r.maxRssMiB),
    eventLoop: {
      note: 'delay of the importing process’s event loop (the CMS request thread), median of the runs',
      whileCheckingP99Ms: median(measured.map((r) => r.loop.checkP99Ms)),
      whileCheckingMaxMs: median(measured.map((r) => r.loop.checkMaxMs)),
      whileStoringP99Ms: median(measured.map((r) => r.loop.storeP99Ms)),
      whileStoringMaxMs: median(measured.map((r) => r.loop.storeMaxMs)),
      wholeImportP99Ms: median(measured.map((r) => r.loop.p99Ms)),
    },
    targets: { medianMs: 30_000, peakRssMiB: 1536, whileCheckingP99Ms: 100 },
    met: median(ms) <= 30_000 && Math.max(first.maxRssMiB, ...measured.map((r) => r.maxRssMiB)) <= 1536 && median(measured.map((r) => r.loop.checkP99Ms)) < 100,
  }
}

/** The same 20,000-row file through the import vs one Local API `create` per row (what a naive import does). */
export async function benchImportVsNaive(payload: Payload, dataDir: string, rows = 20_000) {
  const { villages } = await ensureBenchData(payload)
  const { analyseImport, commitImport } = await import('../../cms/import/service')
  const hs = await households(rows, villages, 'bench-20k')
  const file = path.join(dataDir, 'bench-20k.xlsx')
  await writeXlsx(file, hs)
  const target = { kind: 'list' as const, programme: PROGRAMME, region: COUNTY.code, listKind: 'approved' as const }

  let t0 = performance.now()
  const res = await commitImport(payload, await fs.promises.readFile(file), 'bench-20k.xlsx', { ...target, month: '2032-01' })
  const importMs = performance.now() - t0
  if (!res.stored) throw new Error(`bench import refused: ${res.reason}`)

  // Naive: the same parse and checks, then the list document and one `create` per row.
  t0 = performance.now()
  const run = await analyseImport(payload, await fs.promises.readFile(file), 'bench-20k.xlsx', { ...target, month: '2032-02' })
  const list = await payload.create({ collection: 'recipient-lists', draft: true, data: { title: '逐行创建（基准）', kind: 'approved', programme: run.resolved.programme.id, region: run.resolved.region.id, month: '2032-02', importStatus: 'importing', _status: 'draft' } })
  let n = 0
  for (const r of run.rows) {
    await payload.create({
      collection: 'recipient-rows',
      data: { list: list.id, no: ++n, headName: r.headName, idNumber: r.idNumber, idHash: r.idHash, householdSize: r.householdSize, amount: r.amount ?? 0, category: r.category, village: r.villageId, region: run.resolved.region.id },
    })
  }
  const naiveMs = performance.now() - t0
  return {
    name: `same ${rows.toLocaleString('en')}-row .xlsx: import vs one Local API create per row`,
    importMs: Math.round(importMs),
    naiveMs: Math.round(naiveMs),
    speedup: Number((naiveMs / importMs).toFixed(1)),
    target: '≥ 10×',
    met: naiveMs / importMs >= 10,
  }
}

/** Month-over-month changes of two 100,000-row lists: the diff alone, and read-from-database + diff. */
export async function benchDiff100k(payload: Payload, _dataDir: string, rows = 100_000) {
  const { diffLists } = await import('../../cms/domain/listChanges')
  const { hashIdNumber } = await import('../../cms/domain/idNumber')
  const { storeListDraft, computeChanges } = await import('../../cms/lists/storeList')
  const { countyId, villages } = await ensureBenchData(payload)
  const key = crypto.randomBytes(32).toString('hex')
  const m1 = await households(rows, villages, 'bench-diff')
  const m2 = await nextMonth(m1, villages)
  const lines = (hs: Household[]) => hs.map((h) => ({ key: hashIdNumber(h.idNumber, key), householdSize: h.householdSize, amount: h.amount }))
  const a = lines(m1)
  const b = lines(m2)
  const memRuns: number[] = []
  let changes = diffLists(a, b)
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now()
    changes = diffLists(a, b)
    memRuns.push(performance.now() - t0)
  }
  // From the database: the previous list's rows are read back (as the import does) and diffed.
  const programmeId = String((await payload.find({ collection: 'programmes', where: { code: { equals: PROGRAMME } }, limit: 1, depth: 0, overrideAccess: true })).docs[0].id)
  const villageId = new Map((await payload.find({ collection: 'regions', where: { level: { equals: 'village' } }, pagination: false, depth: 0, overrideAccess: true })).docs.map((d) => [d.name, String(d.id)]))
  const meta = { kind: 'approved' as const, programmeId, regionId: countyId }
  const prev = await storeListDraft(
    payload,
    { ...meta, title: '基准（上月）', month: '2033-01' },
    m1.map((h, i) => ({ no: i + 1, headName: h.headName, idNumber: h.idNumber, idHash: a[i].key, householdSize: h.householdSize, amount: h.amount, villageId: villageId.get(h.villageName)! })),
  )
  await payload.update({ collection: 'recipient-lists', id: prev.id, overrideAccess: true, context: system, data: { _status: 'published' } })
  const dbRuns: number[] = []
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now()
    await computeChanges(payload, { ...meta, title: '基准（本月）', month: '2033-02' }, b.map((l) => ({ idHash: l.key, householdSize: l.householdSize, amount: l.amount })))
    dbRuns.push(performance.now() - t0)
  }
  return {
    name: `month-over-month diff of two ${rows.toLocaleString('en')}-row lists`,
    inMemoryMedianMs: Math.round(median(memRuns)),
    withDatabaseReadMedianMs: Math.round(median(dbRuns)),
    changes,
    target: '≤ 2,000 ms',
    met: median(dbRuns) <= 2000,
  }
}

/** Crafted files (issue 17): each read correctly or refused with its specific code, in < 2 s, the CMS answering within 100 ms. */
export async function benchImportCrafted(payload: Payload, _dataDir: string, runs = 3) {
  await ensureBenchData(payload)
  const http = await import('node:http')
  const { analyseImport } = await import('../../cms/import/service')
  const { whileAnswering } = await import('../../tests/helpers/whileAnswering')
  const { GET: liveness } = await import('../../cms/app/health/live/route')
  const { unclosedRowXlsx, singleQuotedXlsx, commentsCdataXlsx } = await import('../../tests/fixtures/import/crafted')
  const server = http.createServer(async (_req, res) => {
    const r = liveness()
    res.writeHead(r.status, { 'content-type': 'application/json' })
    res.end(await r.text())
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as { port: number }).port
  const target = { kind: 'list' as const, programme: PROGRAMME, region: COUNTY.code, month: '2034-01', listKind: 'approved' as const }
  const files: [string, Buffer, string][] = [
    ['unclosed-31mb.xlsx', unclosedRowXlsx(31), 'file.rowTooBig'],
    ['single-quoted.xlsx', singleQuotedXlsx(), 'header.notFound'],
    ['comments-cdata.xlsx', commentsCdataXlsx(), 'header.notFound'],
  ]
  const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? 0
  // A first read starts the worker thread (as the first import after a CMS start does); not measured.
  await analyseImport(payload, singleQuotedXlsx(), 'warm.xlsx', target)
  const results = []
  for (const [name, bytes, expected] of files) {
    const ms: number[] = []
    const healthMax: number[] = []
    const healthP99: number[] = []
    const loopMax: number[] = []
    let codes: string[] = []
    for (let i = 0; i < runs; i++) {
      const run = await whileAnswering(port, () => analyseImport(payload, bytes, name, target), 20)
      ms.push(run.ms)
      codes = run.result.preview.issues.map((x) => x.code)
      healthMax.push(Math.max(0, ...run.latencies))
      healthP99.push(pct(run.latencies, 0.99))
      loopMax.push(run.loopMax)
    }
    const r1 = (x: number) => Math.round(x * 10) / 10
    results.push({
      file: name,
      fileMiB: Number((bytes.length / 2 ** 20).toFixed(2)),
      answeredWith: expected,
      answeredCorrectly: codes.includes(expected),
      medianMs: Math.round(median(ms)),
      healthAnswerMedianOfMaxMs: r1(median(healthMax)),
      healthAnswerMedianOfP99Ms: r1(median(healthP99)),
      eventLoopMedianOfMaxMs: r1(median(loopMax)),
    })
  }
  await new Promise((r) => server.close(r))
  return {
    name: `crafted .xlsx files, ${runs} runs each (medians): time to the answer, and the CMS health endpoint answering meanwhile`,
    results,
    loadAverageAtEnd: os.loadavg().map((x) => Number(x.toFixed(2))),
    targets: { eachMs: 2000, healthAnswerMaxMs: 100 },
    met: results.every((r) => r.answeredCorrectly && r.medianMs < 2000 && r.healthAnswerMedianOfMaxMs < 100),
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === here
if (isMain && process.argv[2] === '--child') {
  await childMain(process.argv[3], process.argv[4], process.argv[5] === 'publish')
} else if (isMain) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ygjz-bench-import-'))
  process.env.DATA_DIR = dataDir
  process.env.PAYLOAD_SECRET ??= crypto.randomBytes(32).toString('hex')
  delete process.env.DATABASE_URI
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../cms/payload.config')
  const { migrateDatabase } = await import('../../cms/database')
  const payload = await getPayload({ config, disableOnInit: true } as never)
  await migrateDatabase(payload)
  const all: Record<string, (p: Payload, d: string) => Promise<unknown>> = { benchImport100k, benchImportVsNaive, benchDiff100k, benchImportCrafted }
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'))
  const out: Record<string, unknown> = { machine: { cpus: os.cpus().length, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version } }
  for (const name of wanted.length ? wanted : Object.keys(all)) {
    const started = Date.now()
    out[name] = await all[name](payload, dataDir)
    console.error(`bench ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }
  console.log(JSON.stringify(out, null, 2))
  await payload.destroy()
  fs.rmSync(dataDir, { recursive: true, force: true })
  process.exit(0)
}
