import { today as clockToday } from '../../cms/domain/clock'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chinaDate } from '../../cms/domain/dates'
import { idCheckDigit } from '../../cms/domain/idNumber'

const validId = `99019919900101123${idCheckDigit('99019919900101123')}`
import { makeProgramme, makeRegions, makeUser, withCalendar } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let r: Awaited<ReturnType<typeof makeRegions>>
let programme: string
const system = { disableAutoPublish: true, system: true }

beforeAll(async () => {
  t = await startTestPayload()
  await withCalendar(t.payload)
  r = await makeRegions(t.payload)
  programme = await makeProgramme(t.payload)
})
afterAll(async () => {
  await t?.close()
})

const notice = (over: Record<string, unknown> = {}) => ({
  title: '关于农村低保拟纳入对象的公示',
  programme,
  kind: 'apply' as const,
  stage: 'village' as const,
  region: r.villageA,
  postedOn: '2026-11-02T04:00:00.000Z',
  objectionContact: '对公示对象有异议的，请向甲镇民政办反映。',
  entries: [{ headName: '张三丰', idNumber: validId, householdSize: 3, amount: 450, village: r.villageA }],
  ...over,
})

describe('notices: the end of a 公示 is computed from the stage configuration and the holiday calendar', () => {
  const cases = [
    ['2026-11-02', '2026-11-09', 'an ordinary week'],
    ['2026-11-06', '2026-11-13', 'ends on a Friday'],
    ['2026-11-07', '2026-11-16', 'last day Saturday → next working day'],
    ['2026-09-29', '2026-10-08', 'last day inside the National Day holiday'],
    ['2026-04-28', '2026-05-06', 'last day inside the Labour Day holiday'],
  ] as const
  for (const [posted, ends, why] of cases) {
    it(`posted ${posted} → ends ${ends} (${why})`, async () => {
      const doc = await t.payload.create({ collection: 'notices', context: system, data: notice({ postedOn: `${posted}T04:00:00.000Z`, entries: [] }) })
      expect(chinaDate(doc.endsOn!)).toBe(ends)
      expect(doc.periodRule).toContain('7天')
      expect(doc.stageIndex).toBe(1)
      expect(doc.stageCount).toBe(3)
    })
  }

  it('derives the status from the dates', async () => {
    const today = clockToday()
    const running = await t.payload.create({ collection: 'notices', context: system, data: notice({ postedOn: `${today}T04:00:00.000Z`, entries: [] }) })
    const read = await t.payload.findByID({ collection: 'notices', id: running.id })
    expect(read.status).toBe('公示中')
  })

  it('refuses a stage the programme does not configure, saying which stages exist', async () => {
    await expect(t.payload.create({ collection: 'notices', context: system, data: notice({ stage: 'single' }) })).rejects.toThrow(/可选阶段：村[（(]居[)）]民主评议后公示/)
  })

  it('a period that ends in a year whose holidays are not entered is saved, provisional (domain.md §7)', async () => {
    const doc = await t.payload.create({ collection: 'notices', context: system, data: notice({ postedOn: '2026-12-28T04:00:00.000Z', entries: [] }) })
    expect(chinaDate(doc.endsOn!)).toBe('2027-01-04')
    expect(doc.endsOnProvisional).toBe(true)
    const inside = await t.payload.create({ collection: 'notices', context: system, data: notice({ postedOn: '2026-12-18T04:00:00.000Z', entries: [] }) })
    expect(inside.endsOnProvisional).toBe(false)
  })

  it('validates ID numbers without echoing them', async () => {
    const bad = `${validId.slice(0, 17)}${validId.endsWith('1') ? '2' : '1'}`
    const err = await t.payload
      .create({ collection: 'notices', context: system, data: notice({ entries: [{ headName: '李四', idNumber: bad, householdSize: 1, village: r.villageA }] }) })
      .then(() => null, (e: Error & { data?: unknown }) => e)
    expect(err).not.toBeNull()
    expect(JSON.stringify((err as { data?: unknown }).data ?? err!.message)).not.toContain(bad)
  })

  it('a withdrawal needs a public reason', async () => {
    await expect(
      t.payload.create({ collection: 'notices', context: system, data: notice({ withdrawnAt: '2026-11-03T04:00:00.000Z' }) }),
    ).rejects.toThrow()
  })
})

describe('notices: privacy check on save', () => {
  it('records findings on a draft and refuses to publish a raw name, phone or ID in public text', async () => {
    const reviewer = await makeUser(t.payload, ['reviewer'])
    const editor = await makeUser(t.payload, ['editor'])
    for (const planted of ['张三丰家庭情况', '联系人手机 138 1234 5678', `身份证 ${validId}`]) {
      const draft = await t.payload.create({ collection: 'notices', draft: true, user: editor as never, overrideAccess: false, data: notice({ title: `公示 ${planted}`, _status: 'draft' }) })
      expect(draft.privacyFindings).toBeTruthy()
      expect(draft.privacyFindings).not.toContain('13812345678')
      await expect(
        t.payload.update({ collection: 'notices', id: draft.id, user: reviewer as never, overrideAccess: false, data: { _status: 'published' } }),
      ).rejects.toThrow(/隐私检查未通过/)
    }
  })
})

describe('region scope', () => {
  it('a township editor sees and edits only their township, villages included', async () => {
    const inA = await t.payload.create({ collection: 'notices', context: system, data: notice({ region: r.villageA }) })
    const inB = await t.payload.create({ collection: 'notices', context: system, data: notice({ region: r.villageB, entries: [] }) })
    const editorA = await makeUser(t.payload, ['editor'], [r.townA])
    const seen = await t.payload.find({ collection: 'notices', user: editorA as never, overrideAccess: false, draft: true, limit: 500 })
    const ids = seen.docs.map((d) => d.id)
    expect(ids).toContain(inA.id)
    expect(ids).not.toContain(inB.id)
    await expect(t.payload.update({ collection: 'notices', id: inB.id, user: editorA as never, overrideAccess: false, data: { title: '越权修改' } })).rejects.toThrow()
    await expect(
      t.payload.create({ collection: 'notices', user: editorA as never, overrideAccess: false, draft: true, data: notice({ region: r.villageB, _status: 'draft' }) }),
    ).rejects.toThrow()
  })
})
