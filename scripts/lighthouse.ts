/**
 * `npm run lighthouse -- <public site URL>`: Lighthouse (performance, accessibility, best practices)
 * on the home page, a notice and a village list page of a running public server, with Debian's
 * Chromium. Prints JSON; the bar is ≥ 95 in each category. Loopback only.
 */
import { spawnSync } from 'node:child_process'

const base = (process.argv[2] ?? 'http://127.0.0.1:4321').replace(/\/$/, '')
const host = new URL(base).hostname
if (!['127.0.0.1', 'localhost', '::1'].includes(host)) throw new Error('runs against a local server only')

async function firstLink(page: string, pattern: RegExp): Promise<string> {
  const html = await (await fetch(base + page)).text()
  const m = [...html.matchAll(/href="([^"]+)"/g)].map((x) => x[1]).find((h) => pattern.test(h))
  if (!m) throw new Error(`no link matching ${pattern} on ${page}`)
  return m
}

const notice = await firstLink('/notices/', /^\/notices\/[0-9a-f-]{20,}\/$/)
const list = await firstLink(await firstLink('/lists/', /^\/lists\/[0-9a-f-]{20,}\/$/), /^\/lists\/[0-9a-f-]{20,}\/\d{6,}\/$/)
// Fetched on demand (pinned), not a project dependency: `npx` runs it from the npm cache.
const LIGHTHOUSE = 'lighthouse@12.8.2'
const results: Record<string, Record<string, number>> = {}
for (const [name, page] of [['home', '/'], ['notice', notice], ['villageList', list]] as const) {
  const run = spawnSync(
    'npx',
    ['--yes', LIGHTHOUSE, base + page, '--quiet', '--output=json', '--only-categories=performance,accessibility,best-practices', '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --no-first-run'],
    { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  )
  if (run.status !== 0) throw new Error(`lighthouse failed on ${page}: ${run.stderr.slice(-2000)}`)
  const report = JSON.parse(run.stdout)
  results[name] = Object.fromEntries(Object.entries(report.categories as Record<string, { score: number }>).map(([k, v]) => [k, Math.round(v.score * 100)]))
}
const met = Object.values(results).every((r) => Object.values(r).every((s) => s >= 95))
console.log(JSON.stringify({ base, pages: { home: '/', notice, villageList: list }, scores: results, target: 95, met }, null, 2))
