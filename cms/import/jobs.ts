// Running import checks and saves, by a job id the browser chose, so the import screen can show
// real progress (phase, rows done / total) and cancel. In memory: an import runs in the CMS process
// that received it, and a restart ends it anyway (nothing is left half-written, see storeList.ts).
export type ImportPhase = 'prepare' | 'read' | 'validate' | 'compare' | 'store' | 'done'

export const PHASE_LABELS: Record<ImportPhase, string> = {
  prepare: '准备（读取地区、保障标准和上月名单）',
  read: '读取文件',
  validate: '逐行检查',
  compare: '与上月名单比对',
  store: '保存草稿',
  done: '完成',
}

export type ImportProgress = { phase: ImportPhase; done: number; total: number | null; fraction: number }

export type JobView = ImportProgress & { label: string; elapsedMs: number; finished: boolean; cancelled: boolean }

type Job = ImportProgress & { id: string; userId: string; startedAt: number; finishedAt: number | null; controller: AbortController }

const jobs = new Map<string, Job>()
const KEEP_FINISHED_MS = 120_000
const MAX_JOBS = 500

export const isJobId = (id: unknown): id is string => typeof id === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(id)

function sweep(now: number) {
  for (const [id, j] of jobs) if (j.finishedAt !== null && now - j.finishedAt > KEEP_FINISHED_MS) jobs.delete(id)
}

/** Registers a job (or returns a detached one when the caller gave no valid id). */
export function startJob(id: string | undefined, userId: string) {
  const now = Date.now()
  sweep(now)
  const job: Job = { id: id ?? '', userId, startedAt: now, finishedAt: null, controller: new AbortController(), phase: 'prepare', done: 0, total: null, fraction: 0 }
  if (isJobId(id) && !jobs.has(id) && jobs.size < MAX_JOBS) jobs.set(id, job)
  return {
    signal: job.controller.signal,
    update: (p: ImportProgress) => Object.assign(job, p),
    end: () => {
      job.finishedAt = Date.now()
      job.phase = 'done'
      job.fraction = 1
    },
  }
}

export function jobView(id: string, userId: string): JobView | null {
  const j = jobs.get(id)
  if (!j || j.userId !== userId) return null
  return {
    phase: j.phase,
    label: PHASE_LABELS[j.phase],
    done: j.done,
    total: j.total,
    fraction: Math.max(0, Math.min(1, j.fraction)),
    elapsedMs: (j.finishedAt ?? Date.now()) - j.startedAt,
    finished: j.finishedAt !== null,
    cancelled: j.controller.signal.aborted,
  }
}

/** Cancels the user's own job; true when there was one still running. */
export function cancelJob(id: string, userId: string): boolean {
  const j = jobs.get(id)
  if (!j || j.userId !== userId || j.finishedAt !== null) return false
  j.controller.abort()
  return true
}
