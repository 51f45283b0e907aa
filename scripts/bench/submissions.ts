import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { Payload } from 'payload'
import { outboxPublicKey } from '../../cms/complaints/outboxKey'
import { publicFormKey } from '../../cms/complaints/publicKey'
import { seedComplaintCategories } from '../../cms/complaints/categories'
import { seedWorkCalendar } from '../../cms/calendar/workCalendar'
import { projectRoot } from '../../cms/paths'
import { publishRelease } from '../../cms/publish/release'
import { miniCms } from '../../tests/helpers/miniCms'

type LoadResult = { rate: number; seconds: number; sent: number; ok: number; errors: number; throughput: number; p50: number | null; p99: number | null; max: number | null; failures: Record<string, number> }

/** Runs the load generator in a second process against a loopback URL. */
function load(url: string, rate: number, seconds: number, origin?: string, receiptsFile?: string): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'scripts', 'bench', 'loadgen.ts'), url, String(rate), String(seconds), origin ?? '', receiptsFile ?? ''], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`loadgen exited ${code}`))))
  })
}

const listen = (s: http.Server) => new Promise<number>((r) => s.listen(0, '127.0.0.1', () => r((s.address() as { port: number }).port)))

/** The fastest rate (of those tried) that stays within p99 ≤ 150 ms with no error. */
async function maxSustained(url: string, origin: string | undefined, rates: number[], seconds: number) {
  let best: LoadResult | null = null
  const tried: LoadResult[] = []
  for (const rate of rates) {
    const r = await load(url, rate, seconds, origin)
    tried.push(r)
    if (r.errors > 0 || (r.p99 ?? Infinity) > 150) break
    best = r
  }
  return { maxSustainedRate: best?.rate ?? 0, tried }
}

/**
 * Submission endpoint under load (issue 7): the public form POST through the public server to the
 * CMS endpoint (which stores it), at 50 req/s for 30 s, and the highest sustained rate; side by side
 * with a bare Node HTTP handler that only parses the same form — the ceiling.
 */
export async function benchSubmissions(payload: Payload, dataDir: string, { seconds = 30, stepSeconds = 5 } = {}) {
  for (const k of ['FORM_SUBMIT_LIMIT', 'FORM_ADDRESS_LIMIT', 'FORM_ATTEMPT_LIMIT']) process.env[k] = '1000000000'
  await seedWorkCalendar(payload, 2025)
  await seedComplaintCategories(payload)
  const dir = path.join(dataDir, 'releases-submissions')
  await publishRelease(payload, { dir })
  const cms = miniCms(payload)
  process.env.CMS_URL = `http://127.0.0.1:${await listen(cms)}`
  process.env.PUBLIC_FORM_KEY = publicFormKey()
  process.env.OUTBOX_DIR = path.join(dataDir, 'outbox')
  process.env.OUTBOX_PUBLIC_KEY = outboxPublicKey()
  // The public server in its own process, as deployed beside the CMS.
  const siteProc = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'scripts', 'bench', 'publicServerProcess.ts'), dir], { cwd: projectRoot, env: process.env, stdio: ['ignore', 'pipe', 'inherit'] })
  const sitePort = await new Promise<number>((resolve) => siteProc.stdout!.once('data', (d) => resolve(JSON.parse(String(d)).port)))
  const bare = http.createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const request = new Request('http://x/', { method: 'POST', headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) })
    const form = await request.formData()
    res.writeHead(200, { 'content-type': 'text/plain' })
    res.end(String(form.get('trackingCode')))
  })
  const barePort = await listen(bare)
  const siteUrl = `http://127.0.0.1:${sitePort}/interact/report/`
  const origin = `http://127.0.0.1:${sitePort}`
  try {
    // Warm-up (not measured): the first requests load code on both servers.
    await load(siteUrl, 10, 3, origin)
    const receiptsFile = path.join(dataDir, 'receipts.json')
    const fixed = await load(siteUrl, 50, seconds, origin, receiptsFile)
    const receipts: string[] = JSON.parse(fs.readFileSync(receiptsFile, 'utf8'))
    let stored = 0
    for (let i = 0; i < receipts.length; i += 500) {
      stored += (await payload.count({ collection: 'complaints', where: { trackingCode: { in: receipts.slice(i, i + 500) } }, overrideAccess: true })).totalDocs
    }
    const fixedBare = await load(`http://127.0.0.1:${barePort}/`, 50, seconds)
    const rates = [50, 60, 70, 80, 90, 100, 125, 150, 200, 300, 400, 600, 800, 1200]
    const sustained = await maxSustained(siteUrl, origin, rates, stepSeconds)
    const sustainedBare = await maxSustained(`http://127.0.0.1:${barePort}/`, undefined, rates, stepSeconds)
    return {
      name: 'complaint submission under load (public form → public server → CMS endpoint → database)',
      at50PerSecond: { submission: { ...fixed, receiptsStored: stored, lost: receipts.length - stored }, bareParse: fixedBare },
      targets: { p99Ms: 150, errors: 0, lost: 0, met: fixed.errors === 0 && (fixed.p99 ?? Infinity) <= 150 && fixed.ok === stored },
      maxSustainedRate: { submission: sustained.maxSustainedRate, bareParse: sustainedBare.maxSustainedRate, ratio: sustainedBare.maxSustainedRate ? Math.round((sustained.maxSustainedRate / sustainedBare.maxSustainedRate) * 100) / 100 : null, stepSeconds },
      steps: { submission: sustained.tried, bareParse: sustainedBare.tried },
      note: 'the CMS side here is the same endpoint handler served by a thin HTTP wrapper instead of Next.js; the outbox is not used (the CMS is up)',
    }
  } finally {
    siteProc.kill('SIGTERM')
    cms.close()
    bare.close()
  }
}
