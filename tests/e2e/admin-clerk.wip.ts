// WORK IN PROGRESS (issue 16) — not run: the file name does not match `*.test.ts` on purpose.
// Last run (2026-12-01, loaded machine, admin prebuilt with `npm run build`): the login screen test
// passed and no screen contained "gravatar", but (1) the header emblem locator below found nothing,
// (2) the first-login password change is detected too early (the redirect to /admin/account-security
// comes after the check), so later screens landed on the account-security page and the reviewer's
// run timed out. Fix both, then rename to admin-clerk.test.ts.
// The admin as the demo accounts use it (issue 16), in Chromium on `npm start`: every screen they open
// requests only its own origin (no Gravatar, no font or script from another host), shows the bureau's
// emblem and name instead of Payload's, and the 三榜 next-stage button and live end date work for an
// editor, with refusals in Chinese where the editor clicked.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable, launchChromium } from '../helpers/browser'
import { startSystem, type RunningSystem } from '../helpers/system'

const enabled = browserAvailable()

describe.skipIf(!enabled)('the admin as each demo account (issue 16)', () => {
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

  /** Logs in (changing the one-time password at the first login) and records every request's URL. */
  async function login(email: string): Promise<{ page: Page; requests: string[]; close: () => Promise<void> }> {
    const ctx = await browser.newContext()
    const page = await ctx.newPage()
    const requests: string[] = []
    page.on('request', (r) => requests.push(r.url()))
    await page.goto(`${sys.cmsUrl}/admin/login`, { timeout: 180_000 })
    await page.getByRole('button', { name: '登录' }).waitFor({ timeout: 120_000 })
    await page.locator('#field-email').fill(email)
    await page.locator('#field-password').fill(sys.passwords[email])
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL((u) => !u.pathname.includes('/login'), { timeout: 60_000 })
    if (page.url().includes('/account-security') || (await page.getByText('这是一次性密码').count())) {
      await page.getByText('这是一次性密码').waitFor({ timeout: 60_000 })
      const own = `自己的新密码-${email.split('@')[0]}-2026`
      await page.locator('#password').fill(own)
      await page.locator('#confirm').fill(own)
      await page.getByRole('button', { name: '保存新密码' }).click()
      await page.waitForURL((u) => !u.pathname.includes('/account-security'), { timeout: 60_000 })
      sys.passwords[email] = own
    }
    return { page, requests, close: () => ctx.close() }
  }

  const screens: Record<string, string[]> = {
    'admin@example.com': ['', '/collections/notices', '/collections/recipient-lists', '/collections/complaints', '/collections/audit-log', '/account'],
    'reviewer@example.com': ['', '/collections/notices', '/collections/recipient-lists', '/account'],
    'editor@example.com': ['', '/collections/notices', '/collections/recipient-lists', '/collections/recipient-lists/import', '/account'],
    'officer@example.com': ['', '/collections/complaints', '/account'],
  }

  for (const [email, paths] of Object.entries(screens)) {
    it(`${email}: every screen requests only the admin's own origin, with the bureau's emblem and name`, async () => {
      const { page, requests, close } = await login(email)
      try {
        for (const p of paths) {
          await page.goto(`${sys.cmsUrl}/admin${p}`, { timeout: 180_000 })
          await page.waitForLoadState('networkidle', { timeout: 120_000 })
          expect(await page.content()).not.toMatch(/gravatar/i)
        }
        await expect(page.locator('[aria-label="清河县民政局 · 阳光救助管理后台"]').first().count()).resolves.toBeGreaterThan(0)
        const origin = new URL(sys.cmsUrl).origin
        const foreign = requests.filter((u) => /^https?:/.test(u) && new URL(u).origin !== origin)
        expect(foreign).toEqual([])
      } finally {
        await close()
      }
    }, 600_000)
  }

  it('the login screen shows the column and bureau name, not Payload’s logo', async () => {
    const page = await browser.newPage()
    try {
      await page.goto(`${sys.cmsUrl}/admin/login`, { timeout: 180_000 })
      await page.getByText('阳光救助管理后台').first().waitFor({ timeout: 60_000 })
      expect(await page.getByText('清河县民政局').count()).toBeGreaterThan(0)
    } finally {
      await page.close()
    }
  }, 300_000)

  it('an editor starts the next stage of a 公示 with 发起下一阶段, sees the end date explained, and a second start is refused in Chinese', async () => {
    const { page, close } = await login('editor@example.com')
    try {
      await page.goto(`${sys.cmsUrl}/admin/collections/notices`, { timeout: 180_000 })
      await page.getByRole('link', { name: /城市低保拟纳入对象的公示（社区级）/ }).first().click()
      await page.getByRole('button', { name: '发起下一阶段' }).click({ timeout: 120_000 })
      await page.waitForURL((u) => /\/collections\/notices\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith('/create'), { timeout: 60_000 })
      await page.locator('#field-title').waitFor({ timeout: 120_000 })
      expect(await page.locator('#field-title').inputValue()).toContain('（乡镇级）')
      const preview = page.getByTestId('period-preview')
      await expect.poll(async () => (await preview.textContent()) ?? '', { timeout: 60_000 }).toMatch(/张贴次日起算 7 天.*截止\d{4}年\d{1,2}月\d{1,2}日（周.）/)
      await page.goBack()
      await page.getByRole('button', { name: '发起下一阶段' }).click({ timeout: 120_000 })
      await page.getByText('已经发起了下一阶段').first().waitFor({ timeout: 60_000 })
    } finally {
      await close()
    }
  }, 600_000)
})
