import type { Browser } from 'playwright-core'
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
})
