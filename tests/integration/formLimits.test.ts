// The rate limiter residents meet: it lives in the public server (not in a release, so publishing
// does not reset it), counts accepted submissions per address and subject (a validation error costs
// nothing, a village PC can help several villagers), sees the address the trusted proxy saw (a
// spoofed leftmost X-Forwarded-For buys nothing), answers 429 with the form and its text, and
// wants a server-signed form timestamp.
import crypto from 'node:crypto'
import fs from 'node:fs'
import type http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseProxyTrust } from '../../cms/domain/clientAddress'
import { createFormServices } from '../../site/lib/forms/services'
import { createPublicServer, stopPublicServer } from '../../site/server/publicServer'
import { fakeCms } from '../helpers/fakeCms'
import { fixtureReleases } from '../helpers/fixtureReleases'
import { freePort } from '../helpers/system'

let releases: Awaited<ReturnType<typeof fixtureReleases>>
let cms: Awaited<ReturnType<typeof fakeCms>>
let server: http.Server
let base: string
let outboxDir: string
const key = crypto.randomBytes(24).toString('hex')

beforeAll(async () => {
  releases = await fixtureReleases()
  cms = await fakeCms(key)
  outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ygjz-outbox-'))
  const services = createFormServices({
    cmsUrl: cms.url,
    publicFormKey: key,
    outboxDir,
    outboxPublicKey: null,
    limits: { perSubject: 3, perAddress: 6, attempts: 200, lookupsPerCode: 4, lookups: 100 },
  })
  // nginx on this host in front: one trusted hop from loopback.
  server = createPublicServer({ releasesDir: releases.dir, accessLog: false, services, trust: parseProxyTrust('1', undefined), production: false })
  const port = await freePort()
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()))
  base = `http://127.0.0.1:${port}`
}, 300_000)
afterAll(async () => {
  if (server) await stopPublicServer(server)
  await cms?.close()
  releases?.cleanup()
  if (outboxDir) fs.rmSync(outboxDir, { recursive: true, force: true })
})

type Form = { trackingCode: string; queryPassword: string; formToken: string; release: string | null }
async function openForms(p: string, n: number): Promise<Form[]> {
  const forms: Form[] = []
  for (let i = 0; i < n; i++) {
    const res = await fetch(base + p)
    const html = await res.text()
    const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? ''
    forms.push({ trackingCode: hidden('trackingCode'), queryPassword: hidden('queryPassword'), formToken: hidden('formToken'), release: res.headers.get('x-release') })
  }
  // A person takes longer than the time trap (2.5 s) to fill a form in.
  await new Promise((r) => setTimeout(r, 2700))
  return forms
}

function post(p: string, form: Form, fields: Record<string, string>, forwardedFor?: string) {
  const fd = new FormData()
  fd.set('trackingCode', form.trackingCode)
  fd.set('queryPassword', form.queryPassword)
  fd.set('formToken', form.formToken)
  for (const [k, v] of Object.entries(fields)) fd.set(k, v)
  return fetch(base + p, { method: 'POST', body: fd, headers: { origin: base, ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) } })
}

const valid = (category: string, content = '村里有一户家庭有人在外地工作，收入不低，仍在领低保。') => ({ category, identity: 'anonymous', content })

describe('accepted submissions spend the budget; validation errors do not', () => {
  it('lets a resident correct errors freely, limits accepted ones per address and subject, and keeps the text on 429', async () => {
    const before = cms.received.length
    const forms = await openForms('/interact/report/', 9)
    const addr = '198.51.100.10'
    for (let i = 0; i < 4; i++) expect((await post('/interact/report/', forms[i], { category: 'fraud', identity: 'anonymous', content: '太短' }, addr)).status).toBe(422)
    for (let i = 4; i < 7; i++) {
      const res = await post('/interact/report/', forms[i], valid('fraud'), addr)
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('已提交')
    }
    const limited = await post('/interact/report/', forms[7], valid('fraud', '第四条举报：隔壁村的低保户家里新盖了楼房。'), addr)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    const html = await limited.text()
    expect(html).toContain('提交得太频繁')
    // The form is shown again, filled in: nothing the resident wrote is lost.
    expect(html).toContain('第四条举报：隔壁村的低保户家里新盖了楼房。')
    expect(html).toContain('name="formToken"')
    // Another subject from the same address (the village committee's PC, another villager).
    expect((await post('/interact/report/', forms[8], valid('conduct'), addr)).status).toBe(200)
    expect(cms.received.length - before).toBe(4)
  }, 60_000)
})

describe('the address is the one the trusted proxy saw', () => {
  it('does not give a new budget for a spoofed leftmost X-Forwarded-For', async () => {
    const forms = await openForms('/interact/complaint/', 5)
    const real = '203.0.113.77'
    for (let i = 0; i < 3; i++) expect((await post('/interact/complaint/', forms[i], valid('payment'), `10.9.8.${i}, ${real}`)).status).toBe(200)
    const spoofed = await post('/interact/complaint/', forms[3], valid('payment'), `192.0.2.${Math.floor(Math.random() * 200)}, ${real}`)
    expect(spoofed.status).toBe(429)
    await spoofed.arrayBuffer()
    // A different client behind the same proxy is its own budget.
    expect((await post('/interact/complaint/', forms[4], valid('payment'), '203.0.113.78')).status).toBe(200)
  }, 60_000)
})

describe('the limiter outlives releases', () => {
  it('keeps counting after a publish loads a new server bundle', async () => {
    const forms = await openForms('/interact/other/', 3)
    const addr = '198.51.100.20'
    for (let i = 0; i < 3; i++) expect((await post('/interact/other/', forms[i], valid('other'), addr)).status).toBe(200)
    const id = releases.publish()
    // Served by the new release as soon as its server code has loaded.
    let after: Form[] = []
    for (let i = 0; i < 50; i++) {
      after = await openForms('/interact/other/', 1)
      if (after[0].release === id) break
    }
    expect(after[0].release).toBe(id)
    const res = await post('/interact/other/', after[0], valid('other'), addr)
    expect(res.status).toBe(429)
    expect(await res.text()).toContain('提交得太频繁')
  }, 120_000)
})

describe('the time trap is signed by the server', () => {
  it('refuses a form sent back at once, and re-shows (text kept) one whose token is missing or forged', async () => {
    const res = await fetch(`${base}/interact/report/`)
    const html = await res.text()
    const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? ''
    const form = { trackingCode: hidden('trackingCode'), queryPassword: hidden('queryPassword'), formToken: hidden('formToken'), release: null }
    const fast = await post('/interact/report/', form, valid('fraud'), '198.51.100.30')
    expect(fast.status).toBe(400)
    expect(await fast.text()).toContain('自动程序')
    await new Promise((r) => setTimeout(r, 2700))
    // A client-written timestamp (the old `startedAt`) is no token at all.
    const forged = await post('/interact/report/', { ...form, formToken: `${(Date.now() - 60_000).toString(36)}.${'A'.repeat(24)}` }, valid('fraud', '伪造时间戳的提交内容，应当被重新显示。'), '198.51.100.30')
    expect(forged.status).toBe(422)
    const page = await forged.text()
    expect(page).toContain('页面信息已失效')
    expect(page).toContain('伪造时间戳的提交内容，应当被重新显示。')
    // A token is bound to its form's tracking code.
    const other = await post('/interact/report/', { ...form, trackingCode: '0000000000000' }, valid('fraud'), '198.51.100.30')
    expect(other.status).toBe(422)
    await other.arrayBuffer()
  }, 30_000)
})

describe('tracking lookups', () => {
  it('limits lookups per address and code, and counts only those that reach the CMS', async () => {
    const code = 'K7M2Q9XP4RTB'
    // Any valid code: compute its check symbol the way residents' receipts carry it.
    const { generateTrackingCode } = await import('../../cms/domain/trackingCode')
    const real = generateTrackingCode()
    const look = (c: string, pw: string) => fetch(`${base}/interact/track/`, { method: 'POST', body: new URLSearchParams({ code: c, password: pw }), headers: { origin: base, 'x-forwarded-for': '198.51.100.40' } })
    for (let i = 0; i < 6; i++) expect((await look(code, '1234')).status).toBe(422) // malformed: never counted
    for (let i = 0; i < 4; i++) expect((await look(real, '12345678')).status).toBe(200)
    const limited = await look(real, '12345678')
    expect(limited.status).toBe(429)
    expect(await limited.text()).toContain('查询过于频繁')
  })
})
