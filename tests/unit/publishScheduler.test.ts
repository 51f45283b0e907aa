import { describe, expect, it } from 'vitest'
import { isPublicChange } from '../../cms/publish/autoPublish'
import { createPublishScheduler } from '../../cms/publish/scheduler'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('publish scheduler (debounce)', () => {
  it('ten publishes in a burst make one release', async () => {
    const runs: string[][] = []
    const s = createPublishScheduler({ debounceMs: 50, run: async (reasons) => void runs.push(reasons) })
    for (let i = 0; i < 10; i++) {
      s.request(`policy:${i}`)
      await sleep(5)
    }
    await sleep(80)
    await s.idle()
    expect(runs).toHaveLength(1)
    expect(runs[0]).toHaveLength(10)
  })

  it('publishes during a running release queue exactly one more', async () => {
    const runs: string[][] = []
    const s = createPublishScheduler({
      debounceMs: 10,
      run: async (reasons) => {
        runs.push(reasons)
        await sleep(100)
      },
    })
    s.request('a')
    await sleep(30) // first release is running now
    for (let i = 0; i < 5; i++) s.request(`b${i}`)
    await sleep(20)
    await s.idle()
    expect(runs.length).toBe(2)
    expect(runs[1]).toEqual(['b0', 'b1', 'b2', 'b3', 'b4'])
  })

  it('a steady stream still publishes within the maximum wait', async () => {
    let runs = 0
    const s = createPublishScheduler({ debounceMs: 40, maxWaitMs: 120, run: async () => void runs++ })
    const until = Date.now() + 300
    while (Date.now() < until) {
      s.request('x')
      await sleep(15)
    }
    await s.idle()
    expect(runs).toBeGreaterThanOrEqual(2)
    expect(runs).toBeLessThanOrEqual(4)
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
