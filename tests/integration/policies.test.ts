import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
beforeAll(async () => {
  t = await startTestPayload()
})
afterAll(async () => {
  await t?.close()
})

const policy = (title: string) => ({
  title,
  issuer: '示例县民政局',
  publishedOn: '2026-03-01T00:00:00.000Z',
  validity: 'current' as const,
})

describe('policies', () => {
  it('uses string ids on every database', async () => {
    const doc = await t.payload.create({ collection: 'policies', data: { ...policy('甲'), _status: 'published' } })
    expect(typeof doc.id).toBe('string')
  })

  it('shows anonymous callers published policies only, never drafts', async () => {
    await t.payload.create({ collection: 'policies', data: { ...policy('已发布的政策'), _status: 'published' } })
    await t.payload.create({ collection: 'policies', data: { ...policy('草稿政策'), _status: 'draft' }, draft: true })
    const anon = await t.payload.find({ collection: 'policies', overrideAccess: false, limit: 100 })
    const titles = anon.docs.map((d) => d.title)
    expect(titles).toContain('已发布的政策')
    expect(titles).not.toContain('草稿政策')
  })

  it('keeps a draft edit of a published policy out of the anonymous view', async () => {
    const doc = await t.payload.create({ collection: 'policies', data: { ...policy('原标题'), _status: 'published' } })
    await t.payload.update({ collection: 'policies', id: doc.id, data: { title: '未发布的新标题' }, draft: true })
    const anon = await t.payload.findByID({ collection: 'policies', id: doc.id, overrideAccess: false })
    expect(anon.title).toBe('原标题')
  })

  it('refuses anonymous writes', async () => {
    await expect(
      t.payload.create({ collection: 'policies', data: { ...policy('匿名写入'), _status: 'published' }, overrideAccess: false }),
    ).rejects.toThrow()
  })
})

describe('users', () => {
  it('are invisible to anonymous callers', async () => {
    await t.payload.create({
      collection: 'users',
      data: { email: 'admin@example.invalid', password: 'a-long-test-password-1', name: '测试管理员', roles: ['admin'] },
    })
    await expect(t.payload.find({ collection: 'users', overrideAccess: false })).rejects.toThrow()
  })
})
