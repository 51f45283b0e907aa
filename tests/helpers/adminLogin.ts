import type { BrowserContext, Page } from 'playwright-core'
import { expect } from 'vitest'
import type { RunningSystem } from './system'

/** Per running system: the accounts whose printed one-time password has already been replaced. */
const changedBySystem = new WeakMap<RunningSystem, Set<string>>()

/**
 * Logs `email` in to the admin in a page of `ctx`, as the person would. Every demo account starts with
 * a one-time password, so its first login goes through the account-security screen and sets a new one
 * (kept in `sys.passwords` for the next login).
 */
export async function signInToAdmin(sys: RunningSystem, ctx: BrowserContext, email: string): Promise<Page> {
  const changed = changedBySystem.get(sys) ?? new Set<string>()
  changedBySystem.set(sys, changed)
  const page = await ctx.newPage()
  await page.goto(`${sys.cmsUrl}/admin/login`, { timeout: 180_000 })
  await page.getByRole('button', { name: '登录' }).waitFor({ timeout: 120_000 })
  expect(await page.locator('html').getAttribute('lang')).toBe('zh')
  await page.locator('#field-email').fill(email)
  await page.locator('#field-password').fill(sys.passwords[email])
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL((u) => !u.pathname.includes('/login'), { timeout: 60_000 })
  if (!changed.has(email)) {
    // The printed password is one-time: the admin sends the account to change it first.
    await page.waitForURL(/\/admin\/account-security/, { timeout: 60_000 })
    await page.getByText('这是一次性密码').waitFor({ timeout: 60_000 })
    // The policy refuses a password that contains the e-mail's user name: a sentence of the person's own.
    const own = `晴天走山路-第${changed.size + 1}把钥匙-长长久久`
    await page.locator('#password').fill(own)
    await page.locator('#confirm').fill(own)
    await page.getByRole('button', { name: '保存新密码' }).click()
    await page.waitForURL((u) => !u.pathname.includes('/account-security'), { timeout: 60_000 })
    sys.passwords[email] = own
    changed.add(email)
  }
  return page
}

/** How many accounts of this system have replaced their one-time password. */
export const passwordsChanged = (sys: RunningSystem) => changedBySystem.get(sys)?.size ?? 0
