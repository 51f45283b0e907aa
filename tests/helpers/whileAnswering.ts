// Runs some work while asking a liveness endpoint over HTTP at a steady pace, and measures how the
// answers and this process's event loop fare meanwhile. Shared by the import-responsiveness test
// (loose bounds) and `npm run bench -- importCrafted` (the figures).
import http from 'node:http'
import { monitorEventLoopDelay } from 'node:perf_hooks'

/** Runs `work` while asking `http://127.0.0.1:<port>/health/live` every `everyMs`; returns the latencies and the loop delay (ms). */
export async function whileAnswering<T>(port: number, work: () => Promise<T>, everyMs = 50) {
  const loop = monitorEventLoopDelay({ resolution: 10 })
  const latencies: number[] = []
  let running = true
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  const prober = (async () => {
    while (running) {
      const t0 = performance.now()
      await new Promise<void>((resolve, reject) => {
        http.get({ host: '127.0.0.1', port, path: '/health/live', agent }, (res) => {
          res.resume()
          res.on('end', () => resolve())
        }).on('error', reject)
      })
      latencies.push(performance.now() - t0)
      await new Promise((r) => setTimeout(r, everyMs))
    }
  })()
  loop.enable()
  const t0 = performance.now()
  const result = await work()
  const ms = performance.now() - t0
  loop.disable()
  running = false
  await prober
  agent.destroy()
  return { result, ms, latencies, loopP99: loop.percentile(99) / 1e6, loopMax: loop.max / 1e6 }
}
