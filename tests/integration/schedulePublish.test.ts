import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reviewedSchedulePublish } from '../../cms/publish/scheduledPublish'
import { makeUser } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
beforeAll(async () => {
  t = await startTestPayload()
  await makeUser(t.payload, ['admin']) // the first account is always made an admin
})
afterAll(async () => {
  await t?.close()
})

const idOf = (v: unknown) => (v && typeof v === 'object' ? (v as { id: string }).id : v)
const base = { issuer: '测试县民政局', publishedOn: '2026-03-01T04:00:00.000Z', validity: 'current' as const }
const as = (user: unknown) => ({ user: user as never, overrideAccess: false, context: { disableAutoPublish: true } })

async function schedule(user: unknown, id: string | number) {
  const req = await createLocalReq({ user: user as never }, t.payload)
  return reviewedSchedulePublish({ req, type: 'publish', date: new Date(Date.now() + 60_000), doc: { relationTo: 'policies', value: String(id) } })
}
/** Runs the queued schedules as if their minute had come. */
async function runSchedules() {
  await t.payload.update({ collection: 'payload-jobs', where: { taskSlug: { equals: 'schedulePublish' } }, data: { waitUntil: new Date(Date.now() - 1000).toISOString() } as never, overrideAccess: true })
  await t.payload.jobs.run({ overrideAccess: true })
}

describe('scheduled publish (定时发布) under the two-person rule', () => {
  it('publishes at the set time the version the reviewer scheduled, as the reviewer; an editor cannot schedule', async () => {
    const editor = await makeUser(t.payload, ['editor'])
    const reviewer = await makeUser(t.payload, ['reviewer'])
    const draft = await t.payload.create({ collection: 'policies', draft: true, ...as(editor), data: { ...base, title: '定时发布的政策', _status: 'draft' } })
    expect((await schedule(editor, draft.id)).error).toMatch(/经办人不能安排定时发布/)
    expect((await schedule(reviewer, draft.id)).error).toBeUndefined()
    const log = await t.payload.find({ collection: 'audit-log', where: { and: [{ targetId: { equals: String(draft.id) } }, { action: { equals: 'schedule' } }] }, overrideAccess: true })
    expect(log.docs).toHaveLength(1)
    await runSchedules()
    const published = await t.payload.findByID({ collection: 'policies', id: draft.id, overrideAccess: true })
    expect(published._status).toBe('published')
    expect(published.title).toBe('定时发布的政策')
    expect(idOf(published.publishedBy)).toBe(reviewer.id)
  })

  it('an edit after scheduling cancels the schedule and says so; the rewrite never goes public under the reviewer’s name', async () => {
    const editor = await makeUser(t.payload, ['editor'])
    const reviewer = await makeUser(t.payload, ['reviewer'])
    const draft = await t.payload.create({ collection: 'policies', draft: true, ...as(editor), data: { ...base, title: '审核过的版本', _status: 'draft' } })
    expect((await schedule(reviewer, draft.id)).error).toBeUndefined()
    const edited = await t.payload.update({ collection: 'policies', id: draft.id, draft: true, ...as(editor), data: { title: '审核后偷偷改写的版本', _status: 'draft' } })
    expect(edited.scheduleNote).toMatch(/定时发布已自动取消/)
    const cancelled = await t.payload.find({ collection: 'audit-log', where: { and: [{ targetId: { equals: String(draft.id) } }, { action: { equals: 'scheduleCancel' } }] }, overrideAccess: true })
    expect(cancelled.docs.length).toBeGreaterThan(0)
    await runSchedules()
    const after = await t.payload.findByID({ collection: 'policies', id: draft.id, overrideAccess: true })
    expect(after._status).toBe('draft')
  })

  it('a schedule whose pinned version is no longer the latest publishes nothing (a job queued around the rule)', async () => {
    const editor = await makeUser(t.payload, ['editor'])
    const reviewer = await makeUser(t.payload, ['reviewer'])
    const draft = await t.payload.create({ collection: 'policies', draft: true, ...as(editor), data: { ...base, title: '直接排队的任务', _status: 'draft' } })
    await t.payload.jobs.queue({ task: 'schedulePublish', input: { type: 'publish', doc: { relationTo: 'policies', value: String(draft.id) }, user: { relationTo: 'users', value: reviewer.id } } as never, waitUntil: new Date(Date.now() - 1000) })
    await t.payload.jobs.run({ overrideAccess: true })
    expect((await t.payload.findByID({ collection: 'policies', id: draft.id, overrideAccess: true }))._status).toBe('draft')
  })
})
