// The CMS keeps answering while an import is checked (issue 17): parsing and validation run in a
// worker thread, the month-over-month comparison reads the previous list a page at a time, rows are
// written in short batches. Measured here in the process that runs the import: the event-loop delay
// (perf_hooks) and the latency of the CMS's own liveness handler, served over HTTP meanwhile.
import http from 'node:http'
import type { Payload, PayloadRequest } from 'payload'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as liveness } from '../../cms/app/health/live/route'
import { analyseImport, commitImport, type ListTarget } from '../../cms/import/service'
import { bigListXlsx, commentsCdataXlsx, singleQuotedXlsx, unclosedRowXlsx } from '../fixtures/import/crafted'
import { testHouseholds } from '../fixtures/import/generate'
import { makeProgramme, makeRegions, makeUser } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'
import { freePort } from '../helpers/system'
import { whileAnswering as probe } from '../helpers/whileAnswering'

let t: TestPayload
let payload: Payload
let editorReq: PayloadRequest
let server: http.Server
let port: number

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  const regions = await makeRegions(payload)
  const programme = await makeProgramme(payload, 'dibao-rural')
  await payload.create({
    collection: 'standards',
    context: { disableAutoPublish: true, skipAudit: true, system: true },
    overrideAccess: true,
    data: { title: '农村低保标准', programme, region: regions.county, tier: '农村', amount: 1800, unit: 'person-year', effectiveFrom: '2026-01-01T04:00:00.000Z', _status: 'published' },
  })
  editorReq = await createLocalReq({ user: (await makeUser(payload, ['editor'])) as never }, payload)
  port = await freePort()
  server = http.createServer(async (_req, res) => {
    const r = liveness()
    res.writeHead(r.status, { 'content-type': 'application/json' })
    res.end(await r.text())
  })
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r))
}, 120_000)
afterAll(async () => {
  await new Promise((r) => server?.close(r))
  await t?.close()
})

const list = (month: string): ListTarget => ({ kind: 'list', programme: 'dibao-rural', region: '990199', month, listKind: 'approved' })
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))]

/** The shared prober, against this file's liveness server. */
const whileAnswering = <T>(work: () => Promise<T>) => probe(port, work)

// The issue's figures (p99 under 100 ms) are measured on a quiet machine by `npm run bench -- import100k`.
// Here the bounds are loose enough for a shared 2-core machine running other test files at once (a
// single scheduling hiccup there reaches a few hundred ms), yet a check run on the request thread —
// the fault this guards against — stalls every answer for seconds and still fails.
const LOOP_P99_MS = 150
const ANSWER_P99_MS = 300
const ANSWER_MAX_MS = 1000
const CRAFTED_FILE_MS = 10_000

describe('the CMS answers while an import runs', () => {
  it('checks and stores a 100,000-row .xlsx with the event loop free (p99 delay and health answers bounded)', async () => {
    const hs = testHouseholds(100_000, 'responsive')
    const file = bigListXlsx(hs)
    // A first run starts the worker thread; the measured run is what an editor's import does.
    await analyseImport(payload, bigListXlsx(hs.slice(0, 10)), 'warm.xlsx', list('2026-01'), {}, editorReq)
    const check = await whileAnswering(() => analyseImport(payload, file, '十万户.xlsx', list('2026-02'), {}, editorReq))
    expect(check.result.preview.counts.validRows).toBe(100_000)
    expect(check.latencies.length).toBeGreaterThan(5)
    expect(p99(check.latencies), `health latencies ${JSON.stringify(check.latencies.map(Math.round))}`).toBeLessThan(ANSWER_P99_MS)
    expect(check.loopP99).toBeLessThan(LOOP_P99_MS)

    // Storing the rows goes through the SQLite driver, which writes synchronously: its batches are kept
    // short (storeList.ts) but a slow disk shows through, so the figure is reported (and benchmarked
    // in `npm run bench -- import100k`), not asserted here.
    const store = await whileAnswering(() => commitImport(payload, file, '十万户.xlsx', list('2026-02'), {}, editorReq))
    expect(store.result.stored).toBe(true)
    console.log(JSON.stringify({ checkLoopP99Ms: check.loopP99, checkHealthP99Ms: p99(check.latencies), storeLoopP99Ms: store.loopP99, storeHealthP99Ms: p99(store.latencies), storeMs: store.ms }))
  }, 600_000)

  it('crafted files are read correctly or refused with a specific message, quickly, the CMS answering meanwhile', async () => {
    const cases: [string, Buffer, (p: Awaited<ReturnType<typeof analyseImport>>['preview']) => void][] = [
      ['unclosed-31mb.xlsx', unclosedRowXlsx(31), (p) => expect(p.issues.map((i) => i.code)).toContain('file.rowTooBig')],
      ['single-quoted.xlsx', singleQuotedXlsx(), (p) => expect(p.issues.map((i) => i.code)).toContain('header.notFound')],
      ['comments-cdata.xlsx', commentsCdataXlsx(), (p) => expect(p.issues.map((i) => i.code)).toContain('header.notFound')],
    ]
    for (const [name, bytes, expectation] of cases) {
      const run = await whileAnswering(() => analyseImport(payload, bytes, name, list('2026-03'), {}, editorReq))
      expectation(run.result.preview)
      expect(run.result.preview.issues.every((i) => /[\u4e00-\u9fff]/.test(i.message)), name).toBe(true)
      expect(run.ms, name).toBeLessThan(CRAFTED_FILE_MS)
      expect(Math.max(0, ...run.latencies), name).toBeLessThan(ANSWER_MAX_MS)
    }
  }, 120_000)
})
