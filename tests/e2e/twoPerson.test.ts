import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { browserAvailable, launchChromium } from '../helpers/browser'
import { signInToAdmin } from '../helpers/adminLogin'
import { startSystem, type RunningSystem } from '../helpers/system'

const enabled = browserAvailable()
/** Payload's default edit-lock duration (the policies collection does not set `lockDocuments`). */
const LOCK_MS = 300_000

/** Toast text that is not Chinese: Payload's English fallbacks or a generic error instead of the reason. */
const NOT_AN_EXPLANATION = /unknown error|error occurred|not allowed|forbidden|发生了一个未知的错误|[A-Za-z]{3,}/i

type Clerk = { email: string; name: string; userId: string; ctx: BrowserContext; page: Page; api: (url: string) => ReturnType<Page['request']['get']> }

/**
 * 两人审核 as the clerks meet it in the admin: a township editor drafts a policy and may not publish,
 * take down, delete or schedule it; a reviewer publishes and schedules; an edit after scheduling
 * cancels the schedule and says so; the admin publishes their own correction only with a written
 * reason; the reviewer (a second person) takes it down and deletes it; the audit log names each act.
 * Every refusal is a Chinese sentence in a toast, and the rule itself is explained beside the form.
 * Each clerk works in a browser of their own and closes it when done, as colleagues at two desks do.
 */
describe.skipIf(!enabled)('end to end: the two-person rule in the admin', () => {
  let sys: RunningSystem
  let browser: Browser
  /** The admin's session, kept open: reads the locks, the stored policy and the audit log over the API. */
  let admin: Clerk

  /** Every toast any page showed, by account: none may be English or a generic error. */
  const toasts: { email: string; text: string }[] = []
  /** Who had to take over a colleague's edit lock (kept to report, not asserted: it depends on timing). */
  const takeOvers: string[] = []
  const login = async (email: string): Promise<Clerk> => {
    const ctx = await browser.newContext()
    await ctx.exposeBinding('__ygjzToast', (_source, text: string) => void toasts.push({ email, text }))
    await ctx.addInitScript(() => {
      // A toast can change in place ("提交中..." becomes the answer): every text it shows is kept.
      const shown = new WeakMap<Element, string>()
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('.payload-toast-container [data-sonner-toast]')) {
          const text = el.textContent ?? ''
          if (!text || shown.get(el) === text) continue
          shown.set(el, text)
          ;(window as unknown as { __ygjzToast: (t: string) => void }).__ygjzToast(text)
        }
      }).observe(document, { childList: true, subtree: true, characterData: true })
    })
    const page = await signInToAdmin(sys, ctx, email)
    // The session's API as the admin page itself calls it (same origin, or the CMS ignores the cookie).
    const api = (url: string) => page.request.get(`${sys.cmsUrl}${url}`, { headers: { origin: sys.cmsUrl } })
    const me = (await (await api('/api/users/me')).json()) as { user: { id: string | number; name?: string } }
    return { email, name: email.split('@')[0], userId: String(me.user.id), ctx, page, api }
  }

  beforeAll(async () => {
    sys = await startSystem()
    browser = await launchChromium()
    admin = await login('admin@example.com')
  }, 900_000)
  afterAll(async () => {
    await browser?.close()
    await sys?.stop()
  })

  const shot = (page: Page, name: string) => async (err: unknown) => {
    await page.screenshot({ path: `tests/.tmp/e2e-twoPerson-${name}.png`, fullPage: true }).catch(() => {})
    throw err
  }
  /** Waits for a toast containing `text`. */
  const toast = (page: Page, text: string | RegExp, name: string) =>
    page.locator('.payload-toast-container').getByText(text, { exact: false }).first().waitFor({ timeout: 60_000 }).catch(shot(page, name))
  /** Payload's edit locks on the policy, as the admin reads them: whose, and when last touched. */
  const locksOnPolicy = async () => {
    const res = await admin.api(`/api/payload-locked-documents?depth=0&limit=10&where[document.relationTo][equals]=policies&where[document.value][equals]=${id}`)
    expect(res.status()).toBe(200)
    const { docs } = (await res.json()) as { docs: { user?: { value?: string | number }; updatedAt: string }[] }
    return docs.map((d) => ({ user: String(d.user?.value ?? ''), updatedAt: d.updatedAt }))
  }

  let id = ''
  const title = `两人审核端到端政策${Date.now()}`
  /**
   * Payload's edit lock (payload-locked-documents, 5 minutes): the first change in a form locks the
   * document for its clerk, a save releases it, and leaving the document releases it only after
   * "leave without saving" — so a colleague who closed the browser can leave a lock behind. The server
   * then renders the next clerk's form read-only and the admin opens a "being edited by …" dialog once
   * the page has loaded; until the clerk takes over, that dialog covers every button, and taking over
   * reloads the form (open menus close). The clerk before has closed their browser, so the lock the
   * admin reads now is the one the server will see: with one, the clerk waits for the dialog and takes
   * over, and the test waits for the lock to be theirs and the reloaded form to be editable.
   */
  const openDoc = async (clerk: Clerk) => {
    const { page } = clerk
    // A lock about to expire could expire between this look and the page: wait until it has.
    const ageOf = (l: { updatedAt: string }) => Date.now() - Date.parse(l.updatedAt)
    const foreign = async () => (await locksOnPolicy()).filter((l) => l.user !== clerk.userId)
    await vi.waitFor(async () => expect((await foreign()).filter((l) => ageOf(l) > LOCK_MS - 30_000 && ageOf(l) < LOCK_MS + 2_000)).toEqual([]), { timeout: 40_000, interval: 500 })
    const lockedByColleague = (await foreign()).some((l) => ageOf(l) < LOCK_MS)
    await page.goto(`${sys.cmsUrl}/admin/collections/policies/${id}`, { timeout: 180_000 })
    const field = page.locator('#field-title')
    await field.waitFor({ timeout: 120_000 })
    if (lockedByColleague) {
      const locked = page.locator('#document-locked')
      await locked.waitFor({ state: 'visible', timeout: 60_000 }).catch(shot(page, `${clerk.name}-lock-dialog`))
      // Taking over reloads the page's data and the admin then rebuilds the form (keyed by "locked"):
      // the read-only form on screen now is replaced, and only its replacement may be used.
      const readOnlyForm = await field.elementHandle()
      await locked.getByRole('button', { name: '接管' }).click()
      await locked.waitFor({ state: 'hidden', timeout: 30_000 })
      await vi.waitFor(async () => expect((await locksOnPolicy()).map((l) => l.user)).toEqual([clerk.userId]), { timeout: 30_000, interval: 200 })
      await page.waitForFunction((el) => !el?.isConnected, readOnlyForm, { timeout: 60_000, polling: 100 }).catch(shot(page, `${clerk.name}-take-over`))
      await readOnlyForm?.dispose()
      takeOvers.push(clerk.email)
    }
    // The form is ready (editable once the admin has set it up; a click before that does nothing).
    await vi.waitFor(async () => expect(await field.isEnabled()).toBe(true), { timeout: 60_000, interval: 200 }).catch(shot(page, `${clerk.name}-form-ready`))
    await page.waitForLoadState('networkidle', { timeout: 120_000 })
  }
  /**
   * Opens a menu and waits for its item: a click that lands before the page has hydrated, or just
   * before a re-render, opens nothing, so the trigger is clicked again until the item shows.
   */
  const fromMenu = async (page: Page, trigger: string, item: string) => {
    const target = page.locator(item)
    await vi.waitFor(
      async () => {
        if (!(await target.isVisible())) await page.locator(trigger).click({ timeout: 5_000 })
        await target.waitFor({ state: 'visible', timeout: 5_000 })
      },
      { timeout: 60_000, interval: 100 },
    ).catch(shot(page, `menu-${item.replace(/\W/g, '')}`))
    await target.click()
  }
  /** The document's "⋯" menu: 取消发布 and 删除 live there; both ask for confirmation. */
  const fromDotMenu = async (page: Page, action: 'action-unpublish' | 'action-delete') => {
    await fromMenu(page, '.doc-controls__popup .popup-button', `#${action}`)
    await page.locator('#confirm-action').click({ timeout: 30_000 })
  }
  /** 预约发布 from the publish button's menu: tomorrow (China or not, whatever the date), mid-morning. */
  const schedule = async (page: Page, name: string) => {
    await fromMenu(page, '#action-save-popup .popup-button', '#schedule-publish')
    const drawer = page.locator('.schedule-publish')
    await drawer.locator('#time input').click()
    // The calendar opens on today: into the calendar, one day on (crosses month and year ends), then a time.
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Enter')
    const times = page.locator('.react-datepicker__time-list-item:not(.react-datepicker__time-list-item--disabled)')
    if (!(await times.first().isVisible())) await drawer.locator('#time input').click()
    await times.first().waitFor({ timeout: 30_000 }).catch(shot(page, `${name}-times`))
    await times.nth(Math.min(120, (await times.count()) - 1)).click()
    expect(await drawer.locator('#time input').inputValue()).not.toBe('')
    // 类型 发布 (the keys above can move the radio to 取消发布): choose it last, on purpose.
    await drawer.locator('label[for$="-type-publish"]').click()
    expect(await drawer.locator('input[id$="-type-publish"]').isChecked()).toBe(true)
    await drawer.locator('#scheduled-publish-save').click()
    return drawer
  }
  /** The policy as the public API has it (the main record), read by the admin. */
  const policy = async (draft = false) => {
    const res = await admin.api(`/api/policies/${id}?depth=0${draft ? '&draft=true' : ''}`)
    return { status: res.status(), doc: res.ok() ? ((await res.json()) as { _status?: string; title?: string; forcePublishReason?: string | null; scheduleNote?: string | null }) : null }
  }
  /** Waits until the stored policy satisfies `check` (the admin's toast can come before or after the commit). */
  const policyBecomes = (check: (p: Awaited<ReturnType<typeof policy>>) => void, draft = false) =>
    vi.waitFor(async () => check(await policy(draft)), { timeout: 60_000, interval: 250 })

  it('an editor saves a draft and may not publish it; the refusal and the rule are explained in Chinese', async () => {
    const editor = await login('editor@example.com')
    const { page } = editor
    await page.goto(`${sys.cmsUrl}/admin/collections/policies/create`, { timeout: 180_000 })
    await page.waitForLoadState('networkidle', { timeout: 120_000 })
    await vi.waitFor(async () => expect(await page.locator('#field-title').isEnabled()).toBe(true), { timeout: 60_000, interval: 200 })
    await page.locator('#field-title').fill(title)
    await page.locator('#field-issuer').fill('清河县民政局')
    await page.locator('#action-save-draft').click()
    await page.waitForURL(/\/admin\/collections\/policies\/[0-9a-f-]{36}/, { timeout: 60_000 }).catch(shot(page, 'editor-draft'))
    id = /policies\/([0-9a-f-]{36})/.exec(page.url())![1]
    // The rule is explained beside the form, where the clerk works.
    await page.getByText('两人审核（谁经办谁签字，谁签字谁负责）', { exact: false }).first().waitFor({ timeout: 60_000 }).catch(shot(page, 'explanation'))

    await page.locator('#action-save').click()
    await toast(page, '经办人不能直接发布：请保存草稿，由审核人审核后发布。', 'editor-publish')
    expect((await policy()).doc?._status).toBe('draft')
    await editor.ctx.close()
  }, 300_000)

  it('a reviewer publishes it', async () => {
    const reviewer = await login('reviewer@example.com')
    await openDoc(reviewer)
    await reviewer.page.locator('#action-save').click()
    await policyBecomes(({ doc }) => expect([doc?._status, doc?.title]).toEqual(['published', title]))
    await reviewer.ctx.close()
  }, 300_000)

  it('the editor may neither take it down nor delete it: both refusals are Chinese', async () => {
    const editor = await login('editor@example.com')
    await openDoc(editor)
    await fromDotMenu(editor.page, 'action-unpublish')
    await toast(editor.page, '经办人不能撤销发布：撤下已公开的内容须由另一位审核人（或管理员）操作', 'editor-unpublish')
    await openDoc(editor)
    await fromDotMenu(editor.page, 'action-delete')
    await toast(editor.page, '经办人不能删除已发布（或曾经发布）的内容：须由另一位审核人（或管理员）操作', 'editor-delete')
    expect((await policy()).doc?._status).toBe('published')
    await editor.ctx.close()
  }, 300_000)

  it("scheduling: the editor may not schedule, the reviewer does, and the editor's later edit cancels it with a Chinese note", async () => {
    const editor = await login('editor@example.com')
    await openDoc(editor)
    await schedule(editor.page, 'editor-schedule')
    await toast(editor.page, '经办人不能安排定时发布：请保存草稿，由审核人审核后安排定时发布。', 'editor-schedule')
    expect(await editor.page.locator('.payload-toast-container').getByText('预约发布成功').count()).toBe(0)
    await editor.ctx.close()

    const reviewer = await login('reviewer@example.com')
    await openDoc(reviewer)
    const drawer = await schedule(reviewer.page, 'reviewer-schedule')
    await toast(reviewer.page, '预约发布成功', 'reviewer-schedule')
    // The drawer lists the upcoming publish.
    await drawer.locator('.schedule-publish__upcoming tbody tr').first().waitFor({ timeout: 60_000 }).catch(shot(reviewer.page, 'upcoming'))
    await reviewer.ctx.close()

    const again = await login('editor@example.com')
    await openDoc(again)
    await again.page.locator('#field-title').fill(`${title}（修改稿）`)
    await again.page.locator('#action-save-draft').click()
    await toast(again.page, /草稿成功保存|更新成功/, 'editor-edit')
    await policyBecomes(({ doc }) => expect(doc?.scheduleNote ?? '').toContain('定时发布已自动取消'), true)
    await openDoc(again)
    const note = again.page.locator('#field-scheduleNote')
    await note.waitFor({ timeout: 60_000 }).catch(shot(again.page, 'schedule-note'))
    expect(await note.inputValue()).toMatch(/修改后，原定.*的定时发布已自动取消：审核人审核的是修改前的版本。请审核人重新审核后再安排。/)
    await again.ctx.close()
  }, 300_000)

  const forceReason = '原稿标题有误，审核人出差，紧急更正'
  it('the admin publishes their own correction only with a written reason, which is kept', async () => {
    await openDoc(admin)
    const { page } = admin
    await page.locator('#field-title').fill(`${title}（管理员更正）`)
    await page.locator('#action-save-draft').click()
    await toast(page, /草稿成功保存|更新成功/, 'admin-edit')
    await policyBecomes(({ doc }) => expect(doc?.title).toBe(`${title}（管理员更正）`), true)
    // Their own edit, no reason: refused, and told where to write one.
    await page.locator('#action-save').click()
    await toast(page, '两人审核：最后修改此内容的是您本人，需由另一位审核人发布。管理员可在“强制发布理由”中写明理由', 'admin-publish-refused')
    expect((await policy()).doc?.title).toBe(title)
    await page.locator('#field-forcePublishReason').fill(forceReason)
    await page.locator('#action-save').click()
    await policyBecomes(({ doc }) => expect([doc?._status, doc?.title]).toEqual(['published', `${title}（管理员更正）`]))
    // The admin leaves the document (as a clerk does).
    await page.goto(`${sys.cmsUrl}/admin/collections/policies`, { timeout: 180_000 })
  }, 300_000)

  it('the reviewer, a second person, takes it down and deletes it', async () => {
    const reviewer = await login('reviewer@example.com')
    const { page } = reviewer
    await openDoc(reviewer)
    await fromDotMenu(page, 'action-unpublish')
    await toast(page, '成功取消发布', 'reviewer-unpublish')
    await policyBecomes(({ doc }) => expect(doc?._status).toBe('draft'))
    await openDoc(reviewer)
    await fromDotMenu(page, 'action-delete')
    await page.waitForURL((u) => u.pathname.endsWith('/admin/collections/policies'), { timeout: 60_000 }).catch(shot(page, 'reviewer-delete'))
    await policyBecomes(({ status }) => expect(status).toBe(404), true)
    await reviewer.ctx.close()
  }, 300_000)

  it('the audit log names each act as what it was, by whom, with the admin’s reason', async () => {
    const res = await admin.api(`/api/audit-log?depth=0&limit=200&sort=at&where[targetCollection][equals]=policies&where[targetId][equals]=${id}`)
    expect(res.status()).toBe(200)
    const { docs } = (await res.json()) as { docs: { action: string; actorName?: string; reason?: string | null; summary?: string }[] }
    const acts = docs.filter((d) => d.action !== 'view')
    const names = { editor: '演示经办人（城关街道）', reviewer: '演示审核人', admin: '演示管理员' }
    const sequence = acts.map((d) => `${d.action}:${d.actorName}`)
    // In order (other entries may sit between): drafted, published, scheduled, the edit cancelling the schedule, forced publish, taken down, deleted.
    const expected = [
      `create:${names.editor}`,
      `publish:${names.reviewer}`,
      `schedule:${names.reviewer}`,
      `scheduleCancel:${names.editor}`,
      `forcePublish:${names.admin}`,
      `unpublish:${names.reviewer}`,
      `delete:${names.reviewer}`,
    ]
    let at = 0
    for (const e of sequence) if (e === expected[at]) at++
    expect({ sequence, matched: expected.slice(0, at) }).toEqual({ sequence, matched: expected })
    expect(acts.find((d) => d.action === 'forcePublish')?.reason).toBe(forceReason)
    expect(acts.find((d) => d.action === 'schedule')?.summary).toMatch(/^定时发布：/)
    // Refused attempts left no act in the editor's name.
    expect(acts.filter((d) => d.actorName === names.editor && ['publish', 'forcePublish', 'unpublish', 'delete', 'schedule'].includes(d.action))).toEqual([])
  })

  it('no toast along the way was English or a generic error', () => {
    expect(toasts.length).toBeGreaterThan(5)
    // The record holds the refusals themselves (what the clerk read), by who met them.
    const editorSaw = toasts.filter((t) => t.email === 'editor@example.com').map((t) => t.text).join('\n')
    for (const refusal of ['经办人不能直接发布', '经办人不能撤销发布', '经办人不能删除已发布', '经办人不能安排定时发布']) expect(editorSaw).toContain(refusal)
    expect(toasts.filter((t) => t.email === 'reviewer@example.com' && /经办人不能|两人审核：/.test(t.text))).toEqual([])
    expect(toasts.filter((t) => NOT_AN_EXPLANATION.test(t.text))).toEqual([])
    console.info(JSON.stringify({ twoPersonTakeOvers: takeOvers }))
  })
})
