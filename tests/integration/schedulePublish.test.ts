import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeUser } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
beforeAll(async () => {
  t = await startTestPayload()
})
afterAll(async () => {
  await t?.close()
})

const idOf = (v: unknown) => (v && typeof v === 'object' ? (v as { id: string }).id : v)
const base = { issuer: '测试县民政局', publishedOn: '2026-03-01T04:00:00.000Z', validity: 'current' as const }

describe('scheduled publish (定时发布)', () => {
  it('publishes at the set time as the reviewer who scheduled it; an editor’s schedule cannot bypass review', async () => {
    const editor = await makeUser(t.payload, ['editor'])
    const reviewer = await makeUser(t.payload, ['reviewer'])
    const draft = await t.payload.create({ collection: 'policies', draft: true, user: editor as never, overrideAccess: false, data: { ...base, title: '定时发布的政策', _status: 'draft' } })
    const schedule = (user: { id: string }) =>
      t.payload.jobs.queue({
        task: 'schedulePublish',
        input: { type: 'publish', doc: { relationTo: 'policies', value: String(draft.id) }, user: { relationTo: 'users', value: user.id } } as never,
        waitUntil: new Date(Date.now() - 1000),
      })
    await schedule(editor)
    await t.payload.jobs.run({ overrideAccess: true })
    expect((await t.payload.findByID({ collection: 'policies', id: draft.id, overrideAccess: true }))._status).toBe('draft')

    await schedule(reviewer)
    await t.payload.jobs.run({ overrideAccess: true })
    const published = await t.payload.findByID({ collection: 'policies', id: draft.id, overrideAccess: true })
    expect(published._status).toBe('published')
    expect(idOf(published.publishedBy)).toBe(reviewer.id)
  })
})
