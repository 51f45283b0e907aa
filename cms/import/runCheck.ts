// Runs an import check (check.ts) in a worker thread with a time and memory budget, so parsing and
// validating a 100,000-row file — or a hostile one — never holds up the CMS: other users keep being
// served while it runs. Progress is reported as it comes; an AbortSignal cancels (the worker is
// terminated, nothing was written). The worker loads the TypeScript sources through tsx, the same
// loader the npm scripts use, from the project's node_modules.
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { cmsDir, projectRoot } from '../paths'
import type { CheckInput, CheckOutput, CheckProgress } from './check'
import type { ImportIssue } from './types'
import type { ValidRow } from './validate'
import type { WorkerMessage } from './worker'

export const CHECK_BUDGET = Object.freeze({
  /** Wall time for one check; a 100,000-row file takes a few seconds. */
  timeoutMs: Number(process.env.IMPORT_CHECK_TIMEOUT_MS ?? 180_000),
  /** V8 heap of the worker; a 100,000-row check uses a few hundred MB. */
  maxOldGenerationSizeMb: 1024,
})

/** A check that did not finish: cancelled by the editor, over its time or memory budget. */
export class ImportCheckStopped extends Error {
  constructor(
    readonly reason: 'cancelled' | 'timeout' | 'memory' | 'crashed',
    message: string,
    readonly status = reason === 'cancelled' ? 409 : reason === 'crashed' ? 500 : 422,
  ) {
    super(message)
    this.name = 'ImportCheckStopped'
  }
}

export const CANCELLED_MESSAGE = '已取消导入，没有写入任何数据。'

function loaderArgs(): string[] {
  const loader = path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs')
  return ['--import', fs.existsSync(loader) ? pathToFileURL(loader).href : 'tsx']
}

export type RunCheckOptions = { onProgress?: (p: CheckProgress) => void; signal?: AbortSignal; timeoutMs?: number }

// Workers are reused: starting one means loading the import code (about a second on a busy
// machine), a check of a small file takes milliseconds. A worker that was stopped (cancel, time or
// memory budget) is never reused. Idle workers do not keep the process alive and end after a while.
const MAX_IDLE_WORKERS = 2
const IDLE_MS = 5 * 60_000

type PooledWorker = { worker: Worker; ready: Promise<void>; idleTimer: NodeJS.Timeout | null; dead: boolean }
const idle: PooledWorker[] = []

function spawnWorker(): PooledWorker {
  const worker = new Worker(path.join(cmsDir, 'import', 'worker.ts'), {
    execArgv: loaderArgs(),
    workerData: { ygjzImportCheck: true },
    resourceLimits: { maxOldGenerationSizeMb: CHECK_BUDGET.maxOldGenerationSizeMb },
  })
  const pooled: PooledWorker = { worker, idleTimer: null, dead: false, ready: Promise.resolve() }
  pooled.ready = new Promise<void>((resolve, reject) => {
    const onMessage = (m: WorkerMessage) => {
      if (m.type !== 'ready') return
      worker.off('message', onMessage)
      worker.off('error', onError)
      resolve()
    }
    const onError = (err: Error) => {
      pooled.dead = true
      reject(err)
    }
    worker.on('message', onMessage)
    worker.once('error', onError)
  })
  pooled.ready.catch(() => {})
  worker.once('exit', () => {
    pooled.dead = true
    const i = idle.indexOf(pooled)
    if (i >= 0) idle.splice(i, 1)
  })
  return pooled
}

function takeWorker(): PooledWorker {
  while (idle.length) {
    const w = idle.pop()!
    if (w.idleTimer) clearTimeout(w.idleTimer)
    w.idleTimer = null
    if (!w.dead) {
      w.worker.ref()
      return w
    }
  }
  return spawnWorker()
}

function giveBack(w: PooledWorker) {
  if (w.dead || idle.length >= MAX_IDLE_WORKERS) {
    void w.worker.terminate()
    return
  }
  w.worker.removeAllListeners('message')
  w.worker.removeAllListeners('error')
  w.worker.on('error', () => {
    w.dead = true
  })
  w.worker.unref()
  w.idleTimer = setTimeout(() => void w.worker.terminate(), IDLE_MS)
  w.idleTimer.unref()
  idle.push(w)
}

/** Starts a worker ahead of the first check (the import screen calls this when it opens). */
export function prewarmImportWorker(): void {
  if (idle.length) return
  const w = spawnWorker()
  w.worker.unref()
  w.ready.then(
    () => giveBack(w),
    () => {},
  )
}

export async function runCheckInWorker(input: CheckInput, opts: RunCheckOptions = {}): Promise<CheckOutput> {
  if (opts.signal?.aborted) throw new ImportCheckStopped('cancelled', CANCELLED_MESSAGE)
  // The upload is copied once and its copy handed over (not cloned again on the way).
  const bytes = new Uint8Array(input.bytes.byteLength)
  bytes.set(input.bytes)
  const transfer: ArrayBuffer[] = [bytes.buffer as ArrayBuffer]
  for (const k of [input.approved?.keys, input.previous?.keys]) if (k) transfer.push(k.sizes.buffer as ArrayBuffer, k.amounts.buffer as ArrayBuffer)
  const pooled = takeWorker()
  const { worker } = pooled
  return new Promise<CheckOutput>((resolve, reject) => {
    const rows: ValidRow[] = []
    const issues: ImportIssue[] = []
    let settled = false
    const finish = (fn: () => void, reusable: boolean) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      opts.signal?.removeEventListener('abort', onAbort)
      worker.off('message', onMessage)
      worker.off('error', onError)
      worker.off('exit', onExit)
      if (reusable) giveBack(pooled)
      else {
        pooled.dead = true
        void worker.terminate()
      }
      fn()
    }
    const timeoutMs = opts.timeoutMs ?? CHECK_BUDGET.timeoutMs
    const timer = setTimeout(
      () =>
        finish(
          () =>
            reject(new ImportCheckStopped('timeout', `检查文件超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，已停止，没有写入任何数据。文件可能过大或结构异常：请按乡镇（街道）拆分后分别导入，或用 Excel 打开后另存为新的 .xlsx 再试。`)),
          false,
        ),
      timeoutMs,
    )
    const onAbort = () => finish(() => reject(new ImportCheckStopped('cancelled', CANCELLED_MESSAGE)), false)
    opts.signal?.addEventListener('abort', onAbort, { once: true })
    const onMessage = (m: WorkerMessage) => {
      if (m.type === 'progress') opts.onProgress?.(m.progress)
      else if (m.type === 'rows') for (const r of m.rows) rows.push(r)
      else if (m.type === 'issues') for (const i of m.issues) issues.push(i)
      else if (m.type === 'done') finish(() => resolve({ ...m.output, rows, issues }), true)
      else if (m.type === 'error') {
        const err = new Error(m.error.message)
        err.name = m.error.name
        err.stack = m.error.stack
        finish(() => reject(err), false)
      }
    }
    const onError = (err: Error & { code?: string }) => {
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        finish(
          () => reject(new ImportCheckStopped('memory', `文件内容超出了检查时可用的内存（${CHECK_BUDGET.maxOldGenerationSizeMb} MB），已停止，没有写入任何数据。请按乡镇（街道）拆分成几个文件分别导入。`)),
          false,
        )
      } else finish(() => reject(err), false)
    }
    const onExit = (code: number) =>
      finish(() => reject(new ImportCheckStopped('crashed', `检查文件的后台线程意外退出（退出码 ${code}），没有写入任何数据。请稍后重试；如果再次出现，请把文件交给系统管理员检查。`)), false)
    worker.on('message', onMessage)
    worker.on('error', onError)
    worker.once('exit', onExit)
    pooled.ready.then(
      () => {
        if (!settled) worker.postMessage({ ...input, bytes }, transfer)
      },
      (err: Error) => finish(() => reject(err), false),
    )
  })
}
