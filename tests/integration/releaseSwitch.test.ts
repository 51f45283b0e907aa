import fs from 'node:fs'
import type http from 'node:http'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PiiGateError } from '../../cms/publish/piiGate'
import { publishRelease, readReleaseStatus } from '../../cms/publish/release'
import { createPublicServer, stopPublicServer } from '../../site/server/publicServer'
import { freePort } from '../helpers/system'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let dir: string
let server: http.Server
let base: string
let policyId: string
const system = { disableAutoPublish: true, system: true }

beforeAll(async () => {
  t = await startTestPayload()
  dir = path.join(t.dataDir, 'releases')
  const p = await t.payload.create({
    collection: 'policies',
    context: system,
    data: { title: '第0版政策', issuer: '测试县民政局', publishedOn: '2026-03-01T04:00:00.000Z', validity: 'current', _status: 'published' },
  })
  policyId = String(p.id)
  await publishRelease(t.payload, { dir })
  server = createPublicServer({ releasesDir: dir, accessLog: false })
  const port = await freePort()
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r))
  base = `http://127.0.0.1:${port}`
}, 240_000)
afterAll(async () => {
  if (server) await stopPublicServer(server)
  await t?.close()
})

describe('releases', () => {
  it('switch under load with no failed request', async () => {
    const paths = ['/', '/policies/', `/policies/${policyId}/`, '/healthz', '/_health/ready']
    let stop = false
    const failures: string[] = []
    let requests = 0
    const worker = async () => {
      while (!stop) {
        const p = paths[requests++ % paths.length]
        try {
          const res = await fetch(base + p)
          await res.arrayBuffer()
          if (res.status !== 200) failures.push(`${p} → ${res.status}`)
        } catch (err) {
          failures.push(`${p} → ${(err as Error).message}`)
        }
      }
    }
    const load = Promise.all([worker(), worker(), worker(), worker()])
    for (let v = 1; v <= 3; v++) {
      await t.payload.update({ collection: 'policies', id: policyId, context: system, data: { title: `第${v}版政策` } })
      await publishRelease(t.payload, { dir })
    }
    await new Promise((r) => setTimeout(r, 200))
    stop = true
    await load
    expect(failures).toEqual([])
    expect(requests).toBeGreaterThan(100)
    // The new release is served as soon as its server code has loaded (the old one answers meanwhile).
    let html = ''
    for (let i = 0; i < 50 && !html.includes('第3版政策'); i++) {
      html = await (await fetch(`${base}/policies/${policyId}/`)).text()
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(html).toContain('第3版政策')
    console.log(JSON.stringify({ releaseSwitchUnderLoad: { requests, failures: failures.length } }))
  }, 240_000)

  it('a failed release leaves the live site untouched and reports the error', async () => {
    const live = fs.readlinkSync(path.join(dir, 'current'))
    // The save-time check refuses the phone number…
    await expect(
      t.payload.update({ collection: 'policies', id: policyId, context: system, data: { summary: '联系人电话13812345678', _status: 'published' } }),
    ).rejects.toThrow(/隐私检查未通过/)
    // …so plant it past every hook, as a bug or a direct database edit would.
    await t.payload.db.updateOne({ collection: 'policies', where: { id: { equals: policyId } }, data: { summary: '联系人电话13812345678' } })
    const err = await publishRelease(t.payload, { dir }).catch((e) => e)
    expect(err).toBeInstanceOf(PiiGateError)
    expect(err.message).not.toContain('13812345678')
    expect(fs.readlinkSync(path.join(dir, 'current'))).toBe(live)
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('.staging'))).toEqual([])
    const status = readReleaseStatus(dir)
    expect(status.lastAttempt?.ok).toBe(false)
    expect(status.live?.release).toBe(live)
    const ready = await (await fetch(`${base}/_health/ready`)).json()
    expect(ready).toMatchObject({ status: 'ready', release: live, lastPublish: { ok: false } })
    const html = await (await fetch(`${base}/policies/${policyId}/`)).text()
    expect(html).toContain('第3版政策')
    expect(html).not.toContain('13812345678')
  }, 120_000)

  it('five publishes in a row with no traffic, then a request: the page is served (the release in use was never pruned)', async () => {
    await t.payload.db.updateOne({ collection: 'policies', where: { id: { equals: policyId } }, data: { summary: null } })
    const served = fs.readlinkSync(path.join(dir, 'current'))
    for (let v = 4; v <= 8; v++) {
      await t.payload.update({ collection: 'policies', id: policyId, context: system, data: { title: `第${v}版政策` } })
      await publishRelease(t.payload, { dir })
    }
    const kept = fs.readdirSync(dir).filter((n) => /^\d{8}T/.test(n))
    // Older than the newest three, but pinned by the public server that still serves it.
    expect(kept).toContain(served)
    expect(kept.length).toBeLessThanOrEqual(4)
    const res = await fetch(`${base}/policies/${policyId}/`)
    expect(res.status).toBe(200)
    await res.text()
    let html = ''
    for (let i = 0; i < 50 && !html.includes('第8版政策'); i++) {
      html = await (await fetch(`${base}/policies/${policyId}/`)).text()
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(html).toContain('第8版政策')
    // Once the server has moved on, the next prune may take the old one.
    await publishRelease(t.payload, { dir })
    expect(fs.existsSync(path.join(dir, served))).toBe(false)
  }, 300_000)
})
