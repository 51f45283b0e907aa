import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { isPublicChange } from '../../cms/publish/autoPublish'
import { createPublishScheduler } from '../../cms/publish/scheduler'

// Fake timers: the debounce is tested in simulated milliseconds, so a busy machine cannot make it flaky.
beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('publish scheduler (debounce)', () => {
  it('ten publishes in a burst make one release', async () => {
    const runs: string[][] = []
    const s = createPublishScheduler({ debounceMs: 50, run: async (reasons) => void runs.push(reasons) })
    for (let i = 0; i < 10; i++) {
      s.request(`policy:${i}`)
      await vi.advanceTimersByTimeAsync(5)
    }
    expect(runs).toHaveLength(0) // still within the debounce
    await vi.advanceTimersByTimeAsync(80)
    expect(runs).toHaveLength(1)
    expect(runs[0]).toHaveLength(10)
  })

  it('publishes during a running release queue exactly one more', async () => {
    const runs: string[][] = []
    const s = createPublishScheduler({
      debounceMs: 10,
      run: async (reasons) => {
        runs.push(reasons)
        await new Promise((r) => setTimeout(r, 100))
      },
    })
    s.request('a')
    await vi.advanceTimersByTimeAsync(30) // first release is running now
    expect(runs).toHaveLength(1)
    for (let i = 0; i < 5; i++) s.request(`b${i}`)
    await vi.advanceTimersByTimeAsync(20)
    expect(runs).toHaveLength(1) // waits for the running one
    await vi.advanceTimersByTimeAsync(200)
    expect(runs.length).toBe(2)
    expect(runs[1]).toEqual(['b0', 'b1', 'b2', 'b3', 'b4'])
  })

  it('a steady stream still publishes within the maximum wait', async () => {
    let runs = 0
    const s = createPublishScheduler({ debounceMs: 40, maxWaitMs: 120, run: async () => void runs++ })
    // A request every 15 ms for 300 ms never lets the 40 ms debounce expire; the 120 ms cap fires.
    for (let elapsed = 0; elapsed < 300; elapsed += 15) {
      s.request('x')
      await vi.advanceTimersByTimeAsync(15)
    }
    expect(runs).toBe(2) // at ~120 ms and ~240 ms
    await vi.advanceTimersByTimeAsync(100)
    expect(runs).toBe(3) // the tail after the stream stops
    s.stop()
  })
})

describe('which saves start a release', () => {
  const cases: [string, Parameters<typeof isPublicChange>, boolean][] = [
    ['publishing a document', [{ _status: 'published' }, { _status: 'draft' }, false, true], true],
    ['republishing a published document', [{ _status: 'published' }, { _status: 'published' }, false, true], true],
    ['unpublishing', [{ _status: 'draft' }, { _status: 'published' }, false, true], true],
    ['a draft of a never-published document', [{ _status: 'draft' }, { _status: 'draft' }, true, true], false],
    ['a draft over a published document', [{ _status: 'draft' }, { _status: 'published' }, true, true], false],
    ['a change to reference data (no drafts)', [{}, {}, false, false], true],
  ]
  for (const [name, args, expected] of cases) it(name, () => expect(isPublicChange(...args)).toBe(expected))
})
