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

describe('三榜 as one matter (issue 16)', () => {
  it('发起下一阶段 fills in the next stage; stages keep their order, do not overlap, and publish after the previous ended', async () => {
    const { createLocalReq } = await import('payload')
    const { setClock } = await import('../../cms/domain/clock')
    const { startNextStage } = await import('../../cms/collections/Notices/nextStage')
    const editor = await makeUser(t.payload, ['editor'])
    const reviewer = await makeUser(t.payload, ['reviewer'])
    const editorReq = await createLocalReq({ user: editor as never }, t.payload)
    const stage1 = await t.payload.create({ collection: 'notices', context: system, data: notice({ title: '关于甲一村农村低保拟纳入对象的公示（村级）', batch: '第4批', _status: 'published' }) })
    expect(chinaDate(stage1.endsOn!)).toBe('2026-11-09')

    const made = await startNextStage(editorReq, String(stage1.id))
    const stage2 = await t.payload.findByID({ collection: 'notices', id: made.id, draft: true, depth: 0, overrideAccess: true })
    expect(stage2).toMatchObject({ title: '关于甲一村农村低保拟纳入对象的公示（乡镇级）', stage: 'township', batch: '第4批', _status: 'draft', stageIndex: 2 })
    expect(String(stage2.previousNotice)).toBe(String(stage1.id))
    expect(String(stage2.region)).toBe(r.townA)
    expect(chinaDate(stage2.postedOn)).toBe('2026-11-10')
    expect(stage2.entries?.map((e) => e.headName)).toEqual(['张三丰'])
    await expect(startNextStage(editorReq, String(stage1.id))).rejects.toThrow('已经发起了下一阶段')

    const asEditor = { user: editor as never, overrideAccess: false, draft: true } as const
    await expect(t.payload.update({ collection: 'notices', id: made.id, ...asEditor, data: { postedOn: '2026-11-05T04:00:00.000Z' } })).rejects.toThrow(/不在上一阶段公示结束之后.*2026年11月10日（周二） 或以后/)
    await expect(t.payload.update({ collection: 'notices', id: stage1.id, ...asEditor, data: { previousNotice: stage1.id } })).rejects.toThrow('不能选本公示自己')
    await expect(t.payload.create({ collection: 'notices', ...asEditor, data: notice({ stage: 'county', region: r.county, previousNotice: stage1.id, postedOn: '2026-11-20T04:00:00.000Z' }) })).rejects.toThrow('公示阶段顺序不对')

    try {
      setClock('2026-11-09T10:00:00+08:00')
      await expect(t.payload.update({ collection: 'notices', id: made.id, user: reviewer as never, overrideAccess: false, data: { _status: 'published' } })).rejects.toThrow('公示期内不能发布下一阶段公示')
      setClock('2026-11-10T08:00:00+08:00')
      const published = await t.payload.update({ collection: 'notices', id: made.id, user: reviewer as never, overrideAccess: false, data: { _status: 'published' } })
      expect(published._status).toBe('published')
    } finally {
      setClock(null)
    }
  })
})

describe('the end date as the posting day is picked (issue 16)', () => {
  it('answers the end with year, weekday and the reason, before saving', async () => {
    const { createLocalReq } = await import('payload')
    const { periodPreviewEndpoint } = await import('../../cms/collections/Notices/nextStage')
    const editor = await makeUser(t.payload, ['editor'])
    const ask = async (params: Record<string, string>) => {
      const req = await createLocalReq({ user: editor as never }, t.payload)
      ;(req as { searchParams: URLSearchParams }).searchParams = new URLSearchParams(params)
      const res = (await periodPreviewEndpoint.handler(req)) as Response
      return { status: res.status, body: (await res.json()) as Record<string, unknown> }
    }
    const ok = await ask({ programme, region: r.villageA, stage: 'village', postedOn: '2026-11-07' })
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ endsOn: '2026-11-16' })
    expect(ok.body.text).toContain('第 7 天11月14日为周六，顺延至11月16日（周一），截止2026年11月16日（周一）')
    const bad = await ask({ programme, region: r.villageA, stage: 'nope', postedOn: '2026-11-07' })
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatch(/可选阶段/)
    expect((await ask({ programme, stage: 'village', postedOn: '' })).body.error).toBe('请选择张贴日期。')
  })
})
