import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { today } from '../../cms/domain/clock'
import { queueCatchUpRelease, DAILY_QUEUE } from '../../cms/jobs/dailyTasks'
import { runOnce } from '../../cms/jobs/runOnce'
import { publishRelease } from '../../cms/publish/release'
import { makeProgramme, makeRegions, withCalendar } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
beforeAll(async () => {
  t = await startTestPayload()
  await withCalendar(t.payload)
  await makeRegions(t.payload)
  await makeProgramme(t.payload)
}, 120_000)
afterAll(async () => {
  await t?.close()
})

const root = path.resolve(import.meta.dirname, '..', '..')
function worker(startAt: number): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/dailyTaskWorker.ts'], {
      cwd: root,
      env: { ...process.env, START_AT: String(startAt), AUTO_PUBLISH: '0', DATA_DIR: t.dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    child.on('exit', (code) => resolve({ code, out }))
  })
}

const releases = () => fs.readdirSync(path.join(t.dataDir, 'releases')).filter((n) => /^\d{8}T\d{6}-[0-9a-f]+$/.test(n))

describe('daily tasks on the job queue', () => {
  it('runOnce: once per key, and a failed run may be retried', async () => {
    const day = '2030-01-01'
    await expect(runOnce(t.payload, { task: 'probe', day }, async () => { throw new Error('第一次失败') }, () => '')).rejects.toThrow('第一次失败')
    const retried = await runOnce(t.payload, { task: 'probe', day }, async () => 7, (n) => `结果 ${n}`)
    expect(retried).toEqual({ ran: true, result: 7 })
    expect(await runOnce(t.payload, { task: 'probe', day }, async () => 8, () => '')).toMatchObject({ ran: false })
    const runs = await t.payload.find({ collection: 'scheduled-runs', where: { key: { equals: `probe:${day}` } }, overrideAccess: true })
    expect(runs.docs.map((d) => [d.status, d.result])).toEqual([['done', '结果 7']])
  })

  it('two CMS processes on one database run the nightly release once, not twice', async () => {
    const startAt = Date.now() + 25_000 // both booted by then
    const [a, b] = await Promise.all([worker(startAt), worker(startAt)])
    expect(a.code, a.out.slice(-3000)).toBe(0)
    expect(b.code, b.out.slice(-3000)).toBe(0)
    const runs = await t.payload.find({ collection: 'scheduled-runs', where: { key: { equals: `nightlyRelease:${today()}` } }, overrideAccess: true })
    expect(releases()).toHaveLength(1)
    expect(runs.docs.map((d) => d.status)).toEqual(['done'])
    // Both queued jobs completed (recorded, visible to admins). Payload may hand the same job to both
    // processes (its claim is not atomic): across every run of every job, exactly one published.
    const jobs = await t.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'nightlyRelease' } }, overrideAccess: true, limit: 10 })
    expect(jobs.docs).toHaveLength(2)
    expect(jobs.docs.every((j) => j.completedAt && !j.hasError)).toBe(true)
    const outputs = jobs.docs.flatMap((j) => (j.log ?? []).filter((l) => l.state === 'succeeded').map((l) => l.output as { ran?: boolean }))
    expect(outputs.filter((o) => o?.ran).length, JSON.stringify(outputs)).toBe(1)
  }, 240_000)

  it('queues a catch-up release at start-up when the live release describes an earlier day', async () => {
    expect(await queueCatchUpRelease(t.payload)).toBe(false) // today's release is live
    await publishRelease(t.payload, { asOf: '2026-01-01' })
    expect(await queueCatchUpRelease(t.payload)).toBe(true)
    const queued = await t.payload.find({ collection: 'payload-jobs', where: { and: [{ queue: { equals: DAILY_QUEUE } }, { completedAt: { exists: false } }] }, overrideAccess: true })
    expect(queued.docs.map((j) => (j.input as { why?: string }).why)).toEqual(['live release describes 2026-01-01'])
  }, 120_000)
})
