// The compiled public server in its own process, as production runs it: bodies are counted while
// they stream and cut at the route's limit (a 300 MB chunked upload costs a few megabytes of
// memory), header and URL sizes are bounded, errors are Chinese pages, and no request ends it.
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeCms } from '../helpers/fakeCms'
import { fixtureReleases } from '../helpers/fixtureReleases'
import { compiledPublicServer, startPublicServerProcess, type PublicServerProcess } from '../helpers/publicServerProcess'

let releases: Awaited<ReturnType<typeof fixtureReleases>>
let bundle: Awaited<ReturnType<typeof compiledPublicServer>>
let cms: Awaited<ReturnType<typeof fakeCms>>
let server: PublicServerProcess
let outboxDir: string
const key = crypto.randomBytes(24).toString('hex')

beforeAll(async () => {
  ;[releases, bundle] = await Promise.all([fixtureReleases(), compiledPublicServer()])
  cms = await fakeCms(key)
  outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ygjz-outbox-'))
  server = await startPublicServerProcess(bundle.file, { NODE_ENV: 'production', RELEASES_DIR: releases.dir, CMS_URL: cms.url, PUBLIC_FORM_KEY: key, OUTBOX_DIR: outboxDir, FORM_ATTEMPT_LIMIT: '1000' })
}, 300_000)
afterAll(async () => {
  if (server) fs.writeFileSync(path.join(os.tmpdir(), 'ygjz-limits-server.log'), server.output())
  await server?.stop()
  await cms?.close()
  releases?.cleanup()
  bundle?.cleanup()
  if (outboxDir) fs.rmSync(outboxDir, { recursive: true, force: true })
})

type Sent = { status: number; body: string; sentBytes: number }

/**
 * POSTs a chunked body of `total` bytes — `head`, then zeros — as fast as the server takes it, and
 * stops sending as soon as the answer arrives (a browser does the same).
 */
function streamPost(pathname: string, contentType: string, head: string, total: number): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${server.url}${pathname}`, { method: 'POST', headers: { origin: server.url, 'content-type': contentType, 'transfer-encoding': 'chunked' } })
    let sent = 0
    let answered = false
    const chunk = Buffer.alloc(64 * 1024)
    const pump = () => {
      while (!answered && sent < total) {
        const piece = sent === 0 ? Buffer.concat([Buffer.from(head), chunk]) : chunk
        sent += piece.length
        if (!req.write(piece)) return void req.once('drain', pump)
      }
      if (!answered) req.end()
    }
    req.on('response', (res) => {
      answered = true
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (d) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode!, body, sentBytes: sent }))
      res.on('error', () => resolve({ status: res.statusCode!, body, sentBytes: sent }))
    })
    // Once answered, the server closes the connection under the rest of the upload.
    req.on('error', (err) => (answered ? undefined : reject(err)))
    pump()
  })
}

async function openForm(p: string) {
  const html = await (await fetch(server.url + p)).text()
  const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? ''
  return { html, trackingCode: hidden('trackingCode'), queryPassword: hidden('queryPassword'), formToken: hidden('formToken') }
}

const part = (name: string, value: string) => `--b\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`

describe('bodies are bounded while they stream', () => {
  it('cuts a 300 MB chunked POST to every form route and to tracking with 413, and the process stays under 50 MB of growth', async () => {
    // Warm up every route (code loads on first use), then take the baseline.
    for (const p of ['/interact/objection/', '/interact/report/', '/interact/complaint/', '/interact/other/', '/interact/track/']) await (await fetch(server.url + p)).text()
    await streamPost('/interact/report/', 'multipart/form-data; boundary=b', `${part('content', '预热')}--b--\r\n`, 1)
    const baseline = server.status().rss
    const MB300 = 300 * 1024 * 1024
    const form = await openForm('/interact/report/')
    const fields = part('trackingCode', form.trackingCode) + part('queryPassword', form.queryPassword) + part('formToken', form.formToken) + part('category', 'fraud') + part('identity', 'anonymous') + part('content', '村里有人隐瞒收入领取低保，请核查。')
    const cases: { route: string; type: string; head: string; expect: RegExp }[] = [
      // A photo that never ends: cut at the file's 8 MB, the form comes back with the text kept.
      { route: '/interact/report/', type: 'multipart/form-data; boundary=b', head: `${fields}--b\r\nContent-Disposition: form-data; name="attachments"; filename="大照片.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`, expect: /超过 8 MB[\s\S]*村里有人隐瞒收入领取低保/ },
      // One endless text field.
      { route: '/interact/complaint/', type: 'multipart/form-data; boundary=b', head: '--b\r\nContent-Disposition: form-data; name="content"\r\n\r\n', expect: /提交的内容太大/ },
      // Bytes that are no form part at all.
      { route: '/interact/objection/', type: 'multipart/form-data; boundary=b', head: '', expect: /提交的内容太大/ },
      { route: '/interact/other/', type: 'application/x-www-form-urlencoded', head: 'content=', expect: /提交的内容太大/ },
      { route: '/interact/track/', type: 'application/x-www-form-urlencoded', head: 'code=', expect: /提交的内容太大/ },
    ]
    const results: Record<string, unknown>[] = []
    for (const c of cases) {
      const r = await streamPost(c.route, c.type, c.head, MB300)
      const { rss, hwm } = server.status()
      results.push({ route: c.route, status: r.status, sentMiB: Math.round(r.sentBytes / 1048576), growthMiB: Math.round((rss - baseline) / 1024), peakGrowthMiB: Math.round((hwm - baseline) / 1024) })
      expect(r.status, c.route).toBe(413)
      expect(r.body, c.route).toMatch(c.expect)
      // Cut long before the end: the server stopped reading.
      expect(r.sentBytes, c.route).toBeLessThan(64 * 1024 * 1024)
    }
    console.log(JSON.stringify({ bodyLimits: { baselineMiB: Math.round(baseline / 1024), results } }))
    const peak = server.status().hwm
    expect((peak - baseline) / 1024, JSON.stringify(results)).toBeLessThan(50)
    // Still serving, and nothing reached the CMS.
    expect((await fetch(`${server.url}/`)).status).toBe(200)
    expect(cms.received).toHaveLength(0)
  }, 240_000)

  it('refuses a declared oversized body before reading it', async () => {
    const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.request(`${server.url}/interact/report/`, { method: 'POST', headers: { origin: server.url, 'content-type': 'multipart/form-data; boundary=b', 'content-length': String(200 * 1024 * 1024) } })
      req.on('response', resolve)
      req.on('error', reject)
      req.write(Buffer.alloc(1024))
    })
    expect(res.statusCode).toBe(413)
    let body = ''
    for await (const d of res) body += d
    expect(body).toContain('提交的内容太大')
  })

  it('bounds URL and header sizes with plain answers', async () => {
    const long = await fetch(`${server.url}/notices/${'a'.repeat(5000)}/`)
    expect(long.status).toBe(414)
    expect(await long.text()).toContain('网址太长')
    const big = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${server.url}/`, { headers: { 'x-filler': 'x'.repeat(20 * 1024) } }, (res) => {
        let body = ''
        res.on('data', (d) => (body += d))
        res.on('end', () => resolve({ status: res.statusCode!, body }))
      })
      req.on('error', reject)
      req.end()
    })
    expect(big.status).toBe(431)
    expect(big.body).toContain('请求头太大')
  })

  it('answers what it does not serve with Chinese pages, never an empty 500', async () => {
    const unknown = await fetch(`${server.url}/interact/no-such-form/`)
    expect(unknown.status).toBe(404)
    expect(await unknown.text()).toContain('页面未找到')
    const post = await fetch(`${server.url}/policies/`, { method: 'POST', body: 'a=1', headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' } })
    expect(post.status).toBe(405)
    expect(await post.text()).toContain('不能这样访问')
    const foreign = await fetch(`${server.url}/interact/report/`, { method: 'POST', body: 'content=x', headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' } })
    expect(foreign.status).toBe(403)
    expect(await foreign.text()).toContain('不是从本站的表单页面发出的')
    const notForm = await fetch(`${server.url}/interact/report/`, { method: 'POST', body: '{"a":1}', headers: { origin: server.url, 'content-type': 'application/json' } })
    expect(notForm.status).toBe(400)
    expect(await notForm.text()).toContain('无法读取')
  })

  it('sends security headers, precompressed files and long cache for hashed assets, and no release id in production', async () => {
    const home = await fetch(`${server.url}/`, { headers: { 'accept-encoding': 'br' } })
    // no inline script any more (large text and high contrast work without JavaScript, issue 15)
    expect(home.headers.get('content-security-policy')).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')*;/)
    expect(home.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
    expect(home.headers.get('permissions-policy')).toContain('geolocation=()')
    expect(home.headers.get('x-content-type-options')).toBe('nosniff')
    expect(home.headers.get('referrer-policy')).toBe('same-origin')
    expect(home.headers.get('x-release')).toBeNull()
    expect(home.headers.get('cache-control')).toBe('no-cache')
    await home.arrayBuffer()
    const feed = await fetch(`${server.url}/feed.xml`)
    expect(feed.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
    await feed.arrayBuffer()
    const icon = await fetch(`${server.url}/apple-touch-icon.png`)
    expect(icon.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await icon.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG')
    expect((await fetch(`${server.url}/favicon.ico`)).headers.get('content-type')).toBe('image/x-icon')
    const html = await (await fetch(`${server.url}/`)).text()
    const asset = /\/_astro\/[^"']+\.(?:js|css)/.exec(html)?.[0] ?? /href="(\/pagefind\/[^"]+)"/.exec(html)?.[1]
    if (asset) expect((await fetch(server.url + asset)).headers.get('cache-control')).toContain('immutable')
  })
})

describe('a proxy nobody declared', () => {
  it('is warned about loudly, once, and shown in readiness', async () => {
    expect(server.output()).not.toContain('TRUST_PROXY')
    await (await fetch(`${server.url}/`, { headers: { 'x-forwarded-for': '203.0.113.5' } })).text()
    await (await fetch(`${server.url}/`, { headers: { 'x-forwarded-for': '203.0.113.6' } })).text()
    expect(server.output().match(/没有设置 TRUST_PROXY/g)).toHaveLength(1)
    expect(server.output()).not.toContain('203.0.113.5')
    const ready = await (await fetch(`${server.url}/_health/ready`)).json()
    expect(ready.warnings.join(' ')).toContain('TRUST_PROXY')
    expect(ready.release).toBeUndefined()
  })
})

describe('a long-lived process', () => {
  it('replaces itself after loading many releases (a loaded bundle cannot be unloaded), finishing what runs', async () => {
    const recycling = await startPublicServerProcess(bundle.file, { NODE_ENV: 'production', RELEASES_DIR: releases.dir, CMS_URL: cms.url, PUBLIC_FORM_KEY: key, OUTBOX_DIR: outboxDir, PUBLIC_RECYCLE_AFTER_RELEASES: '1' })
    try {
      expect((await fetch(`${recycling.url}/`)).status).toBe(200)
      releases.publish()
      const res = await fetch(`${recycling.url}/policies/`)
      expect(res.status).toBe(200)
      await res.text()
      const exited = await new Promise<boolean>((resolve) => {
        const end = Date.now() + 15_000
        const poll = () => (recycling.exited() ? resolve(true) : Date.now() > end ? resolve(false) : setTimeout(poll, 100))
        poll()
      })
      expect(exited, recycling.output()).toBe(true)
      expect(recycling.exitCode()).toBe(0)
      expect(recycling.output()).toContain('以释放内存')
    } finally {
      await recycling.stop()
    }
  })
})

describe('no request ends the process', () => {
  it('serves from the new release when the one in use disappears from disk', async () => {
    await (await fetch(`${server.url}/`)).text()
    const id = releases.publish()
    // Deleted by hand (or by an old pruner) while still the one being served.
    fs.rmSync(path.join(releases.dir, releases.first), { recursive: true, force: true })
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${server.url}/policies/`)
      expect(res.status).toBe(200)
      await res.text()
    }
    expect(server.output()).not.toContain('uncaught error')
    expect(fs.existsSync(path.join(releases.dir, id))).toBe(true)
  })
})
