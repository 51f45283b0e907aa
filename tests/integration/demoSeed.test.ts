import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { thisMonth, today } from '../../cms/domain/clock'
import { addDays, addMonths, chinaDate, dayOfStored } from '../../cms/domain/dates'
import { seedDemoContent } from '../../cms/seed/seedDemo'
import { readListRows } from '../../cms/storage/rowStore'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let seeded: Awaited<ReturnType<typeof seedDemoContent>>
beforeAll(async () => {
  t = await startTestPayload()
  seeded = await seedDemoContent(t.payload)
}, 240_000)
afterAll(async () => {
  await t?.close()
})

describe('demo seed', () => {
  it('creates the accounts with random one-time passwords, once', async () => {
    expect(seeded.seeded).toBe(true)
    expect(seeded.accounts!.map((a) => a.email)).toContain('admin@example.com')
    expect(new Set(seeded.accounts!.map((a) => a.password)).size).toBe(seeded.accounts!.length)
    expect((await seedDemoContent(t.payload)).seeded).toBe(false)
  })

  it('posts a three-stage publicity with computed end dates and the county stage running', async () => {
    const { docs } = await t.payload.find({ collection: 'notices', where: { batch: { exists: true } }, sort: 'stageIndex', depth: 0 })
    expect(docs.map((d) => d.stage)).toEqual(['village', 'township', 'county'])
    for (const d of docs) {
      expect(d.endsOn).toBeTruthy()
      expect(chinaDate(d.endsOn!) > chinaDate(d.postedOn)).toBe(true)
      expect(d.periodRule).toContain('7天')
    }
    expect(docs.map((d) => d.status)).toEqual(['已结束', '已结束', '公示中'])
    expect(docs[1].previousNotice).toBe(docs[0].id)
    // each stage was posted after the previous one had ended
    expect(chinaDate(docs[1].postedOn) > chinaDate(docs[0].endsOn!)).toBe(true)
    expect(chinaDate(docs[2].postedOn) > chinaDate(docs[1].endsOn!)).toBe(true)
  })

  it('posts one notice that starts next week', async () => {
    const { docs } = await t.payload.find({ collection: 'notices', where: { batch: { exists: false } }, depth: 0 })
    expect(docs.map((d) => [dayOfStored(d.postedOn), d.status])).toEqual([[addDays(today(), 7), '未开始']])
  })

  it('records complaints at each stage of their handling, with their history in the past', async () => {
    const { docs } = await t.payload.find({ collection: 'complaints', depth: 0, limit: 50, sort: 'receivedAt' })
    const stages = new Set(docs.map((d) => (d.clock === 'paused' ? 'paused' : d.extended ? 'extended' : d.status)))
    expect(stages).toEqual(new Set(['received', 'accepted', 'paused', 'extended', 'answered', 'closed']))
    for (const d of docs) {
      expect(dayOfStored(d.receivedAt)! < today()).toBe(true)
      for (const e of d.timeline ?? []) expect(dayOfStored(e.at)! <= today()).toBe(true)
      expect(d.acknowledgeDue && d.resolveDue).toBeTruthy()
    }
    const closed = docs.find((d) => d.status === 'closed')!
    expect(closed.timeline!.map((e) => e.type)).toEqual(['received', 'accepted', 'answered', 'feedback', 'closed'])
  })

  it('stores the last three months of lists with totals and month-over-month changes', async () => {
    const { docs } = await t.payload.find({ collection: 'recipient-lists', sort: 'month', depth: 0, limit: 100 })
    expect(docs.length).toBe(9)
    expect([...new Set(docs.map((d) => d.month))]).toEqual([3, 2, 1].map((back) => addMonths(thisMonth(), -back)))
    for (const list of docs) {
      expect(list.importStatus).toBe('complete')
      expect(list._status).toBe('published')
      const rows = (await readListRows(t.payload, [String(list.id)])).get(String(list.id))!
      expect(list.totals?.households).toBe(rows.length)
      expect(list.totals?.persons).toBe(rows.reduce((n, r) => n + r.householdSize, 0))
    }
    const later = docs.filter((d) => d.changes)
    expect(later.length).toBe(6)
    const c = later[0].changes as { added: { households: number }; stopped: { households: number } }
    expect(c.added.households).toBe(4)
    expect(c.stopped.households).toBe(3)
  })
})
