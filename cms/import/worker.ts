// The import check's worker thread (started and reused by runCheck.ts): receives an upload and
// everything its check needs, runs it, streams progress and then the result back in parts (large
// arrays in chunks, so the CMS thread never spends long taking one message apart). One check at a
// time; the thread then waits for the next.
import { parentPort, workerData } from 'node:worker_threads'
import { runImportCheck, type CheckInput } from './check'

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'progress'; progress: import('./check').CheckProgress }
  | { type: 'rows'; rows: import('./validate').ValidRow[] }
  | { type: 'issues'; issues: import('./types').ImportIssue[] }
  | { type: 'done'; output: import('./check').CheckOutput }
  | { type: 'error'; error: { name: string; message: string; stack?: string } }

export const CHUNK = 5000

// Only when started as the import worker (a test runner's own worker threads may load this file).
const port = (workerData as { ygjzImportCheck?: boolean } | null)?.ygjzImportCheck ? parentPort : null
if (port) {
  port.postMessage({ type: 'ready' })
  port.on('message', async (input: CheckInput) => {
    const send = (m: WorkerMessage) => port.postMessage(m)
    try {
      let last = 0
      const output = await runImportCheck(input, (progress) => {
        const now = performance.now()
        if (now - last < 150 && progress.fraction < 1) return
        last = now
        send({ type: 'progress', progress })
      })
      const { rows, issues } = output
      for (let i = 0; i < rows.length; i += CHUNK) send({ type: 'rows', rows: rows.slice(i, i + CHUNK) })
      for (let i = 0; i < issues.length; i += CHUNK) send({ type: 'issues', issues: issues.slice(i, i + CHUNK) })
      send({ type: 'done', output: { ...output, rows: [], issues: [] } })
    } catch (err) {
      const e = err as Error
      send({ type: 'error', error: { name: e?.name ?? 'Error', message: String(e?.message ?? err), stack: e?.stack } })
    }
  })
}
