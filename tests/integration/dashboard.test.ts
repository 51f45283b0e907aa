import fs from 'node:fs'
import path from 'node:path'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendDailyDigests } from '../../cms/ops/digest'
import { workItems } from '../../cms/ops/workItems'
import { seedDemoContent } from '../../cms/seed/seedDemo'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
beforeAll(async () => {
  t = await startTestPayload()
  await seedDemoContent(t.payload)
}, 240_000)
afterAll(async () => {
  await t?.close()
})

const userReq = async (email: string) => {
  const u = (await t.payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })).docs[0]
  return createLocalReq({ user: { ...u, collection: 'users' } as never }, t.payload)
}

describe('work dashboard', () => {
  it('shows the admin every place’s monthly disclosure, and a township editor only theirs', async () => {
    const admin = await workItems(t.payload, await userReq('admin@example.com'))
    expect(admin.disclosures).toHaveLength(3)
    expect(new Set(admin.disclosures.map((d) => d.state))).toEqual(new Set(['已完成'])) // the demo published last month's lists
    const editor = await workItems(t.payload, await userReq('editor@example.com'))
    expect(editor.disclosures).toHaveLength(1)
    expect(editor.disclosures[0].region).toContain('街道')
    expect(editor.complaintsOverdue).toEqual([])
    expect(editor.release?.live?.release ?? null).toBe(admin.release?.live?.release ?? null) // editors see when the site went live
  })

  it('a month later, an unpublished list is late, and the digest says so', async () => {
    const nextMonth = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10)
    const items = await workItems(t.payload, await userReq('admin@example.com'), `${nextMonth.slice(0, 7)}-20`)
    expect(items.disclosures.every((d) => d.state === '已逾期')).toBe(true)
    const outbox = path.join(t.dataDir, 'mail-outbox')
    const { sent } = await sendDailyDigests(t.payload, `${nextMonth.slice(0, 7)}-20`)
    expect(sent).toBeGreaterThanOrEqual(2)
    const mails = fs.readdirSync(outbox).map((f) => JSON.parse(fs.readFileSync(path.join(outbox, f), 'utf8')))
    const toAdmin = mails.find((m) => m.to === 'admin@example.com')
    expect(toAdmin.subject).toContain('阳光救助待办事项')
    expect(toAdmin.text).toContain('已逾期')
    expect(mails.find((m) => m.to === 'officer@example.com')).toBeUndefined() // nothing due for the officer
  })
})
