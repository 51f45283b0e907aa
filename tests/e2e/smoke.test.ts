import type { Browser } from 'playwright-core'
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable, launchChromium } from '../helpers/browser'
import { signInToAdmin, passwordsChanged } from '../helpers/adminLogin'
import { startSystem, type RunningSystem } from '../helpers/system'
import { NOTICE_2027 } from '../fixtures/holidays/notice2027'

const enabled = browserAvailable()

describe.skipIf(!enabled)('end to end: admin → publish → public site', () => {
  let sys: RunningSystem
  let browser: Browser

  beforeAll(async () => {
    sys = await startSystem()
    browser = await launchChromium()
  }, 900_000)
  afterAll(async () => {
    await browser?.close()
    await sys?.stop()
  })

  // Every request the admin's pages make, to find any that leaves this machine (e.g. gravatar.com).
  const elsewhere: string[] = []
  const login = async (email: string) => {
    const ctx = await browser.newContext()
    ctx.on('request', (r) => {
      const host = new URL(r.url()).hostname
      if (!['127.0.0.1', 'localhost'].includes(host) && !r.url().startsWith('data:')) elsewhere.push(r.url())
    })
    const page = await signInToAdmin(sys, ctx, email)
    return { ctx, page }
  }

  it('serves the public home page with the demo content', async () => {
    const page = await browser.newPage()
    await page.goto(`${sys.publicUrl}/`)
    expect(await page.locator('h1').textContent()).toBe('阳光救助')
    expect(await page.content()).toContain('清河县城乡最低生活保障实施办法')
    await page.close()
  })

  it('gives anonymous REST and GraphQL callers published policies only, and no users', async () => {
    const policies = await (await fetch(`${sys.cmsUrl}/api/policies?limit=100&draft=true`)).json()
    expect(policies.docs.length).toBeGreaterThan(0)
    expect(new Set(policies.docs.map((d: { _status: string }) => d._status))).toEqual(new Set(['published']))
    expect(JSON.stringify(policies)).not.toContain('征求意见稿')
    const users = await fetch(`${sys.cmsUrl}/api/users`)
    expect(users.status).toBe(403)
    expect(JSON.stringify(await users.json())).not.toContain('@')
    const gql = await (
      await fetch(`${sys.cmsUrl}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ Users { docs { email } } Policies(draft: true, limit: 100) { docs { title _status } } }' }),
      })
    ).json()
    expect(gql.data.Users).toBeNull()
    expect(gql.data.Policies.docs.every((d: { _status: string }) => d._status === 'published')).toBe(true)
  })

  it('is in Chinese; an editor drafts a policy, a different reviewer publishes it, and it appears on the public site', async () => {
    const shot = (page: import('playwright-core').Page, name: string) => async (err: unknown) => {
      await page.screenshot({ path: `tests/.tmp/e2e-${name}.png`, fullPage: true }).catch(() => {})
      throw err
    }
    const title = `端到端测试政策 ${Date.now()}`

    const editor = await login('editor@example.com')
    await editor.page.goto(`${sys.cmsUrl}/admin/collections/policies/create`, { timeout: 180_000 })
    await editor.page.locator('#field-title').fill(title)
    await editor.page.locator('#field-issuer').fill('清河县民政局')
    await editor.page.locator('#action-save-draft').click()
    await editor.page.waitForURL(/\/admin\/collections\/policies\/[0-9a-f-]{36}/, { timeout: 60_000 }).catch(shot(editor.page, 'editor-draft'))
    const id = /policies\/([0-9a-f-]{36})/.exec(editor.page.url())![1]
    await editor.ctx.close()

    const reviewer = await login('reviewer@example.com')
    await reviewer.page.goto(`${sys.cmsUrl}/admin/collections/policies/${id}`, { timeout: 180_000 })
    await reviewer.page.locator('#action-save').click()
    await reviewer.page.getByText('已发布').first().waitFor({ timeout: 60_000 }).catch(shot(reviewer.page, 'reviewer-publish'))
    await reviewer.ctx.close()

    const deadline = Date.now() + 90_000
    let html = ''
    while (Date.now() < deadline) {
      html = await (await fetch(`${sys.publicUrl}/policies/`)).text()
      if (html.includes(title)) break
      await new Promise((r) => setTimeout(r, 500))
    }
    expect(html, sys.output().slice(-2000)).toContain(title)
  }, 600_000)

  it('a resident reports anonymously without JavaScript, with a geotagged photo, and tracks it by code', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false })
    const page = await ctx.newPage()
    await page.goto(`${sys.publicUrl}/interact/report/`)
    await page.getByLabel('骗保、人情保、关系保').check()
    await page.getByLabel('具体情况').fill('某村一户家里新买了小轿车，还在县城有门面房，却一直领低保。')
    await page.getByLabel('匿名反映').check()
    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#884' } })
      .jpeg()
      .withExifMerge({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 10/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '120/1 5/1 0/1' } } as never)
      .toBuffer()
    await page.setInputFiles('#attachments', { name: 'IMG_2026.jpg', mimeType: 'image/jpeg', buffer: photo })
    await page.waitForTimeout(3000) // a person takes a moment; the form refuses instant submissions
    await page.getByRole('button', { name: '提交' }).click()
    await page.getByRole('heading', { name: '已提交' }).waitFor({ timeout: 30_000 })
    const code = (await page.locator('.panel .code').textContent())!.trim()
    const password = (await page.locator('.panel .code-small').textContent())!.trim()
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z*~$=]$/)
    expect(password).toMatch(/^\d{8}$/)

    const dir = path.join(sys.dataDir, 'complaint-files')
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.jpg'))
    expect(files.length).toBeGreaterThan(0)
    for (const f of files) expect((await sharp(fs.readFileSync(path.join(dir, f))).metadata()).exif).toBeUndefined()

    await page.goto(`${sys.publicUrl}/interact/track/`)
    await page.getByLabel('查询码', { exact: true }).fill(code.toLowerCase())
    await page.getByLabel('查询密码', { exact: true }).fill(password)
    await page.getByRole('button', { name: '查询' }).click()
    await page.getByRole('heading', { name: '办理进度：已收到' }).waitFor({ timeout: 30_000 })
    await ctx.close()
  }, 180_000)

  it('a refusal reaches the admin as a Chinese toast, not "An unknown error occurred."', async () => {
    const admin = await login('admin@example.com')
    const { page } = admin
    await page.goto(`${sys.cmsUrl}/admin/collections/calendar-years/create`, { timeout: 180_000 })
    await page.locator('#field-year').fill('2099')
    await page.locator('#field-published').check()
    await page.locator('#action-save').click()
    const toast = page.locator('.payload-toast-container')
    await toast.getByText('2099年还没有录入任何节假日，不能标为“已录入”', { exact: false }).waitFor({ timeout: 60_000 })
    expect(await toast.textContent()).not.toContain('unknown error')
    await admin.ctx.close()
  }, 300_000)

  it('a township editor saves a notice posted today, whatever the date: its end is computed, 暂定 when next year is not entered', async () => {
    const editor = await login('editor@example.com')
    // A browser marks its own requests (Origin / Sec-Fetch-Site); Playwright's request API does not, and
    // the CMS uses the session cookie only for requests from its own origin (CSRF), so say where we are.
    const asAdminPage = { headers: { origin: sys.cmsUrl } }
    const api = {
      get: (url: string) => editor.page.request.get(url, asAdminPage),
      post: (url: string, opts: { data: unknown }) => editor.page.request.post(url, { ...opts, ...asAdminPage }),
    }
    const programme = (await (await api.get(`${sys.cmsUrl}/api/programmes?where[code][equals]=dibao-urban&depth=0`)).json()).docs[0].id
    const me = await (await api.get(`${sys.cmsUrl}/api/users/me?depth=0`)).json()
    const region = (await (await api.get(`${sys.cmsUrl}/api/regions?where[parent][equals]=${me.user.regions[0]}&limit=1&depth=0`)).json()).docs[0].id
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10) // China date of the (possibly faked) machine clock
    const res = await api.post(`${sys.cmsUrl}/api/notices?draft=true`, {
      data: { title: '端到端测试公示', programme, kind: 'apply', stage: 'village', region, postedOn: `${today}T04:00:00.000Z`, objectionContact: '向城关街道社会救助窗口反映', entries: [], _status: 'draft' },
    })
    const body = await res.json()
    expect(res.status(), JSON.stringify(body)).toBe(201)
    expect(body.doc.endsOn).toBeTruthy()
    await editor.page.goto(`${sys.cmsUrl}/admin/collections/notices/${body.doc.id}`, { timeout: 180_000 })
    await editor.page.locator('#field-title').waitFor({ timeout: 60_000 })
    const provisional = editor.page.getByText('截止日期落在国务院尚未公布节假日安排的年份', { exact: false })
    expect(await provisional.count()).toBe(body.doc.endsOnProvisional ? 1 : 0)
    await editor.ctx.close()
  }, 300_000)

  it('an admin enters 2027 by pasting the notice: preview of every day, then confirmation', async () => {
    const admin = await login('admin@example.com')
    const { page } = admin
    await page.goto(`${sys.cmsUrl}/admin/collections/holidays`, { timeout: 180_000 })
    await page.getByRole('link', { name: '粘贴国务院通知录入' }).first().click()
    await page.getByRole('heading', { name: '粘贴国务院通知录入节假日安排' }).waitFor({ timeout: 120_000 })
    await page.locator('#ygjz-year').fill('2027')
    await page.locator('#ygjz-notice').fill(NOTICE_2027.replace('4月3日（周六）', '4月3日（周日）'))
    await page.getByRole('button', { name: '检查' }).click()
    await page.getByText('写的是4月3日（周日），但2027年4月3日是周六', { exact: false }).waitFor({ timeout: 60_000 })
    await page.locator('#ygjz-notice').fill(NOTICE_2027)
    await page.getByRole('button', { name: '检查' }).click()
    await page.getByRole('heading', { name: '2027年放假安排（核对后确认）' }).waitFor({ timeout: 60_000 })
    expect(await page.getByRole('cell', { name: '2027-02-05' }).count()).toBe(1)
    await page.getByRole('button', { name: '确认录入2027年安排' }).click()
    await page.getByRole('heading', { name: '2027年节假日安排已录入' }).waitFor({ timeout: 120_000 })
    const year = (await (await page.request.get(`${sys.cmsUrl}/api/calendar-years?where[year][equals]=2027&depth=0`, { headers: { origin: sys.cmsUrl } })).json()).docs[0]
    expect(year.published).toBe(true)
    await admin.ctx.close()
  }, 300_000)

  it('runs the CMS and the public server as two processes: killing either leaves the other serving, and it comes back', async () => {
    const pids = (name: string) => [...sys.output().matchAll(new RegExp(`${name}进程已启动（pid (\\d+)）`, 'g'))].map((m) => Number(m[1]))
    const ok = async (url: string) => fetch(url, { signal: AbortSignal.timeout(5000) }).then((r) => r.ok, () => false)
    const until = async (cond: () => Promise<boolean>, ms: number) => {
      const end = Date.now() + ms
      while (Date.now() < end) {
        if (await cond()) return true
        await new Promise((r) => setTimeout(r, 250))
      }
      return false
    }
    const [publicPid] = pids('公开网站')
    const [cmsPid] = pids('管理后台')
    expect(publicPid).toBeGreaterThan(0)
    expect(cmsPid).toBeGreaterThan(0)
    // The public server holds none of the CMS's secrets.
    const publicEnv = fs.readFileSync(`/proc/${publicPid}/environ`, 'utf8').split('\0')
    expect(publicEnv.some((v) => /^(PAYLOAD_SECRET|ID_HASH_KEY|OUTBOX_PRIVATE_KEY|DATABASE_URI)=/.test(v))).toBe(false)
    expect(publicEnv.some((v) => v.startsWith('PUBLIC_FORM_KEY='))).toBe(true)
    // The data folder (database, uploads, mail outbox, keys) is its owner's only.
    const { wideModes } = await import('../../cms/ops/fileModes')
    expect(wideModes(sys.dataDir)).toEqual([])
    // Production path: compiled JavaScript, no TypeScript loader.
    const cmdline = fs.readFileSync(`/proc/${publicPid}/cmdline`, 'utf8').split('\0')
    expect(cmdline.some((a) => a.endsWith('build/public-server.mjs'))).toBe(true)
    expect(cmdline.join(' ')).not.toContain('tsx')

    process.kill(publicPid, 'SIGKILL')
    expect(await ok(`${sys.cmsUrl}/health/live`)).toBe(true)
    expect(await until(() => ok(`${sys.publicUrl}/_health/live`), 30_000), sys.output().slice(-2000)).toBe(true)
    expect(pids('公开网站').length).toBe(2)

    process.kill(cmsPid, 'SIGKILL')
    expect(await ok(`${sys.publicUrl}/`)).toBe(true)
    expect(await until(() => ok(`${sys.cmsUrl}/health/live`), 120_000), sys.output().slice(-2000)).toBe(true)
    expect(await ok(`${sys.publicUrl}/`)).toBe(true)
  }, 240_000)

  it('the admin pages ask no third party for anything (no avatar service learns who works here)', () => {
    expect(passwordsChanged(sys)).toBeGreaterThan(0)
    expect(elsewhere).toEqual([])
  })
})
