/**
 * Open-loop load generator (runs as its own process): sends form submissions at a fixed rate,
 * whatever the server's pace, and reports latency percentiles. Loopback only.
 *   node --import tsx scripts/bench/loadgen.ts <url> <rate/s> <seconds> [origin]
 * Against the public server each submission carries a form it opened first (the server signs the
 * form's timestamp); the forms are opened before the timed part, which measures the POSTs only.
 */
import { generateQueryPassword, generateTrackingCode } from '../../cms/domain/trackingCode'

const [url, rateArg, secondsArg, origin, receiptsFile] = process.argv.slice(2)
const target = new URL(url)
if (!['127.0.0.1', 'localhost', '::1'].includes(target.hostname)) throw new Error('load tests target loopback only')
const rate = Number(rateArg)
const seconds = Number(secondsArg)

const receipts: string[] = []
type Opened = { trackingCode: string; queryPassword: string; formToken: string }
const forms: Opened[] = []
if (origin) {
  const total = Math.round(rate * seconds)
  let next = 0
  const open = async () => {
    while (next++ < total) {
      const html = await (await fetch(url)).text()
      const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? ''
      forms.push({ trackingCode: hidden('trackingCode'), queryPassword: hidden('queryPassword'), formToken: hidden('formToken') })
    }
  }
  await Promise.all(Array.from({ length: 16 }, open))
  await new Promise((r) => setTimeout(r, 2700)) // the time trap: a form sent back within 2.5 s is refused
}
function body(i: number) {
  const f = forms[i] ?? { trackingCode: generateTrackingCode(), queryPassword: generateQueryPassword(), formToken: '' }
  const fd = new FormData()
  fd.set('trackingCode', f.trackingCode)
  fd.set('queryPassword', f.queryPassword)
  fd.set('formToken', f.formToken)
  fd.set('category', 'fraud')
  fd.set('identity', 'anonymous')
  fd.set('content', '压力测试：某村有一户家庭成员有稳定工作收入，仍在享受低保，请核查。')
  return fd
}

const latencies: number[] = []
let ok = 0
const failures: Record<string, number> = {}
const inflight: Promise<void>[] = []
const started = performance.now()
const total = Math.round(rate * seconds)
for (let i = 0; i < total; i++) {
  const due = started + (i * 1000) / rate
  const wait = due - performance.now()
  if (wait > 0) await new Promise((r) => setTimeout(r, wait))
  const t0 = performance.now()
  const fd = body(i)
  const code = String(fd.get('trackingCode'))
  inflight.push(
    fetch(url, { method: 'POST', body: fd, headers: origin ? { origin } : {}, signal: AbortSignal.timeout(10_000) })
      .then(async (res) => {
        await res.arrayBuffer()
        latencies.push(performance.now() - t0)
        if (res.status === 200) {
          ok++
          receipts.push(code)
        }
        else failures[res.status] = (failures[res.status] ?? 0) + 1
      })
      .catch((err) => {
        failures[err.name ?? 'error'] = (failures[err.name ?? 'error'] ?? 0) + 1
      }),
  )
}
await Promise.all(inflight)
if (receiptsFile) (await import('node:fs')).writeFileSync(receiptsFile, JSON.stringify(receipts))
const elapsed = (performance.now() - started) / 1000
latencies.sort((a, b) => a - b)
const pct = (p: number) => (latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] * 10) / 10 : null)
console.log(JSON.stringify({ rate, seconds, sent: total, ok, errors: total - ok, failures, throughput: Math.round((ok / elapsed) * 10) / 10, p50: pct(50), p99: pct(99), max: pct(100) }))
