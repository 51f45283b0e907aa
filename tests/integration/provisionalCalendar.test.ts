// domain.md §7 end to end, on the embedded database, with the clock at 2026-12-28 and 2027 not
// entered: a notice posted that day saves with the provisional end 2027-01-04; editors, officers and
// admins are told; the public snapshot says 暂定; refusals reach the admin in Chinese over REST and
// GraphQL; pasting the 2027 notice writes the year in one transaction, audited, and recomputes.
import { handleEndpoints } from 'payload'
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publicFormKey } from '../../cms/complaints/publicKey'
import { invalidateWorkCalendar } from '../../cms/calendar/workCalendar'
import { setClock } from '../../cms/domain/clock'
import { DomainError } from '../../cms/domain/errors'
import { dayOfStored } from '../../cms/domain/dates'
import { generateQueryPassword, generateTrackingCode } from '../../cms/domain/trackingCode'
import { publicFormEndpoints } from '../../cms/endpoints/publicForms'
import { buildSnapshot } from '../../cms/export/exportSnapshot'
import { workItems } from '../../cms/ops/workItems'
import { NOTICE_2027 } from '../fixtures/holidays/notice2027'
import { makeProgramme, makeRegions, makeUser, seedComplaintCategories, withCalendar } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let r: Awaited<ReturnType<typeof makeRegions>>
let programme: string
let admin: Awaited<ReturnType<typeof makeUser>>
let editor: Awaited<ReturnType<typeof makeUser>>
let officer: Awaited<ReturnType<typeof makeUser>>
let noticeId: string
let complaintId: string
let config: Payload['config']
const system = { disableAutoPublish: true, system: true }
const PASSWORD = 'test-password-long-1'

// A 2027 schedule in which 4 January is off too, so the provisional end 2027-01-04 moves.
const NOTICE_2027_LONG_NEW_YEAR = NOTICE_2027.replace('一、元旦：1月1日（周五）至3日（周日）放假，共3天。', '一、元旦：1月1日（周五）至4日（周一）放假调休，共4天。1月9日（周六）上班。')

beforeAll(async () => {
  setClock('2026-12-28')
  t = await startTestPayload()
  config = t.payload.config
  await withCalendar(t.payload) // 2025 and 2026 entered; 2027 listed, not published
  await seedComplaintCategories(t.payload)
  r = await makeRegions(t.payload)
  programme = await makeProgramme(t.payload)
  admin = await makeUser(t.payload, ['admin'])
  editor = await makeUser(t.payload, ['editor'], [r.townA])
  officer = await makeUser(t.payload, ['complaintOfficer'])
}, 240_000)
afterAll(async () => {
  setClock(null)
  await t?.close()
})

/** A REST call through Payload's own router (as the admin's fetches reach it), signed in as `email`. */
async function rest(method: string, path: string, body?: unknown, email?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (email) {
    const login = await handleEndpoints({ config, path: '/api/users/login', payloadInstanceCacheKey: t.dataDir, request: new Request('http://cms.test/api/users/login', { method: 'POST', headers, body: JSON.stringify({ email, password: PASSWORD }) }) })
    headers.authorization = `JWT ${(await login.json()).token}`
  }
  const res = await handleEndpoints({ config, path: path.replace(/\?.*$/, ''), payloadInstanceCacheKey: t.dataDir, request: new Request(`http://cms.test${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }) })
  return { status: res.status, body: (await res.json()) as Record<string, any> }
}

/** A GraphQL call through Payload's Next route handler (its own error formatting and afterError hooks). */
async function gql(query: string, email: string) {
  const { GRAPHQL_POST } = await import('@payloadcms/next/routes')
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  const login = await handleEndpoints({ config, path: '/api/users/login', payloadInstanceCacheKey: t.dataDir, request: new Request('http://cms.test/api/users/login', { method: 'POST', headers, body: JSON.stringify({ email, password: PASSWORD }) }) })
  headers.authorization = `JWT ${(await login.json()).token}`
  const res = await GRAPHQL_POST(Promise.resolve(config))(new Request('http://cms.test/api/graphql', { method: 'POST', headers, body: JSON.stringify({ query }) }))
  return (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { statusCode?: number } }[] }
}

const userReq = (u: { id: string }) => createLocalReq({ user: { ...u, collection: 'users' } as never }, t.payload)

describe('with 2027 not entered (clock at 2026-12-28)', () => {
  it('a township editor saves a notice posted 2026-12-28 over REST: it ends 2027-01-04, 暂定', async () => {
    const res = await rest(
      'POST',
      '/api/notices?draft=true',
      { title: '甲一村低保拟纳入对象公示', programme, kind: 'apply', stage: 'village', region: r.villageA, postedOn: '2026-12-28T04:00:00.000Z', objectionContact: '向甲镇民政办反映', entries: [], _status: 'draft' },
      editor.email,
    )
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(dayOfStored(res.body.doc.endsOn)).toBe('2027-01-04')
    expect(res.body.doc.endsOnProvisional).toBe(true)
    noticeId = res.body.doc.id
    // A different person (here the system, as a scheduled publish would) publishes it.
    await t.payload.update({ collection: 'notices', id: noticeId, context: system, data: { _status: 'published' } })
  })

  it('a complaint received today gets provisional due dates, and its receipt says so', async () => {
    const endpoint = publicFormEndpoints.find((e) => e.path === '/public-forms/submit')!
    const req = await createLocalReq({}, t.payload)
    ;(req as { headers: Headers }).headers = new Headers({ 'x-public-form-key': publicFormKey() })
    const body = { trackingCode: generateTrackingCode(), queryPassword: generateQueryPassword(), kind: 'complaint', category: 'payment', anonymous: true, content: '本月的低保金到现在还没有到账，请帮忙查一下。' }
    ;(req as { json: () => Promise<unknown> }).json = async () => body
    const res = (await endpoint.handler(req)) as Response
    const receipt = (await res.json()) as Record<string, any>
    expect(res.status).toBe(201)
    // 5 and 15 working days from 2026-12-28, 元旦 2027-01-01 off: 2027-01-05 and 2027-01-19
    expect(receipt).toMatchObject({ acknowledgeDue: '2027-01-05', resolveDue: '2027-01-19', acknowledgeDueProvisional: true, resolveDueProvisional: true })
    const doc = (await t.payload.find({ collection: 'complaints', where: { trackingCode: { equals: receipt.trackingCode } }, depth: 0 })).docs[0]
    complaintId = String(doc.id)
    expect(doc.deadlineWarning).toBe('截止日期暂按法定节假日推算，国务院公布安排后自动复核。')
  })

  it('editors see which of their deadlines are provisional, officers theirs, admins that 2027 is missing', async () => {
    const e = await workItems(t.payload, await userReq(editor))
    expect(e.provisionalNotices).toEqual([{ id: noticeId, title: '甲一村低保拟纳入对象公示', endsOn: '2027-01-04' }])
    expect(e.calendarWarning).toBeNull()
    const o = await workItems(t.payload, await userReq(officer))
    expect(o.provisionalComplaints?.map((c) => [c.id, c.what, c.due, c.provisional])).toEqual([[complaintId, '告知受理', '2027-01-05', true]])
    const a = await workItems(t.payload, await userReq(admin))
    expect(a.calendarWarning).toMatch(/^2027年的节假日安排尚未录入。国务院办公厅公布后，请在“节假日日历”中点“粘贴国务院通知录入”/)
  })

  it('the public snapshot marks the notice 暂定', async () => {
    const { snapshot } = await buildSnapshot(t.payload)
    expect(snapshot.notices.find((n) => n.id === noticeId)).toMatchObject({ endsOn: '2027-01-04', endsOnProvisional: true, status: '公示中' })
  })
})

describe('refusals reach the person in Chinese (REST and GraphQL), and never as "An unknown error occurred."', () => {
  it('marking 2027 entered while it has no entries is refused with what to do', async () => {
    const year = (await t.payload.find({ collection: 'calendar-years', where: { year: { equals: 2027 } }, depth: 0 })).docs[0]
    const res = await rest('PATCH', `/api/calendar-years/${year.id}`, { published: true }, admin.email)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toBe('2027年还没有录入任何节假日，不能标为“已录入”。请在“节假日日历”中点“粘贴国务院通知录入”，粘贴国务院办公厅的放假安排通知。')
    const g = await gql(`mutation { updateCalendarYear(id: "${year.id}", data: { published: true }) { year published } }`, admin.email)
    expect(g.errors?.[0].message).toBe(res.body.errors[0].message)
    expect(g.errors?.[0].extensions?.statusCode).toBe(400)
  })

  it('an impossible holiday date is a field error in Chinese, so no calendar load can break', async () => {
    const res = await rest('POST', '/api/holidays', { date: '2026-02-30', kind: 'off', name: '测试' }, admin.email)
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain('日期“2026-02-30”无效：应为真实存在的日期')
    const weekday = await rest('POST', '/api/holidays', { date: '2026-11-24', kind: 'makeup', name: '测试' }, admin.email)
    expect(JSON.stringify(weekday.body)).toContain('2026-11-24 是工作日（周一至周五），不能标为“调休上班”')
  })

  it('a malformed notice pasted is refused line by line, and only admins may paste', async () => {
    const bad = await rest('POST', '/api/holidays/schedule/preview', { year: 2027, text: NOTICE_2027.replace('4月3日（周六）', '4月3日（周日）') }, admin.email)
    expect(bad.status).toBe(422)
    expect(bad.body.problems).toEqual([{ line: 4, message: expect.stringContaining('写的是4月3日（周日），但2027年4月3日是周六') }])
    const editorTry = await rest('POST', '/api/holidays/schedule/confirm', { year: 2027, text: NOTICE_2027 }, editor.email)
    expect(editorTry.status).toBe(403)
    expect(editorTry.body.message).toBe('只有管理员可以录入节假日安排。')
  })
})

describe('entering 2027 by pasting the State Council notice', () => {
  it('a failure half-way leaves nothing written (all or nothing)', async () => {
    const original = t.payload.update.bind(t.payload)
    ;(t.payload as { update: unknown }).update = async (args: { collection: string }) => {
      if (args.collection === 'calendar-years') throw new DomainError('模拟：写入年度标记时失败。')
      return original(args as never)
    }
    try {
      const res = await rest('POST', '/api/holidays/schedule/confirm', { year: 2027, text: NOTICE_2027_LONG_NEW_YEAR }, admin.email)
      expect(res).toEqual({ status: 400, body: { errors: [{ message: '模拟：写入年度标记时失败。' }] } })
    } finally {
      ;(t.payload as { update: unknown }).update = original
    }
    const { totalDocs } = await t.payload.count({ collection: 'holidays', where: { date: { like: '2027-' } } })
    expect(totalDocs).toBe(0)
    const year = (await t.payload.find({ collection: 'calendar-years', where: { year: { equals: 2027 } }, depth: 0 })).docs[0]
    expect(year.published).toBe(false)
  })

  it('preview shows every day; confirm writes the year, audits it and recomputes the provisional deadlines', async () => {
    const preview = await rest('POST', '/api/holidays/schedule/preview', { year: 2027, text: NOTICE_2027_LONG_NEW_YEAR }, admin.email)
    expect(preview.status).toBe(200)
    expect(preview.body.preview).toMatchObject({ year: 2027, offDays: 29, workDays: 7, provisional: { notices: 1, complaints: 1 }, existing: { entries: 0, published: false } })
    expect(preview.body.preview.days[0]).toEqual({ date: '2027-01-01', weekday: '周五', kind: 'off', name: '元旦' })

    const done = await rest('POST', '/api/holidays/schedule/confirm', { year: 2027, text: NOTICE_2027_LONG_NEW_YEAR }, admin.email)
    expect(done.status, JSON.stringify(done.body)).toBe(200)
    expect(done.body).toMatchObject({ ok: true, year: 2027, entries: 36 })
    expect(done.body.recomputed.notices).toEqual([{ id: noticeId, title: '甲一村低保拟纳入对象公示', from: '2027-01-04', to: '2027-01-05', provisional: false }])
    expect(done.body.recomputed.complaints).toHaveLength(1)

    const year = (await t.payload.find({ collection: 'calendar-years', where: { year: { equals: 2027 } }, depth: 0 })).docs[0]
    expect(year.published).toBe(true)
    expect(await t.payload.count({ collection: 'holidays', where: { date: { like: '2027-' } } })).toMatchObject({ totalDocs: 36 })
    const audit = await t.payload.find({ collection: 'audit-log', where: { actor: { equals: admin.id } }, sort: 'at', limit: 50, depth: 0 })
    expect(audit.docs.map((a) => a.summary)).toEqual(expect.arrayContaining(['录入2027年节假日安排：放假29天，调休上班7天', '截止日期按节假日安排复核：2027-01-04 → 2027-01-05']))
  })

  it('the notice ends 2027-01-05, no longer 暂定, in the admin (latest version) and on the public site', async () => {
    const main = await t.payload.findByID({ collection: 'notices', id: noticeId, depth: 0 })
    expect([dayOfStored(main.endsOn), main.endsOnProvisional, dayOfStored(main.endsOnRevisedFrom)]).toEqual(['2027-01-05', false, '2027-01-04'])
    const latest = await t.payload.findByID({ collection: 'notices', id: noticeId, depth: 0, draft: true })
    expect([dayOfStored(latest.endsOn), latest.endsOnProvisional]).toEqual(['2027-01-05', false])
    expect(latest.title).toBe('甲一村低保拟纳入对象公示') // the patch touched the computed fields only
    const { snapshot } = await buildSnapshot(t.payload)
    expect(snapshot.notices.find((n) => n.id === noticeId)).toMatchObject({ endsOn: '2027-01-05', endsOnProvisional: false })
  })

  it('the editor is told on the dashboard; the officer sees the recomputed complaint dates', async () => {
    const e = await workItems(t.payload, await userReq(editor))
    expect(e.noticeRevisions).toEqual([{ id: noticeId, title: '甲一村低保拟纳入对象公示', from: '2027-01-04', to: '2027-01-05', on: '2026-12-28' }])
    expect(e.provisionalNotices).toEqual([])
    const c = await t.payload.findByID({ collection: 'complaints', id: complaintId, depth: 0 })
    // 5 working days: 12-29, 12-30, 12-31, (1-1..1-4 off), 1-5, 1-6
    expect([dayOfStored(c.acknowledgeDue), c.acknowledgeDueProvisional, c.resolveDueProvisional]).toEqual(['2027-01-06', false, false])
    // the resolve date stays 2027-01-19 (1-4 off, but Saturday 1-9 worked): only the moved date is reported
    expect(dayOfStored(c.resolveDue)).toBe('2027-01-19')
    expect(c.deadlineRevision).toBe('告知受理期限由 2027-01-05 调整为 2027-01-06（已按国务院公布的节假日安排复核）')
    const o = await workItems(t.payload, await userReq(officer))
    expect(o.complaintRevisions?.map((x) => x.id)).toEqual([complaintId])
    expect(o.provisionalComplaints).toEqual([])
    const a = await workItems(t.payload, await userReq(admin))
    expect(a.calendarWarning).toBeNull()
  })
})

describe('a calendar record stored before dates were validated', () => {
  it('is skipped with a warning instead of making every deadline fail', async () => {
    await t.payload.db.create({ collection: 'holidays', data: { date: '2026-02-30', kind: 'off', name: '旧数据' } })
    invalidateWorkCalendar()
    const doc = await t.payload.create({ collection: 'notices', context: system, data: { title: '旧数据之后的公示', programme, kind: 'apply', stage: 'village', region: r.villageA, postedOn: '2026-11-02T04:00:00.000Z', objectionContact: '向甲镇民政办反映', entries: [] } })
    expect(dayOfStored(doc.endsOn)).toBe('2026-11-09')
  })
})
