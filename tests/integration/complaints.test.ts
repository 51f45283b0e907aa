import { createLocalReq, type Payload } from 'payload'
import { today as clockToday, setClock } from '../../cms/domain/clock'
import { addDays, dayOfStored, storedDay } from '../../cms/domain/dates'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publicFormKey } from '../../cms/complaints/publicKey'
import { formatTrackingCode, generateQueryPassword, generateTrackingCode } from '../../cms/domain/trackingCode'
import { publicFormEndpoints } from '../../cms/endpoints/publicForms'
import { makeProgramme, makeRegions, makeUser, seedComplaintCategories, withCalendar } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let regions: Awaited<ReturnType<typeof makeRegions>>
let programme: string
let officer: Awaited<ReturnType<typeof makeUser>>
let editor: Awaited<ReturnType<typeof makeUser>>
let reviewer: Awaited<ReturnType<typeof makeUser>>
let reviewer2: Awaited<ReturnType<typeof makeUser>>

beforeAll(async () => {
  t = await startTestPayload()
  await withCalendar(t.payload)
  await seedComplaintCategories(t.payload)
  regions = await makeRegions(t.payload)
  programme = await makeProgramme(t.payload)
  officer = await makeUser(t.payload, ['complaintOfficer'])
  editor = await makeUser(t.payload, ['editor'])
  reviewer = await makeUser(t.payload, ['reviewer'])
  reviewer2 = await makeUser(t.payload, ['reviewer'])
}, 120_000)
afterAll(async () => {
  await t?.close()
})

/** Calls a public-forms endpoint the way the REST route does. */
async function call(payload: Payload, path: string, body: unknown, key: string | null = publicFormKey()) {
  const endpoint = publicFormEndpoints.find((e) => e.path === `/public-forms/${path}`)!
  const req = await createLocalReq({}, payload)
  ;(req as { headers: Headers }).headers = new Headers(key ? { 'x-public-form-key': key } : {})
  ;(req as { json: () => Promise<unknown> }).json = async () => body
  const res = (await endpoint.handler(req)) as Response
  return { status: res.status, body: (await res.json()) as Record<string, any> }
}

async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a6' } })
    .jpeg()
    .withExifMerge({ IFD0: { Make: 'TestCam', Model: 'X1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 0/1' } } as never)
    .toBuffer()
}

const submission = (over: Record<string, unknown> = {}) => ({
  trackingCode: generateTrackingCode(),
  queryPassword: generateQueryPassword(),
  kind: 'report',
  category: 'fraud',
  anonymous: true,
  content: '甲一村有一户家里开着小轿车、在县城有门面房，却一直领低保，请核查。',
  ...over,
})

describe('public submissions', () => {
  it('need the public-form key', async () => {
    expect((await call(t.payload, 'submit', submission(), null)).status).toBe(401)
    expect((await call(t.payload, 'submit', submission(), 'wrong-key')).status).toBe(401)
  })

  it('anonymous report with a photo: stored, GPS and all metadata removed, receipt with due dates', async () => {
    const photo = await photoWithGps()
    expect((await sharp(photo).metadata()).exif).toBeTruthy()
    const s = submission({ attachments: [{ name: 'IMG_0001.jpg', dataBase64: photo.toString('base64') }] })
    const res = await call(t.payload, 'submit', s)
    expect(res.status).toBe(201)
    expect(res.body.trackingCode).toBe(s.trackingCode)
    expect(res.body.acknowledgeDue).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const doc = (await t.payload.find({ collection: 'complaints', where: { trackingCode: { equals: s.trackingCode } }, depth: 1, overrideAccess: true })).docs[0]
    expect(doc.anonymous).toBe(true)
    expect(doc.source).toBe('online')
    const file = doc.attachments![0] as { url?: string; filename?: string; mimeType?: string }
    expect(file.mimeType).toBe('image/jpeg')
    expect(file.filename).not.toContain('IMG_0001')
    const fs = await import('node:fs')
    const path = await import('node:path')
    const stored = fs.readFileSync(path.join(t.dataDir, 'complaint-files', file.filename!))
    const meta = await sharp(stored).metadata()
    expect(meta.exif).toBeUndefined()
    expect(meta.xmp).toBeUndefined()
  })

  it('real-name reports ask for name and a phone that works, and say which field is wrong', async () => {
    const noPhone = await call(t.payload, 'submit', submission({ anonymous: false, name: '王小明', phone: '123' }))
    expect(noPhone).toMatchObject({ status: 422, body: { field: 'phone' } })
    const ok = await call(t.payload, 'submit', submission({ anonymous: false, name: '王小明', phone: '138 0013 8000', kind: 'complaint', category: 'payment' }))
    expect(ok.status).toBe(201)
  })

  it('refuses an executable or an SVG however it is named', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    const res = await call(t.payload, 'submit', submission({ attachments: [{ name: 'photo.jpg', dataBase64: svg.toString('base64') }] }))
    expect(res).toMatchObject({ status: 422, body: { field: 'attachments' } })
    expect(res.body.message).toMatch(/只接受 JPG、PNG、WEBP 图片和 PDF/)
  })

  it('is exactly-once: a retried submission returns the first receipt', async () => {
    const s = submission()
    const a = await call(t.payload, 'submit', s)
    const b = await call(t.payload, 'submit', s)
    expect(a.status).toBe(201)
    expect(b.body).toMatchObject({ ok: true, duplicate: true, trackingCode: s.trackingCode })
    const { totalDocs } = await t.payload.count({ collection: 'complaints', where: { trackingCode: { equals: s.trackingCode } }, overrideAccess: true })
    expect(totalDocs).toBe(1)
  })
})

describe('tracking and the officer workflow', () => {
  it('accepted → stop-the-clock → resumed → extended → answered → resident feedback, all on the public timeline', async () => {
    const s = submission({ anonymous: false, name: '李秀英', phone: '139 0000 1111', kind: 'complaint', category: 'payment' })
    expect((await call(t.payload, 'submit', s)).status).toBe(201)
    const track = () => call(t.payload, 'track', { trackingCode: s.trackingCode.toLowerCase(), password: s.queryPassword })
    let view = await track()
    expect(view.body.status).toMatchObject({ status: 'received', statusLabel: '已收到' })
    expect(JSON.stringify(view.body)).not.toContain('李秀英')
    expect(JSON.stringify(view.body)).not.toContain('0000')

    const id = (await t.payload.find({ collection: 'complaints', where: { trackingCode: { equals: s.trackingCode } }, overrideAccess: true })).docs[0].id
    const as = { user: officer as never, overrideAccess: false }
    // Received in June: every deadline stays inside 2026, whose holidays are published.
    const backdate = { overrideAccess: true, context: { skipWorkflow: true, skipAudit: true } }
    await t.payload.update({ collection: 'complaints', id, ...backdate, data: { receivedAt: '2026-06-01T02:00:00.000Z' } })
    await t.payload.update({ collection: 'complaints', id, ...as, data: { status: 'accepted' } })
    const before = (await t.payload.findByID({ collection: 'complaints', id, overrideAccess: true })).resolveDue
    await expect(t.payload.update({ collection: 'complaints', id, ...as, data: { clock: 'paused' } })).rejects.toThrow(/暂停计时须写明/)
    await t.payload.update({ collection: 'complaints', id, ...as, data: { clock: 'paused', pauseReason: '请补充银行流水复印件' } })
    // The clock stood still for three days (rewrite the pause start, as if it began earlier).
    const paused = await t.payload.findByID({ collection: 'complaints', id, overrideAccess: true })
    const from = addDays(clockToday(), -5)
    await t.payload.update({ collection: 'complaints', id, ...backdate, data: { pauses: [{ ...paused.pauses![0], from }] } })
    await t.payload.update({ collection: 'complaints', id, ...as, data: { clock: 'running' } })
    const afterPause = await t.payload.findByID({ collection: 'complaints', id, overrideAccess: true })
    expect(afterPause.resolveDue! > before!).toBe(true)
    await expect(t.payload.update({ collection: 'complaints', id, ...as, data: { extended: true } })).rejects.toThrow(/延期须写明理由/)
    await t.payload.update({ collection: 'complaints', id, ...as, data: { extended: true, extensionReason: '需要银行协助核查发放记录' } })
    const extended = await t.payload.findByID({ collection: 'complaints', id, overrideAccess: true })
    expect(extended.resolveDue! > afterPause.resolveDue!).toBe(true)
    await expect(t.payload.update({ collection: 'complaints', id, ...as, data: { status: 'closed' } })).rejects.toThrow(/不能从“已受理”直接改为“已办结”/)
    await t.payload.update({ collection: 'complaints', id, ...as, data: { status: 'answered', publicReply: '经核查，10月救助金因银行系统故障延迟到账，已于11月补发。' } })

    view = await track()
    const events = view.body.status.timeline.map((e: { event: string }) => e.event)
    expect(events).toEqual(['已收到', '已受理', '等待补充材料（暂停计时）', '恢复计时', '延期办理', '已答复'])
    expect(view.body.status.timeline[2].note).toBe('请补充银行流水复印件')
    expect(view.body.status.reply).toContain('已于11月补发')
    expect(view.body.status.canGiveFeedback).toBe(true)

    const fb = await call(t.payload, 'feedback', { trackingCode: s.trackingCode, password: s.queryPassword, satisfied: 'yes' })
    expect(fb.body.status.feedback).toBe('yes')
    expect(fb.body.status.timeline.at(-1).event).toBe('群众评价')
  })

  it('wrong passwords find nothing and lock the code after five tries', async () => {
    const s = submission()
    await call(t.payload, 'submit', s)
    const wrong = String((Number(s.queryPassword) + 1) % 100_000_000).padStart(8, '0')
    for (let i = 0; i < 5; i++) {
      const r = await call(t.payload, 'track', { trackingCode: s.trackingCode, password: wrong })
      expect(r.status).toBe(404)
    }
    const kept = (await t.payload.find({ collection: 'complaints', where: { trackingCode: { equals: s.trackingCode } }, overrideAccess: true })).docs[0]
    expect(kept.timeline?.map((e) => e.type)).toEqual(['received'])
    const locked = await call(t.payload, 'track', { trackingCode: s.trackingCode, password: s.queryPassword })
    expect(locked.status).toBe(429)
    const unknown = await call(t.payload, 'track', { trackingCode: generateTrackingCode(), password: s.queryPassword })
    expect(unknown.status).toBe(404)
  })

  it('staff record a phone call on the caller’s behalf and get a code and a password to read out', async () => {
    const category = (await t.payload.find({ collection: 'complaint-categories', where: { code: { equals: 'other' } }, overrideAccess: true })).docs[0]
    const doc = await t.payload.create({
      collection: 'complaints',
      user: officer as never,
      overrideAccess: false,
      data: { kind: 'other', category: category.id, source: 'phone', anonymous: false, reporterName: '来电群众', reporterPhone: '0000-7654321', content: '电话反映：希望公示栏的字再大一些，老人看不清。' },
    })
    expect(doc.trackingCode).toHaveLength(13)
    expect(doc.queryPasswordForCaller).toMatch(/^\d{8}$/)
    expect(idOf(doc.recordedBy)).toBe(officer.id)
    const r = await call(t.payload, 'track', { trackingCode: doc.trackingCode, password: doc.queryPasswordForCaller })
    expect(r.status).toBe(200)
    const next = await t.payload.update({ collection: 'complaints', id: doc.id, user: officer as never, overrideAccess: false, data: { status: 'accepted' } })
    expect(next.queryPasswordForCaller ?? null).toBeNull()
  })
})

const idOf = (v: unknown) => (v && typeof v === 'object' ? (v as { id: string }).id : v)

describe('confidentiality', () => {
  it('only complaint officers and admins read complaints and their files; every view is audited', async () => {
    for (const who of [editor, reviewer]) {
      await expect(t.payload.find({ collection: 'complaints', user: who as never, overrideAccess: false })).rejects.toThrow()
      await expect(t.payload.find({ collection: 'complaint-files', user: who as never, overrideAccess: false })).rejects.toThrow()
    }
    const seen = await t.payload.find({ collection: 'complaints', user: officer as never, overrideAccess: false, limit: 5 })
    expect(seen.docs.length).toBeGreaterThan(0)
    const log = await t.payload.find({ collection: 'audit-log', where: { and: [{ targetCollection: { equals: 'complaints' } }, { action: { equals: 'view' } }] }, overrideAccess: true, depth: 0, limit: 100 })
    expect(log.docs.map((d) => idOf(d.actor))).toContain(officer.id)
    expect(JSON.stringify(log.docs)).not.toMatch(/李秀英|王小明/)
  })
})

describe('objections and the three-stage publicity', () => {
  it('an unresolved objection on a notice blocks publishing the next stage; answering it unblocks', async () => {
    const system = { disableAutoPublish: true, system: true }
    const today = clockToday()
    const stage1 = await t.payload.create({
      collection: 'notices',
      context: system,
      data: { title: '村级公示', programme, kind: 'apply', stage: 'village', region: regions.villageA, postedOn: `${today}T04:00:00.000Z`, objectionContact: '向甲镇民政办反映', entries: [{ headName: '孙大勇', householdSize: 2, village: regions.villageA }], _status: 'published' },
    })
    const s = submission({ kind: 'objection', category: 'objection', noticeId: stage1.id, entryNo: 1, content: '公示中第1户家里新盖了两层楼，不符合条件。' })
    expect((await call(t.payload, 'submit', s)).status).toBe(201)
    const flagged = await t.payload.findByID({ collection: 'notices', id: stage1.id, user: editor as never, overrideAccess: false })
    expect(flagged.openObjections).toBe(1)

    const stage2Posted = addDays(dayOfStored(stage1.endsOn)!, 1)
    const stage2 = await t.payload.create({
      collection: 'notices',
      draft: true,
      user: editor as never,
      overrideAccess: false,
      // The next stage is posted after the first one ends (issue 16: stages of one matter do not overlap).
      data: { title: '乡镇级公示', programme, kind: 'apply', stage: 'township', region: regions.townA, previousNotice: stage1.id, postedOn: storedDay(stage2Posted), objectionContact: '向甲镇民政办反映', entries: [], _status: 'draft' },
    })
    await expect(t.payload.update({ collection: 'notices', id: stage2.id, user: reviewer as never, overrideAccess: false, data: { _status: 'published' } })).rejects.toThrow(/还有 1 件异议尚未办结/)

    const objection = (await t.payload.find({ collection: 'complaints', where: { trackingCode: { equals: s.trackingCode } }, overrideAccess: true })).docs[0]
    expect(idOf(objection.region)).toBe(regions.villageA)
    await t.payload.update({ collection: 'complaints', id: objection.id, user: officer as never, overrideAccess: false, data: { status: 'accepted' } })
    await t.payload.update({ collection: 'complaints', id: objection.id, user: officer as never, overrideAccess: false, data: { status: 'answered', publicReply: '经入户核查，该户住房为危房改造补助所建，符合条件。' } })
    // Settled, but stage 1 still runs: the next stage waits for its end (issue 16).
    await expect(t.payload.update({ collection: 'notices', id: stage2.id, user: reviewer2 as never, overrideAccess: false, data: { _status: 'published' } })).rejects.toThrow(/公示期内不能发布下一阶段公示/)
    setClock(`${stage2Posted}T09:00:00+08:00`)
    try {
      const published = await t.payload.update({ collection: 'notices', id: stage2.id, user: reviewer2 as never, overrideAccess: false, data: { _status: 'published' } })
      expect(published._status).toBe('published')
    } finally {
      setClock(null)
    }
  })
})

describe('the complaint desk (issue 16)', () => {
  it('finds a complaint by its code as printed on the receipt: dashes, spaces, lower case, part of it', async () => {
    const s = submission()
    expect((await call(t.payload, 'submit', s)).status).toBe(201)
    const req = await createLocalReq({ user: officer as never }, t.payload)
    const printed = formatTrackingCode(s.trackingCode)
    expect(printed).toContain('-')
    const search = async (text: string) =>
      (await t.payload.find({ collection: 'complaints', where: { or: [{ trackingCode: { like: text } }] }, overrideAccess: false, req, depth: 0 })).docs.map((d) => d.trackingCode)
    expect(await search(printed)).toEqual([s.trackingCode])
    expect(await search(printed.toLowerCase().replace(/-/g, ' '))).toEqual([s.trackingCode])
    expect(await search(printed.slice(0, 9))).toContain(s.trackingCode)
    expect((await t.payload.count({ collection: 'complaints', where: { trackingCode: { equals: printed } }, overrideAccess: false, req })).totalDocs).toBe(1)
  })

  it('lists the most urgent first: open items by their next due date with a working-day badge, handled ones after', async () => {
    const req = await createLocalReq({ user: officer as never }, t.payload)
    const { docs } = await t.payload.find({ collection: 'complaints', overrideAccess: false, req, depth: 0, limit: 100 })
    expect(docs.length).toBeGreaterThan(3)
    const open = (d: (typeof docs)[number]) => d.status === 'received' || d.status === 'accepted'
    const firstHandled = docs.findIndex((d) => !open(d))
    expect(firstHandled).toBeGreaterThan(0)
    expect(docs.slice(firstHandled).some(open)).toBe(false)
    const dues = docs.slice(0, firstHandled).map((d) => dayOfStored(d.status === 'received' ? d.acknowledgeDue : d.resolveDue)!)
    expect(dues).toEqual([...dues].sort())
    for (const d of docs.slice(0, firstHandled)) expect(d.deadline).toMatch(/^(告知受理|办结)：(剩 \d+ 个工作日|今天到期|已超期 \d+ 天|暂停计时（等待补充材料）)$/)
    for (const d of docs.slice(firstHandled)) expect(d.deadline ?? null).toBeNull()
  })
})
