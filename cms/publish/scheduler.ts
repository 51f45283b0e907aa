/**
 * Debounced release scheduling: a burst of publishes (ten in a minute) makes one or two releases,
 * never ten. A request during a running release queues exactly one more.
 */
export type PublishScheduler = {
  request: (reason: string) => void
  /** Resolves when nothing is pending or running (for tests and shutdown). */
  idle: () => Promise<void>
  stop: () => void
}

export function createPublishScheduler(opts: {
  debounceMs: number
  /** Longest a request may wait while new ones keep arriving (so a busy day still publishes). */
  maxWaitMs?: number
  run: (reasons: string[]) => Promise<void>
}): PublishScheduler {
  let timer: NodeJS.Timeout | undefined
  let firstRequestAt = 0
  let reasons: string[] = []
  let running: Promise<void> | null = null
  let rerun = false
  let stopped = false
  const maxWait = opts.maxWaitMs ?? opts.debounceMs * 10

  const fire = () => {
    timer = undefined
    if (running) {
      rerun = true
      return
    }
    const batch = reasons
    reasons = []
    firstRequestAt = 0
    running = opts
      .run(batch)
      .catch(() => {})
      .finally(() => {
        running = null
        if (rerun && !stopped) {
          rerun = false
          arm()
        }
      })
  }
  const arm = () => {
    clearTimeout(timer)
    const waited = firstRequestAt ? Date.now() - firstRequestAt : 0
    timer = setTimeout(fire, Math.max(0, Math.min(opts.debounceMs, maxWait - waited)))
  }
  return {
    request(reason) {
      if (stopped) return
      reasons.push(reason)
      if (!firstRequestAt) firstRequestAt = Date.now()
      arm()
    },
    async idle() {
      while (timer || running || rerun) {
        await (running ?? new Promise((r) => setTimeout(r, 20)))
      }
    },
    stop() {
      stopped = true
      clearTimeout(timer)
      timer = undefined
    },
  }
}
