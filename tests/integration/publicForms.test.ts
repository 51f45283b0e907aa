import fs from 'node:fs'
import type http from 'node:http'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { outboxPrivateKeys, outboxPublicKey } from '../../cms/complaints/outboxKey'
import { generateOutboxKeyPair, openSealed } from '../../cms/complaints/outboxSeal'
import { readPublicFormsStatus } from '../../cms/complaints/publicFormsStatus'
import { publicFormKey } from '../../cms/complaints/publicKey'
import { setClock, today } from '../../cms/domain/clock'
import { storedDay } from '../../cms/domain/dates'
import { generateQueryPassword, generateTrackingCode, normaliseTrackingCode, verifyQueryPassword } from '../../cms/domain/trackingCode'
import { publishRelease } from '../../cms/publish/release'
import { createFormServices, type FormServices } from '../../site/lib/forms/services'
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
let services: FormServices
let outboxDir: string
let releasesDir: string

const listen = (s: http.Server, port: number) => new Promise<void>((r) => s.listen(port, '127.0.0.1', () => r()))
const close = (s: http.Server) => new Promise<void>((r) => { s.close(() => r()); s.closeAllConnections() })

function servicesWith(key: string) {
  return createFormServices({ cmsUrl: `http://127.0.0.1:${cmsPort}`, publicFormKey: key, outboxDir, outboxPublicKey: outboxPublicKey(), limits: { perSubject: 50, perAddress: 100, attempts: 500, lookupsPerCode: 50, lookups: 500 } })
}
/** (Re)starts the public server with the given services (a restart after a key change, as an operator would). */
async function startSite(s: FormServices) {
  if (site) await stopPublicServer(site)
  services = s
  site = createPublicServer({ releasesDir, accessLog: false, services: s })
  const port = await freePort()
  await listen(site, port)
  base = `http://127.0.0.1:${port}`
}

beforeAll(async () => {
  t = await startTestPayload()
  await withCalendar(t.payload)
  await seedComplaintCategories(t.payload)
  const r = await makeRegions(t.payload)
  const programme = await makeProgramme(t.payload)
  noticeId = String(
    (
      await t.payload.create({
        collection: 'notices',
        context: { disableAutoPublish: true, system: true },
        data: { title: '甲一村低保拟纳入对象公示', programme, kind: 'apply', stage: 'village', region: r.villageA, postedOn: storedDay(today()), objectionContact: '向甲镇民政办反映', entries: [{ headName: '周建国', householdSize: 3, amount: 450, village: r.villageA }], _status: 'published' },
      })
    ).id,
  )
  releasesDir = path.join(t.dataDir, 'releases')
  await publishRelease(t.payload, { dir: releasesDir })
  cmsPort = await freePort()
  process.env.PUBLIC_FORM_KEY = publicFormKey()
  outboxDir = path.join(t.dataDir, 'outbox')
  cms = miniCms(t.payload)
  await listen(cms, cmsPort)
  await startSite(servicesWith(publicFormKey()))
}, 240_000)
afterAll(async () => {
  if (site) await stopPublicServer(site)
  if (cms?.listening) await close(cms)
  await t?.close()
})

type Form = { html: string; trackingCode: string; queryPassword: string; formToken: string; status: number; cacheControl: string | null }
/** Opens forms, then waits as long as a person needs at least (the signed time trap). */
async function openForms(p: string, n = 1): Promise<Form[]> {
  const out: Form[] = []
  for (let i = 0; i < n; i++) {
    const res = await fetch(base + p)
    const html = await res.text()
    const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? ''
    out.push({ html, trackingCode: hidden('trackingCode'), queryPassword: hidden('queryPassword'), formToken: hidden('formToken'), status: res.status, cacheControl: res.headers.get('cache-control') })
  }
  await new Promise((r) => setTimeout(r, 2700))
  return out
}

function fill(form: Form, fields: Record<string, string | Blob>) {
  const fd = new FormData()
  fd.set('trackingCode', form.trackingCode)
  fd.set('queryPassword', form.queryPassword)
  fd.set('formToken', form.formToken)
  for (const [k, v] of Object.entries(fields)) fd.set(k, v as string)
  return fd
}

// Browsers send Origin on form posts; the public server refuses cross-site posts (CSRF protection).
const post = (p: string, body: FormData | URLSearchParams) => fetch(base + p, { method: 'POST', body, headers: { origin: base } })
const complaintsWith = async (code: string) =>
  (await t.payload.count({ collection: 'complaints', where: { trackingCode: { equals: normaliseTrackingCode(code) } }, overrideAccess: true })).totalDocs
const health = async () => {
  const res = await fetch(`${base}/_health/ready`)
  return { status: res.status, body: (await res.json()) as Record<string, any> }
}

async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a6' } })
    .jpeg()
    .withExifMerge({ IFD0: { Make: 'TestCam', Model: 'X1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 0/1' } } as never)
    .toBuffer()
}

describe('public forms (no JavaScript needed)', () => {
  it('an objection reached from a notice lists its masked entries and gives a receipt', async () => {
    const [form] = await openForms(`/interact/objection/?notice=${noticeId}&entry=1`)
    expect(form.status).toBe(200)
    expect(form.cacheControl).toBe('no-store')
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
    const [form] = await openForms('/interact/report/')
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
    const [form] = await openForms('/interact/report/')
    const res = await post('/interact/report/', fill(form, { category: 'fraud', identity: 'anonymous', content: '这是一段足够长的举报内容。', website: 'http://spam.example' }))
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('自动程序')
    // The form comes back with the resident's text, ready to submit again (issue 15).
    expect(html).toContain('这是一段足够长的举报内容。')
    expect(html).toMatch(/name="formToken" value="[^"]+"/)
    expect(html).not.toContain('http://spam.example')
  })

  it('a form sent faster than a person can (the time trap) comes back filled in', async () => {
    const res0 = await fetch(`${base}/interact/complaint/`)
    const page = await res0.text()
    const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1] ?? ''
    const form: Form = { html: page, trackingCode: hidden('trackingCode'), queryPassword: hidden('queryPassword'), formToken: hidden('formToken'), status: res0.status, cacheControl: null }
    const res = await post('/interact/complaint/', fill(form, { category: 'payment', identity: 'anonymous', content: '十一月份的低保金到现在还没有到账，请帮忙查一查。' }))
    const html = await res.text()
    expect(res.status).toBe(400)
    expect(html).toContain('自动程序')
    expect(html).toContain('十一月份的低保金到现在还没有到账，请帮忙查一查。')
    expect(await complaintsWith(form.trackingCode)).toBe(0)
  })

  it('says in Chinese, beside the field, why an attachment was refused', async () => {
    const [form] = await openForms('/interact/report/')
    const fake = new Blob([Buffer.from('MZ\x90\x00 not a picture')], { type: 'image/jpeg' })
    const fd = fill(form, { category: 'fraud', identity: 'anonymous', content: '附上照片一张，请核查这户的情况。' })
    fd.append('attachments', fake, 'photo.jpg')
    const res = await post('/interact/report/', fd)
    const html = await res.text()
    expect(res.status).toBe(422)
    expect(html).toContain('只接受 JPG、PNG、WEBP 图片和 PDF 文件')
    expect(html).not.toMatch(/unknown error|field is invalid/i)
  })

  it('tracks a submission by code and password, and the CMS stores only the password hash', async () => {
    const [form] = await openForms('/interact/complaint/')
    await (await post('/interact/complaint/', fill(form, { category: 'payment', identity: 'anonymous', content: '十月份的低保金到现在还没有到账。' }))).text()
    const html = await (await post('/interact/track/', new URLSearchParams({ code: form.trackingCode.toLowerCase(), password: form.queryPassword }))).text()
    expect(html).toContain('办理进度：已收到')
    const wrong = await post('/interact/track/', new URLSearchParams({ code: form.trackingCode, password: '00000000' }))
    expect(wrong.status).toBe(422)
    const doc = (await t.payload.find({ collection: 'complaints', where: { trackingCode: { equals: normaliseTrackingCode(form.trackingCode) } }, overrideAccess: true, showHiddenFields: true })).docs[0] as Record<string, any>
    expect(doc.queryPasswordHash).toMatch(/^scrypt\$/)
    expect(await verifyQueryPassword(form.queryPassword, doc.queryPasswordHash)).toBe(true)
  })
})

describe('provisional due dates (2027 not entered)', () => {
  it('the receipt and the tracking page mark a date counted into 2027 暂定, and say why', async () => {
    setClock('2026-12-28')
    try {
      const form = (await openForms('/interact/complaint/'))[0]
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
      const form = (await openForms('/interact/complaint/'))[0]
      const receipt = await (await post('/interact/complaint/', fill(form, { category: 'payment', identity: 'anonymous', content: '五月份的低保金到现在还没有到账。' }))).text()
      expect(receipt).toContain('前告知是否受理')
      expect(receipt).not.toContain('暂定')
    } finally {
      setClock(null)
    }
  })
})

describe('the outbox: the CMS is down, nothing is lost, nothing is doubled, nothing is readable', () => {
  it('every receipt shown maps to exactly one stored complaint after the CMS comes back', async () => {
    await close(cms)
    const forms = await openForms('/interact/report/', 3)
    const photo = await photoWithGps()
    const receipts: string[] = []
    const started = Date.now()
    for (let i = 0; i < 3; i++) {
      const fd = fill(forms[i], { category: 'fraud', identity: i === 0 ? 'real' : 'anonymous', name: '李秀英', phone: '139 0000 1234', content: `第${i + 1}条：某村干部的亲戚不符合条件却享受低保。` })
      if (i === 0) fd.append('attachments', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'IMG_0042.jpg')
      const res = await post('/interact/report/', fd)
      const html = await res.text()
      expect(res.status).toBe(200)
      expect(html).toContain('已提交')
      expect(html).toContain('不会丢失')
      receipts.push(forms[i].trackingCode)
    }
    const files = fs.readdirSync(outboxDir).filter((f) => f.endsWith('.json')).sort()
    expect(files).toHaveLength(3)
    // On the internet-facing host the files show nothing of what was written.
    for (const [i, f] of files.entries()) {
      const raw = fs.readFileSync(path.join(outboxDir, f), 'utf8')
      for (const secret of [forms[i].trackingCode, forms[i].queryPassword, '李秀英', '139 0000 1234', '某村干部', 'fraud', 'Exif', 'TestCam']) expect(raw).not.toContain(secret)
      expect(fs.statSync(path.join(outboxDir, f)).mode & 0o077).toBe(0)
    }
    // Only the CMS's private key opens them: the password is only its hash, the photo has no GPS.
    const inner = JSON.parse(openSealed(JSON.parse(fs.readFileSync(path.join(outboxDir, files[0]), 'utf8')).sealed, outboxPrivateKeys()).toString('utf8'))
    expect(inner.queryPassword).toBeUndefined()
    expect(await verifyQueryPassword(forms[0].queryPassword, inner.queryPasswordHash)).toBe(true)
    const queuedPhoto = Buffer.from(inner.attachments[0].dataBase64, 'base64')
    expect((await sharp(queuedPhoto).metadata()).exif).toBeUndefined()
    expect(queuedPhoto.includes(Buffer.from('TestCam'))).toBe(false)
    // Forwarding while the CMS is still down keeps everything.
    expect(await forwardOutbox(services)).toMatchObject({ sent: 0, left: 3, state: 'unreachable' })
    // A crash after a send but before the delete: the same file goes again later.
    const replay = fs.readFileSync(path.join(outboxDir, files[0]))
    cms = miniCms(t.payload)
    await listen(cms, cmsPort)
    expect(await forwardOutbox(services)).toMatchObject({ sent: 3, left: 0, state: 'ok' })
    fs.writeFileSync(path.join(outboxDir, files[0]), replay)
    expect(await forwardOutbox(services)).toMatchObject({ sent: 1, left: 0 })
    for (const code of receipts) expect(await complaintsWith(code)).toBe(1)
    const stored = await t.payload.find({ collection: 'complaints', where: { trackingCode: { in: receipts.map(normaliseTrackingCode) } }, sort: 'receivedAt', overrideAccess: true })
    expect(stored.docs.map((d) => d.trackingCode)).toEqual(receipts.map(normaliseTrackingCode))
    // Received when the resident sent it, not when the CMS came back.
    expect(Date.parse(String(stored.docs[0].receivedAt))).toBeLessThan(started + 30_000)
    expect(stored.docs[0].reporterName).toBe('李秀英')
  }, 60_000)

  it('rotating the public-form key while submissions wait loses none: kept, alarmed, forwarded once the keys match again', async () => {
    const oldKey = process.env.PUBLIC_FORM_KEY!
    // The CMS gets a new key; the public server still has the old one.
    process.env.PUBLIC_FORM_KEY = `rotated-${'k'.repeat(40)}`
    const forms = await openForms('/interact/complaint/', 2)
    for (const f of forms) {
      const res = await post('/interact/complaint/', fill(f, { category: 'payment', identity: 'anonymous', content: '密钥轮换期间提交的投诉，不能丢失。' }))
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('不会丢失')
    }
    expect(services.outbox.pending()).toHaveLength(2)
    expect(await forwardOutbox(services)).toMatchObject({ sent: 0, left: 2, state: 'auth' })
    // Not given up on, nothing set aside; the alarm is up where operators look.
    expect(services.outbox.refused()).toHaveLength(0)
    const h = await health()
    expect(h.status).toBe(503)
    expect(h.body).toMatchObject({ status: 'outbox blocked', outbox: { state: 'auth', pending: 2 } })
    expect(h.body.outbox.detail).toContain('PUBLIC_FORM_KEY')
    expect(readPublicFormsStatus().unauthorised?.count).toBeGreaterThan(0)
    // The operator gives the public server the new key and restarts it.
    await startSite(servicesWith(process.env.PUBLIC_FORM_KEY))
    expect(await forwardOutbox(services)).toMatchObject({ sent: 2, left: 0, state: 'ok' })
    for (const f of forms) expect(await complaintsWith(f.trackingCode)).toBe(1)
    expect((await health()).status).toBe(200)
    expect(readPublicFormsStatus().unauthorised).toBeNull()
    process.env.PUBLIC_FORM_KEY = oldKey
    await startSite(servicesWith(oldKey))
  }, 60_000)

  it('sets aside only a submission the CMS refuses for its content, with the reason, and goes on with the rest', async () => {
    const entry = (category: string) => ({
      trackingCode: generateTrackingCode(),
      queryPasswordHash: 'scrypt$4096$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
      kind: 'report',
      category,
      anonymous: true,
      content: '外发队列中的一条举报，内容足够长。',
      attachments: [],
      submittedAt: new Date().toISOString(),
    })
    const good1 = entry('fraud')
    const good2 = entry('fraud')
    services.outbox.enqueue(new Date().toISOString(), good1)
    services.outbox.enqueue(new Date().toISOString(), entry('no-such-category'))
    services.outbox.enqueue(new Date().toISOString(), good2)
    expect(await forwardOutbox(services)).toMatchObject({ sent: 2, refused: 1, left: 0 })
    expect(await complaintsWith(good1.trackingCode)).toBe(1)
    expect(await complaintsWith(good2.trackingCode)).toBe(1)
    const refused = services.outbox.refused()
    expect(refused).toHaveLength(1)
    expect(fs.readFileSync(path.join(outboxDir, 'refused', `${refused[0]}.reason.txt`), 'utf8')).toMatch(/422 invalid category 所选类别不存在/)
  })

  it('tells admins, and only admins, what is wrong at the public server\'s door', async () => {
    const { publicFormEndpoints } = await import('../../cms/endpoints/publicForms')
    const { createLocalReq } = await import('payload')
    const endpoint = publicFormEndpoints.find((e) => e.path === '/public-forms/status')!
    const as = async (roles: string[]) => {
      const req = await createLocalReq({ user: { id: 'u1', collection: 'users', roles } as never }, t.payload)
      const res = (await endpoint.handler(req)) as Response
      return { status: res.status, body: (await res.json()) as Record<string, any> }
    }
    expect((await as(['editor'])).status).toBe(403)
    const admin = await as(['admin'])
    expect(admin.status).toBe(200)
    expect(admin.body).toHaveProperty('unauthorised')
    expect(admin.body).toHaveProperty('unsealable')
    expect(admin.body.lastAcceptedAt).toMatch(/^\d{4}-/)
  })

  it('keeps what no CMS key opens (a key pair that does not match) and says so', async () => {
    const stranger = createFormServices({ cmsUrl: `http://127.0.0.1:${cmsPort}`, publicFormKey: process.env.PUBLIC_FORM_KEY!, outboxDir, outboxPublicKey: generateOutboxKeyPair().publicKey })
    stranger.outbox.enqueue(new Date().toISOString(), { trackingCode: generateTrackingCode(), queryPassword: generateQueryPassword(), kind: 'other', category: 'other', anonymous: true, content: '用不配对的公钥加密的一条。' })
    expect(await forwardOutbox(services)).toMatchObject({ sent: 0, left: 1, state: 'key' })
    expect(services.health.detail).toContain('OUTBOX_PUBLIC_KEY')
    expect(readPublicFormsStatus().unsealable?.count).toBeGreaterThan(0)
    for (const f of services.outbox.pending()) fs.rmSync(path.join(outboxDir, f))
  })
})
