// The public server as a bureau deploys it: Debian's nginx with deploy/nginx/ygjz.conf (TLS with a
// certificate made here, HTTP/2, limit_req, gzip, the release's error pages) in front of the
// compiled public server in its own process, and Chromium driving every resident flow over https://.
// The CMS side is the real public-forms endpoints on a test database.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import os from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { outboxPublicKey } from '../../cms/complaints/outboxKey'
import { publicFormKey } from '../../cms/complaints/publicKey'
import { today } from '../../cms/domain/clock'
import { storedDay } from '../../cms/domain/dates'
import { normaliseTrackingCode } from '../../cms/domain/trackingCode'
import { publishRelease } from '../../cms/publish/release'
import { browserAvailable, launchChromium } from '../helpers/browser'
import { makeProgramme, makeRegions, seedComplaintCategories, withCalendar } from '../helpers/fixtures'
import { miniCms } from '../helpers/miniCms'
import { startTestPayload, type TestPayload } from '../helpers/payload'
import { compiledPublicServer, startPublicServerProcess, type PublicServerProcess } from '../helpers/publicServerProcess'
import { freePort } from '../helpers/system'

const projectRoot = path.resolve(import.meta.dirname, '..', '..')
const which = (cmd: string) => ['/usr/sbin', '/usr/bin', '/sbin', '/bin'].map((d) => path.join(d, cmd)).find((p) => fs.existsSync(p))
const nginxBin = which('nginx')
const opensslBin = which('openssl')

function nginxAvailable(): boolean {
  if (nginxBin && opensslBin) return true
  const msg = 'nginx 或 openssl 未安装，nginx 前置的浏览器测试已跳过。安装：apt-get install -y nginx openssl'
  if (process.env.CI) throw new Error(msg)
  console.warn(`\n⚠️  ${msg}\n`)
  return false
}
const enabled = browserAvailable() && nginxAvailable()

/** The shipped site config with this test's ports, names and paths; every substitution must match. */
function siteConfig(p: { http: number; https: number; admin: number; publicPort: number; cmsPort: number; cert: string; key: string; releases: string }) {
  let conf = fs.readFileSync(path.join(projectRoot, 'deploy', 'nginx', 'ygjz.conf'), 'utf8')
  const sub = (from: RegExp, to: string, times: number) => {
    const n = conf.match(from)?.length ?? 0
    if (n !== times) throw new Error(`deploy/nginx/ygjz.conf: expected ${times} × ${from}, found ${n} (the test follows the shipped file; update both)`)
    conf = conf.replace(from, to)
  }
  sub(/^\s*listen \[::\]:(80|443)[^;]*;\n/gm, '', 2)
  sub(/listen 80;/g, `listen 127.0.0.1:${p.http};`, 1)
  sub(/listen 443 ssl http2;/g, `listen 127.0.0.1:${p.https} ssl http2;`, 1)
  sub(/listen 10\.0\.0\.1:443 ssl http2;/g, `listen 127.0.0.1:${p.admin} ssl http2;`, 1)
  sub(/server_name jiuzhu\.example\.gov\.cn;/g, 'server_name localhost;', 2)
  sub(/\/etc\/ssl\/ygjz\/(internal-)?fullchain\.pem/g, p.cert, 2)
  sub(/\/etc\/ssl\/ygjz\/(internal-)?privkey\.pem/g, p.key, 2)
  sub(/server 127\.0\.0\.1:4321;/g, `server 127.0.0.1:${p.publicPort};`, 1)
  sub(/server 127\.0\.0\.1:3000;/g, `server 127.0.0.1:${p.cmsPort};`, 1)
  sub(/\/var\/lib\/ygjz-site\/releases/g, p.releases, 1)
  return conf
}

describe.skipIf(!enabled)('behind nginx with TLS, in Chromium', () => {
  let t: TestPayload
  let cms: ReturnType<typeof miniCms>
  let bundle: Awaited<ReturnType<typeof compiledPublicServer>>
  let server: PublicServerProcess
  let nginx: ChildProcess
  let nginxLog = ''
  let browser: Browser
  let context: BrowserContext
  let tmp: string
  let base: string
  let httpPort: number
  let noticeId: string
  const cspViolations: string[] = []

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ygjz-nginx-'))
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
    await t.payload.create({ collection: 'policies', context: { disableAutoPublish: true, system: true }, data: { title: '测试县最低生活保障实施办法', issuer: '测试县民政局', publishedOn: storedDay('2026-03-01'), validity: 'current', _status: 'published' } })
    const releasesDir = path.join(t.dataDir, 'releases')
    const [, built] = await Promise.all([publishRelease(t.payload, { dir: releasesDir }), compiledPublicServer()])
    bundle = built
    const [cmsPort, publicPort, https_, admin] = [await freePort(), await freePort(), await freePort(), await freePort()]
    httpPort = await freePort()
    process.env.PUBLIC_FORM_KEY = publicFormKey()
    cms = miniCms(t.payload)
    await new Promise<void>((resolve) => cms.listen(cmsPort, '127.0.0.1', () => resolve()))
    base = `https://localhost:${https_}`
    server = await startPublicServerProcess(
      bundle.file,
      {
        NODE_ENV: 'production',
        RELEASES_DIR: releasesDir,
        CMS_URL: `http://127.0.0.1:${cmsPort}`,
        PUBLIC_FORM_KEY: publicFormKey(),
        OUTBOX_DIR: path.join(tmp, 'outbox'),
        OUTBOX_PUBLIC_KEY: outboxPublicKey(),
        TRUST_PROXY: '1',
        PUBLIC_SITE_URL: base,
        FORM_ADDRESS_LIMIT: '5',
      },
      publicPort,
    )

    const cert = path.join(tmp, 'cert.pem')
    const key = path.join(tmp, 'key.pem')
    execFileSync(opensslBin!, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'ignore' })
    fs.writeFileSync(path.join(tmp, 'ygjz.conf'), siteConfig({ http: httpPort, https: https_, admin, publicPort, cmsPort, cert, key, releases: releasesDir }))
    // A non-root-safe nginx of its own: every path in the temp folder, in the foreground.
    const root = process.getuid?.() === 0
    fs.writeFileSync(
      path.join(tmp, 'nginx.conf'),
      `${root ? 'user root;\n' : ''}daemon off;
worker_processes 1;
pid ${tmp}/nginx.pid;
error_log ${tmp}/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${tmp}/access.log;
  client_body_temp_path ${tmp}/body;
  proxy_temp_path ${tmp}/proxy;
  fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi;
  scgi_temp_path ${tmp}/scgi;
  include ${tmp}/ygjz.conf;
}
`,
    )
    execFileSync(nginxBin!, ['-t', '-q', '-p', tmp, '-c', path.join(tmp, 'nginx.conf')], { stdio: 'pipe' })
    nginx = spawn(nginxBin!, ['-p', tmp, '-c', path.join(tmp, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] })
    nginx.stderr!.on('data', (d) => (nginxLog += d))
    for (let i = 0; i < 100; i++) {
      const up = await fetchInsecure(`${base}/_health/live`).then(() => true, () => false)
      if (up) break
      await new Promise((r) => setTimeout(r, 100))
    }
    browser = await launchChromium()
    context = await browser.newContext({ ignoreHTTPSErrors: true })
    context.on('console', (m) => {
      if (/Content.Security.Policy|Refused to (execute|load|apply)/i.test(m.text())) cspViolations.push(m.text())
    })
    await context.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`)))
  }, 600_000)

  afterAll(async () => {
    await browser?.close()
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((r) => nginx.once('exit', r))
      nginx.kill('SIGQUIT')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
      if (nginx.exitCode === null) nginx.kill('SIGKILL')
    }
    await server?.stop()
    if (cms?.listening) await new Promise<void>((r) => { cms.close(() => r()); cms.closeAllConnections() })
    await t?.close()
    bundle?.cleanup()
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
  })

  type Res = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }
  /** HTTPS without certificate checks (the test's own certificate), optionally from another loopback address. */
  function fetchInsecure(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer; localAddress?: string } = {}): Promise<Res> {
    return new Promise((resolve, reject) => {
      const req = https.request(url, { method: opts.method ?? 'GET', headers: opts.headers, rejectUnauthorized: false, localAddress: opts.localAddress, agent: false }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
      })
      req.on('error', reject)
      req.end(opts.body)
    })
  }

  async function fillAndSubmit(pagePath: string, fields: { category?: string; content: string }) {
    const page = await context.newPage()
    await page.goto(base + pagePath)
    // a form with a single category does not ask (issue 15): it is sent as a hidden field
    if (fields.category && (await page.locator(`#category-${fields.category}`).count())) await page.check(`#category-${fields.category}`)
    await page.fill('#content', fields.content)
    await page.check('#identity-anonymous')
    // Longer than the time trap: a person reads the form before sending it.
    await page.waitForTimeout(2700)
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '提交' }).click()])
    expect(await page.locator('h1').textContent()).toBe('已提交')
    const code = (await page.locator('.code').textContent())!.trim()
    const password = (await page.locator('.code-small').textContent())!.trim()
    await page.close()
    return { code, password }
  }

  it('serves the site over HTTP/2 with compression and the security headers', async () => {
    const page = await context.newPage()
    const res = await page.goto(`${base}/`)
    expect(res!.status()).toBe(200)
    expect(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).nextHopProtocol)).toBe('h2')
    const h = res!.headers()
    expect(h['content-encoding']).toBe('br')
    expect(h['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'")
    expect(h['permissions-policy']).toContain('camera=()')
    expect(h['x-content-type-options']).toBe('nosniff')
    expect(h['referrer-policy']).toBe('same-origin')
    expect(h['strict-transport-security']).toBe('max-age=31536000')
    expect(h['x-release']).toBeUndefined()
    expect(h.server).toBe('nginx')
    // Large-text mode (a link, a cookie, /view.css, no script) works through the proxy.
    const normal = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))
    await page.getByRole('link', { name: '大字模式' }).click()
    await page.waitForURL(`${base}/`)
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBeGreaterThanOrEqual(normal * 1.5)
    await page.close()
    const gz = await fetchInsecure(`${base}/`, { headers: { 'accept-encoding': 'gzip' } })
    expect(gz.headers['content-encoding']).toBe('gzip')
    // A page made per request is compressed by nginx.
    const form = await fetchInsecure(`${base}/interact/report/`, { headers: { 'accept-encoding': 'gzip' } })
    expect(form.headers['content-encoding']).toBe('gzip')
    const plain = await new Promise<http.IncomingMessage>((resolve, reject) => http.get(`http://127.0.0.1:${httpPort}/notices/`, resolve).on('error', reject))
    plain.resume()
    expect(plain.statusCode).toBe(301)
    expect(plain.headers.location).toBe('https://127.0.0.1/notices/')
  })

  it('takes an objection from a notice, a report, a complaint and a suggestion, and tracks and rates one', async () => {
    const page = await context.newPage()
    await page.goto(`${base}/notices/${noticeId}/`)
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: '对本公示提出异议' }).click()])
    expect(page.url()).toContain(`/interact/objection/?notice=${noticeId}`)
    await page.close()
    const receipts = [
      await fillAndSubmit(`/interact/objection/?notice=${noticeId}`, { category: 'objection', content: '第1户家里在县城开了超市，收入不低，请重新核查。' }),
      await fillAndSubmit('/interact/report/', { category: 'fraud', content: '村里有一户家庭成员有稳定工作收入，仍在享受低保。' }),
      await fillAndSubmit('/interact/complaint/', { category: 'payment', content: '十月份的低保金到现在还没有到账，请帮忙查一下。' }),
      await fillAndSubmit('/interact/other/', { content: '建议在网站上公布各乡镇民政办的办公电话。' }),
    ]
    for (const r of receipts) {
      const doc = (await t.payload.find({ collection: 'complaints', where: { trackingCode: { equals: normaliseTrackingCode(r.code) } }, overrideAccess: true })).docs[0]
      expect(doc, r.code).toBeTruthy()
      expect(doc.source).toBe('online')
    }

    // Tracking, then feedback once the office has answered.
    const complaint = receipts[2]
    const track = await context.newPage()
    await track.goto(`${base}/interact/track/`)
    await track.fill('#code', complaint.code)
    await track.fill('#password', complaint.password)
    await Promise.all([track.waitForNavigation(), track.getByRole('button', { name: '查询' }).click()])
    expect(await track.locator('h1').textContent()).toBe('办理进度：已收到')
    const id = (await t.payload.find({ collection: 'complaints', where: { trackingCode: { equals: normaliseTrackingCode(complaint.code) } }, overrideAccess: true })).docs[0].id
    await t.payload.update({ collection: 'complaints', id, overrideAccess: true, data: { status: 'accepted' } })
    await t.payload.update({ collection: 'complaints', id, overrideAccess: true, data: { status: 'answered', publicReply: '经核查，十月份低保金已于11月3日补发到账。' } })
    await track.goto(`${base}/interact/track/`)
    await track.fill('#code', complaint.code)
    await track.fill('#password', complaint.password)
    await Promise.all([track.waitForNavigation(), track.getByRole('button', { name: '查询' }).click()])
    expect(await track.content()).toContain('经核查，十月份低保金已于11月3日补发到账。')
    await track.check('#satisfied-yes')
    await Promise.all([track.waitForNavigation(), track.getByRole('button', { name: '提交评价' }).click()])
    expect(await track.content()).toContain('感谢您的评价')
    const rated = await t.payload.findByID({ collection: 'complaints', id, overrideAccess: true })
    expect(rated.feedbackSatisfied).toBe('yes')
    await track.close()
  }, 120_000)

  it('says before uploading that a photo is too large (and the server would refuse it anyway)', async () => {
    const page = await context.newPage()
    await page.goto(`${base}/interact/report/`)
    await page.setInputFiles('#attachments', { name: '大照片.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(9 * 1024 * 1024, 0xff) })
    expect(await page.locator('#attachments-check').textContent()).toContain('超过 8 MB')
    await page.getByRole('button', { name: '提交' }).click()
    await page.waitForTimeout(300)
    expect(new URL(page.url()).pathname).toBe('/interact/report/')
    expect(await page.locator('h1').textContent()).toBe('举报')
    await page.close()
  })

  it('counts the limits per browser address, as nginx saw it, not per proxy and not per spoofed header', async () => {
    // The browser (127.0.0.1) has used 4 of its 5 accepted submissions; one more from that address…
    async function submitFrom(localAddress: string, spoof?: string): Promise<Res> {
      const page = await fetchInsecure(`${base}/interact/report/`, { localAddress })
      const html = page.body.toString('utf8')
      const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? ''
      await new Promise((r) => setTimeout(r, 2700))
      const fields: Record<string, string> = { trackingCode: hidden('trackingCode'), queryPassword: hidden('queryPassword'), formToken: hidden('formToken'), category: 'conduct', identity: 'anonymous', content: `从 ${localAddress} 提交的一条举报，内容足够长。` }
      const body = Object.entries(fields).map(([k, v]) => `--b\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + '--b--\r\n'
      return fetchInsecure(`${base}/interact/report/`, { method: 'POST', localAddress, body, headers: { origin: base, 'content-type': 'multipart/form-data; boundary=b', ...(spoof ? { 'x-forwarded-for': spoof } : {}) } })
    }
    expect((await submitFrom('127.0.0.1')).status).toBe(200)
    // …and the address's budget is spent, whatever the client writes into X-Forwarded-For.
    const spoofed = await submitFrom('127.0.0.1', '198.51.100.99')
    expect(spoofed.status).toBe(429)
    expect(spoofed.body.toString('utf8')).toContain('提交得太频繁')
    // Another resident (another address) behind the same nginx has a budget of their own.
    expect((await submitFrom('127.0.0.2')).status).toBe(200)
  }, 60_000)

  it('answers what nginx refuses with the release’s Chinese pages, and does not expose the CMS', async () => {
    const big = await new Promise<Res>((resolve, reject) => {
      const req = https.request(`${base}/interact/report/`, { method: 'POST', rejectUnauthorized: false, agent: false, headers: { origin: base, 'content-type': 'multipart/form-data; boundary=b', 'content-length': String(40 * 1024 * 1024) } }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
      })
      req.on('error', reject)
      req.write(Buffer.alloc(1024))
    })
    expect(big.status).toBe(413)
    expect(big.body.toString('utf8')).toContain('提交的内容太大')
    expect((await fetchInsecure(`${base}/admin`)).status).toBe(404)
    expect((await fetchInsecure(`${base}/api/public-forms/submit`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(404)
    const page = await context.newPage()
    const res = await page.goto(`${base}/interact/no-such-form/`)
    expect(res!.status()).toBe(404)
    expect(await page.locator('h1').textContent()).toBe('页面未找到')
    await page.close()
  })

  it('searches in Chinese under the CSP, and nothing was blocked on any page', async () => {
    const page = await context.newPage()
    await page.goto(`${base}/search/?q=${encodeURIComponent('最低生活保障')}`)
    await page.locator('#search-status').filter({ hasText: /找到|没有找到/ }).waitFor({ timeout: 20_000 })
    expect(await page.locator('#search-results li').count()).toBeGreaterThan(0)
    await page.close()
    expect(cspViolations).toEqual([])
    expect(nginxLog).not.toMatch(/\[(emerg|alert|crit)\]/)
  })
})
