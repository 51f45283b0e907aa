import type { Browser } from 'playwright-core'
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable, launchChromium } from '../helpers/browser'
import { startSystem, type RunningSystem } from '../helpers/system'

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
    const login = async (email: string) => {
      const ctx = await browser.newContext()
      const page = await ctx.newPage()
      await page.goto(`${sys.cmsUrl}/admin/login`, { timeout: 180_000 })
      await page.getByRole('button', { name: '登录' }).waitFor({ timeout: 120_000 })
      expect(await page.locator('html').getAttribute('lang')).toBe('zh')
      await page.locator('#field-email').fill(email)
      await page.locator('#field-password').fill(sys.passwords[email])
      await page.getByRole('button', { name: '登录' }).click()
      await page.waitForURL((u) => !u.pathname.includes('/login'), { timeout: 60_000 })
      // The printed password is one-time: the admin sends the account to change it first.
      await page.waitForURL(/\/admin\/account-security/, { timeout: 60_000 })
      await page.getByText('这是一次性密码').waitFor({ timeout: 60_000 })
      const own = `自己的新密码-${email.split('@')[0]}-2026`
      await page.locator('#password').fill(own)
      await page.locator('#confirm').fill(own)
      await page.getByRole('button', { name: '保存新密码' }).click()
      await page.waitForURL((u) => !u.pathname.includes('/account-security'), { timeout: 60_000 })
      sys.passwords[email] = own
      return { ctx, page }
    }
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
})
