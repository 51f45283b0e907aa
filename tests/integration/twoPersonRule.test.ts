import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeUser } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let editor: Awaited<ReturnType<typeof makeUser>>
let reviewer: Awaited<ReturnType<typeof makeUser>>
let reviewer2: Awaited<ReturnType<typeof makeUser>>
let admin: Awaited<ReturnType<typeof makeUser>>

beforeAll(async () => {
  t = await startTestPayload()
  admin = await makeUser(t.payload, ['admin'])
  editor = await makeUser(t.payload, ['editor'])
  reviewer = await makeUser(t.payload, ['reviewer'])
  reviewer2 = await makeUser(t.payload, ['reviewer'])
})
afterAll(async () => {
  await t?.close()
})

const as = (user: unknown) => ({ user: user as never, overrideAccess: false })
const base = { issuer: '测试县民政局', publishedOn: '2026-03-01T04:00:00.000Z', validity: 'current' as const }
const idOf = (v: unknown) => (v && typeof v === 'object' ? (v as { id: string }).id : v)

describe('two-person rule (谁经办谁签字，谁签字谁负责)', () => {
  it('an editor saves drafts but cannot publish', async () => {
    const draft = await t.payload.create({ collection: 'policies', draft: true, ...as(editor), data: { ...base, title: '经办人起草', _status: 'draft' } })
    expect(idOf(draft.lastEditedBy)).toBe(editor.id)
    await expect(
      t.payload.update({ collection: 'policies', id: draft.id, ...as(editor), data: { _status: 'published' } }),
    ).rejects.toThrow(/经办人不能直接发布/)
  })

  it('a reviewer publishes what someone else edited, and is recorded as publisher', async () => {
    const draft = await t.payload.create({ collection: 'policies', draft: true, ...as(editor), data: { ...base, title: '待审核', _status: 'draft' } })
    const published = await t.payload.update({ collection: 'policies', id: draft.id, ...as(reviewer), data: { _status: 'published' } })
    expect(published._status).toBe('published')
    expect(idOf(published.publishedBy)).toBe(reviewer.id)
    expect(idOf(published.lastEditedBy)).toBe(editor.id)
  })

  it('the same holds for a draft edit of an already published document', async () => {
    const doc = await t.payload.create({ collection: 'policies', draft: true, ...as(editor), data: { ...base, title: '第一版', _status: 'draft' } })
    await t.payload.update({ collection: 'policies', id: doc.id, ...as(reviewer), data: { _status: 'published' } })
    await t.payload.update({ collection: 'policies', id: doc.id, draft: true, ...as(editor), data: { title: '第二版', _status: 'draft' } })
    const republished = await t.payload.update({ collection: 'policies', id: doc.id, ...as(reviewer2), data: { title: '第二版', _status: 'published' } })
    expect(republished.title).toBe('第二版')
  })

  it('a reviewer cannot publish their own edit, nor edit while publishing', async () => {
    const doc = await t.payload.create({ collection: 'policies', draft: true, ...as(editor), data: { ...base, title: '原稿', _status: 'draft' } })
    await expect(
      t.payload.update({ collection: 'policies', id: doc.id, ...as(reviewer), data: { title: '审核人顺手改了', _status: 'published' } }),
    ).rejects.toThrow(/发布时不能同时修改内容/)
    await t.payload.update({ collection: 'policies', id: doc.id, draft: true, ...as(reviewer), data: { title: '审核人改稿', _status: 'draft' } })
    await expect(
      t.payload.update({ collection: 'policies', id: doc.id, ...as(reviewer), data: { _status: 'published' } }),
    ).rejects.toThrow(/最后修改此内容的是您本人/)
    const ok = await t.payload.update({ collection: 'policies', id: doc.id, ...as(reviewer2), data: { _status: 'published' } })
    expect(ok.title).toBe('审核人改稿')
  })

  it('an admin may force-publish their own edit only with a written reason, which the audit log keeps', async () => {
    const doc = await t.payload.create({ collection: 'policies', draft: true, ...as(admin), data: { ...base, title: '管理员紧急更正', _status: 'draft' } })
    await expect(t.payload.update({ collection: 'policies', id: doc.id, ...as(admin), data: { _status: 'published' } })).rejects.toThrow(/强制发布理由/)
    const forced = await t.payload.update({
      collection: 'policies',
      id: doc.id,
      ...as(admin),
      data: { _status: 'published', forcePublishReason: '原文件文号错误，审核人休假，紧急更正' },
    })
    expect(forced._status).toBe('published')
    const log = await t.payload.find({ collection: 'audit-log', where: { and: [{ targetId: { equals: String(doc.id) } }, { action: { equals: 'forcePublish' } }] } })
    expect(log.docs).toHaveLength(1)
    expect(log.docs[0].reason).toContain('紧急更正')
    expect(idOf(log.docs[0].actor)).toBe(admin.id)
  })

  it('a new draft clears an earlier force reason', async () => {
    const doc = await t.payload.create({ collection: 'policies', draft: true, ...as(admin), data: { ...base, title: '再次修改', _status: 'draft' } })
    await t.payload.update({ collection: 'policies', id: doc.id, ...as(admin), data: { _status: 'published', forcePublishReason: '第一次强制发布的理由' } })
    await t.payload.update({ collection: 'policies', id: doc.id, draft: true, ...as(admin), data: { title: '再次修改2', _status: 'draft' } })
    await expect(t.payload.update({ collection: 'policies', id: doc.id, ...as(admin), data: { _status: 'published' } })).rejects.toThrow(/强制发布理由/)
  })
})
