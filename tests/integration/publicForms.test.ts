import fs from 'node:fs'
import { setClock, today as clockToday } from '../../cms/domain/clock'
import type http from 'node:http'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publicFormKey } from '../../cms/complaints/publicKey'
import { normaliseTrackingCode } from '../../cms/domain/trackingCode'
import { publishRelease } from '../../cms/publish/release'
import { forwardOutbox } from '../../site/server/outboxForwarder'
import { createPublicServer, stopPublicServer } from '../../site/server/publicServer'
import { makeProgramme, makeRegions, seedComplaintCategories, withCalendar } from '../helpers/fixtures'
import { miniCms } from '../helpers/miniCms'
import { startTestPayload, type TestPayload } from '../helpers/payload'
import { freePort } from '../helpers/system'

let t: TestPayload
let site: http.Server
let cms: http.Server
let cmsPort: number
let base: string
let noticeId: string

const listen = (s: http.Server, port: number) => new Promise<void>((r) => s.listen(port, '127.0.0.1', () => r()))
const close = (s: http.Server) => new Promise<void>((r) => { s.close(() => r()); s.closeAllConnections() })

beforeAll(async () => {
  t = await startTestPayload()
  await withCalendar(t.payload)
  await seedComplaintCategories(t.payload)
  const r = await makeRegions(t.payload)
  const programme = await makeProgramme(t.payload)
  const today = clockToday()
  noticeId = String(
    (
      await t.payload.create({
        collection: 'notices',
        context: { disableAutoPublish: true, system: true },
        data: { title: '甲一村低保拟纳入对象公示', programme, kind: 'apply', stage: 'village', region: r.villageA, postedOn: `${today}T04:00:00.000Z`, objectionContact: '向甲镇民政办反映', entries: [{ headName: '周建国', householdSize: 3, amount: 450, village: r.villageA }], _status: 'published' },
      })
    ).id,
  )
  const dir = path.join(t.dataDir, 'releases')
  await publishRelease(t.payload, { dir })
  cmsPort = await freePort()
  process.env.CMS_URL = `http://127.0.0.1:${cmsPort}`
  process.env.PUBLIC_FORM_KEY = publicFormKey()
  process.env.OUTBOX_DIR = path.join(t.dataDir, 'outbox')
  process.env.FORM_SUBMIT_LIMIT = '12'
  cms = miniCms(t.payload)
  await listen(cms, cmsPort)
  site = createPublicServer({ releasesDir: dir, accessLog: false })
  const port = await freePort()
  await listen(site, port)
  base = `http://127.0.0.1:${port}`
}, 240_000)
afterAll(async () => {
  if (site) await stopPublicServer(site)
  if (cms?.listening) await close(cms)
  await t?.close()
})

async function openForm(p: string) {
  const res = await fetch(base + p)
  const html = await res.text()
  const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? ''
  return { res, html, trackingCode: hidden('trackingCode'), queryPassword: hidden('queryPassword') }
}

function fill(form: { trackingCode: string; queryPassword: string }, fields: Record<string, string>) {
  const fd = new FormData()
  fd.set('trackingCode', form.trackingCode)
  fd.set('queryPassword', form.queryPassword)
  fd.set('startedAt', String(Date.now() - 60_000))
  for (const [k, v] of Object.entries(fields)) fd.set(k, v)
  return fd
}

// Browsers send Origin on form posts; Astro refuses cross-site posts (CSRF protection).
const post = (p: string, body: FormData) => fetch(base + p, { method: 'POST', body, headers: { origin: base } })
const complaintsWith = async (code: string) =>
  (await t.payload.count({ collection: 'complaints', where: { trackingCode: { equals: normaliseTrackingCode(code) } }, overrideAccess: true })).totalDocs

describe('public forms (no JavaScript needed)', () => {
  it('an objection reached from a notice lists its masked entries and gives a receipt', async () => {
    const form = await openForm(`/interact/objection/?notice=${noticeId}&entry=1`)
    expect(form.res.status).toBe(200)
    expect(form.res.headers.get('cache-control')).toBe('no-store')
    expect(form.html).toContain('甲一村低保拟纳入对象公示')
    expect(form.html).toContain('周*')
    expect(form.html).not.toContain('周建国')
    const res = await post('/interact/objection/', fill(form, { noticeId, entryNo: '1', category: 'objection', identity: 'anonymous', content: '第1户家里在县城开了超市，收入不低。' }))
    const html = await res.text()
    expect(res.status).toBe(200)
    expect(html).toContain('已提交')
    expect(html).toContain(form.queryPassword)
    expect(await complaintsWith(form.trackingCode)).toBe(1)
  })

  it('shows every error at once, beside its field, keeping what was typed', async () => {
    const form = await openForm('/interact/report/')
    const res = await post('/interact/report/', fill(form, { category: 'fraud', identity: 'real', name: '', phone: '12', content: '太短' }))
    const html = await res.text()
    expect(res.status).toBe(422)
    expect(html).toContain('请修改以下问题后再提交')
    expect(html).toMatch(/href="#content"/)
    expect(html).toMatch(/href="#name"/)
    expect(html).toMatch(/href="#phone"/)
    expect(html).toContain('太短')
    expect(await complaintsWith(form.trackingCode)).toBe(0)
  })

  it('rejects a filled honeypot and says why', async () => {
    const form = await openForm('/interact/report/')
    const res = await post('/interact/report/', fill(form, { category: 'fraud', identity: 'anonymous', content: '这是一段足够长的举报内容。', website: 'http://spam.example' }))
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('自动程序')
  })

  it('tracks a submission by code and password', async () => {
    const form = await openForm('/interact/complaint/')
    await post('/interact/complaint/', fill(form, { category: 'payment', identity: 'anonymous', content: '十月份的低保金到现在还没有到账。' }))
    const fd = new FormData()
    fd.set('code', form.trackingCode.toLowerCase())
    fd.set('password', form.queryPassword)
    const html = await (await post('/interact/track/', fd)).text()
    expect(html).toContain('办理进度：已收到')
    fd.set('password', '00000000')
    const wrong = await post('/interact/track/', fd)
    expect(wrong.status).toBe(422)
  })
})

describe('provisional due dates (2027 not entered)', () => {
  it('the receipt and the tracking page mark a date counted into 2027 暂定, and say why', async () => {
    setClock('2026-12-28')
    try {
      const form = await openForm('/interact/complaint/')
      const receipt = await (await post('/interact/complaint/', fill(form, { category: 'payment', identity: 'anonymous', content: '十二月份的低保金到现在还没有到账。' }))).text()
      // 5 and 15 working days from 2026-12-28, 元旦 off: 2027-01-05 and 2027-01-19, provisionally
      expect(receipt).toContain('<strong>2027年1月5日</strong>（暂定） 前告知是否受理')
      expect(receipt).toContain('<strong>2027年1月19日</strong>（暂定） 前办结答复')
      expect(receipt).toContain('截止日期暂按法定节假日推算，国务院公布安排后自动复核')
      const fd = new FormData()
      fd.set('code', form.trackingCode)
      fd.set('password', form.queryPassword)
      const track = await (await post('/interact/track/', fd)).text()
      expect(track).toContain('2027年1月5日前（暂定）')
      expect(track).toContain('2027年1月19日前（暂定）')
      expect(track).toContain('截止日期暂按法定节假日推算，国务院公布安排后自动复核')
    } finally {
      setClock(null)
    }
  })

  it('a date inside entered years carries no mark', async () => {
    setClock('2026-06-01')
    try {
      const form = await openForm('/interact/complaint/')
      const receipt = await (await post('/interact/complaint/', fill(form, { category: 'payment', identity: 'anonymous', content: '五月份的低保金到现在还没有到账。' }))).text()
      expect(receipt).toContain('前告知是否受理')
      expect(receipt).not.toContain('暂定')
    } finally {
      setClock(null)
    }
  })
})

describe('the outbox: the CMS is down, nothing is lost, nothing is doubled', () => {
  it('every receipt shown maps to exactly one stored complaint after the CMS comes back', async () => {
    await close(cms)
    const receipts: string[] = []
    for (let i = 0; i < 3; i++) {
      const form = await openForm('/interact/report/')
      const res = await post('/interact/report/', fill(form, { category: 'fraud', identity: 'anonymous', content: `第${i + 1}条：某村干部的亲戚不符合条件却享受低保。` }))
      const html = await res.text()
      expect(res.status).toBe(200)
      expect(html).toContain('已提交')
      expect(html).toContain('不会丢失')
      receipts.push(form.trackingCode)
    }
    const outbox = process.env.OUTBOX_DIR!
    const files = fs.readdirSync(outbox).filter((f) => f.endsWith('.json')).sort()
    expect(files).toHaveLength(3)
    // Forwarding while the CMS is still down keeps everything, in order.
    expect(await forwardOutbox()).toEqual({ sent: 0, left: 3 })
    // A crash after a send but before the delete: the same file goes again later.
    const replay = fs.readFileSync(path.join(outbox, files[0]))
    cms = miniCms(t.payload)
    await listen(cms, cmsPort)
    expect(await forwardOutbox()).toEqual({ sent: 3, left: 0 })
    fs.writeFileSync(path.join(outbox, files[0]), replay)
    expect(await forwardOutbox()).toEqual({ sent: 1, left: 0 })
    for (const code of receipts) expect(await complaintsWith(code)).toBe(1)
    const stored = await t.payload.find({ collection: 'complaints', where: { trackingCode: { in: receipts } }, sort: 'receivedAt', overrideAccess: true })
    expect(stored.docs.map((d) => d.trackingCode)).toEqual(receipts)
  })
})

describe('abuse resistance', () => {
  it('limits submissions per address and says when to try again', async () => {
    let limited: Response | null = null
    for (let i = 0; i < 15 && !limited; i++) {
      const form = await openForm('/interact/report/')
      const res = await post('/interact/report/', fill(form, { category: 'fraud', identity: 'anonymous', content: '批量提交测试，批量提交测试。' }))
      if (res.status === 429) limited = res
      else await res.arrayBuffer()
    }
    expect(limited).not.toBeNull()
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await limited!.text()).toContain('提交过于频繁')
  })
})
