// Every known rule error, provoked in the admin as a person would, reaches them as its Chinese text on
// screen (on the field or as the toast), never as "An unknown error occurred." (issue 16, item 7).
// One system for the file; each case is a row of data: who acts, the record it starts from (made
// through the REST API as that person), what they do on the page, and the sentence they must read.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable, launchChromium } from '../helpers/browser'
import { signInToAdmin } from '../helpers/adminLogin'
import { startSystem, type RunningSystem } from '../helpers/system'

const enabled = browserAvailable()
const UNKNOWN = ['unknown error', 'An unknown error', '发生了一个未知的错误', '发生了一个错误', 'Something went wrong']

type Api = { get: (path: string) => Promise<any>; post: (path: string, data: unknown) => Promise<any>; patch: (path: string, data: unknown) => Promise<any> }
type Case = {
  name: string
  as: string
  /** Makes the record to open; returns its admin path. */
  start: (api: Api, tag: string) => Promise<string>
  act: (page: Page) => Promise<void>
  reads: string
}

/** Picks `label` in a select or relationship field (Payload's react-select), typing `search` first when given. */
async function pick(page: Page, field: string, label: string, search?: string) {
  const control = page.locator(`#field-${field} .rs__control`)
  await control.click()
  if (search) await page.locator(`#field-${field} input`).first().fill(search)
  await page.locator('.rs__option', { hasText: label }).first().click()
}

const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10) // China date of the (possibly faked) machine clock
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
const stored = (day: string) => `${day}T04:00:00.000Z` // how the admin's date-only picker stores a China day

async function complaintIn(api: Api, tag: string, status: 'received' | 'accepted'): Promise<string> {
  const category = (await api.get('/api/complaint-categories?limit=1&depth=0')).docs[0].id
  const created = await api.post('/api/complaints', { kind: 'complaint', category, source: 'phone', anonymous: true, content: `端到端测试：${tag}，反映低保评定不公` })
  const id = created.doc.id
  if (status === 'accepted') await api.patch(`/api/complaints/${id}`, { status: 'accepted' })
  return `/admin/collections/complaints/${id}`
}

const save = (page: Page) => page.locator('#action-save').click()
/** Clicks a next-step button of the complaint desk (the status is no longer a free dropdown). */
const step = (page: Page, label: string) => page.getByRole('group', { name: '下一步办理' }).getByRole('button', { name: label, exact: true }).click()

const CASES: Case[] = [
  {
    name: 'answering a complaint with an empty reply',
    as: 'officer@example.com',
    start: (api, tag) => complaintIn(api, tag, 'accepted'),
    act: async (page) => {
      await step(page, '答复')
      await save(page)
    },
    reads: '答复前请填写答复内容（至少4个字，会向群众公开）。',
  },
  {
    name: '不予受理 without a reason',
    as: 'officer@example.com',
    start: (api, tag) => complaintIn(api, tag, 'received'),
    act: async (page) => {
      // Only the steps valid from 已收到 are offered.
      const buttons = page.getByRole('group', { name: '下一步办理' }).getByRole('button')
      await expect.poll(() => buttons.allInnerTexts(), { timeout: 60_000 }).toEqual(['受理', '不予受理', '转办', '延期', '暂停计时'])
      await step(page, '不予受理')
      await save(page)
    },
    reads: '不予受理须写明理由（至少4个字，会向群众公开）。',
  },
  {
    name: '转办 without a reason',
    as: 'officer@example.com',
    start: (api, tag) => complaintIn(api, tag, 'received'),
    act: async (page) => {
      await step(page, '转办')
      await save(page)
    },
    reads: '转办须写明理由（至少4个字，会向群众公开）。',
  },
  {
    name: '延期 without a reason',
    as: 'officer@example.com',
    start: (api, tag) => complaintIn(api, tag, 'accepted'),
    act: async (page) => {
      await step(page, '延期')
      await save(page)
    },
    reads: '延期须写明理由（至少4个字，会向群众公开）。',
  },
  {
    name: '暂停 without a reason',
    as: 'officer@example.com',
    start: (api, tag) => complaintIn(api, tag, 'accepted'),
    act: async (page) => {
      await step(page, '暂停计时')
      await save(page)
    },
    reads: '暂停计时须写明需要群众补充什么（至少4个字，会向群众公开）。',
  },
  {
    name: 'a notice stage posted inside the previous stage’s period',
    as: 'editor@example.com',
    start: async (api, tag) => {
      const programme = (await api.get('/api/programmes?where[code][equals]=dibao-urban&depth=0')).docs[0].id
      const me = await api.get('/api/users/me?depth=0')
      const township = me.user.regions[0]
      const village = (await api.get(`/api/regions?where[parent][equals]=${township}&limit=1&depth=0`)).docs[0].id
      const common = { programme, kind: 'apply', objectionContact: '向城关街道社会救助窗口反映', entries: [], _status: 'draft' }
      const today = chinaToday()
      await api.post('/api/notices?draft=true', { ...common, title: `第一榜${tag}`, stage: 'village', region: village, postedOn: stored(today) })
      const second = await api.post('/api/notices?draft=true', { ...common, title: `第二榜${tag}`, stage: 'township', region: township, postedOn: stored(plusDays(today, 2)) })
      return `/admin/collections/notices/${second.doc.id}`
    },
    act: async (page) => {
      const title = await page.locator('#field-title').inputValue()
      await pick(page, 'previousNotice', title.replace('第二榜', '第一榜'), title.replace('第二榜', '第一榜'))
      await page.locator('#action-save-draft').click()
    },
    reads: '不在上一阶段公示结束之后',
  },
  {
    name: 'a reviewer publishing their own change (two-person rule)',
    as: 'reviewer@example.com',
    start: async (api, tag) => {
      const draft = await api.post('/api/policies?draft=true', { title: `审核人自己起草的政策${tag}`, issuer: '清河县民政局', publishedOn: stored(chinaToday()), validity: 'current', _status: 'draft' })
      return `/admin/collections/policies/${draft.doc.id}`
    },
    act: async (page) => {
      await page.locator('#action-save').click()
    },
    reads: '两人审核：', // "最后修改此内容的是您本人…" (or, had the form changed content, "发布时不能同时修改内容…")
  },
  {
    name: 'a calendar year marked entered without holidays',
    as: 'admin@example.com',
    start: async () => '/admin/collections/calendar-years/create',
    act: async (page) => {
      await page.locator('#field-year').fill('2098')
      await page.locator('#field-published').check()
      await save(page)
    },
    reads: '2098年还没有录入任何节假日，不能标为“已录入”',
  },
]

describe.skipIf(!enabled)('admin: every rule error in Chinese where the person acted', () => {
  let sys: RunningSystem
  let browser: Browser
  const sessions = new Map<string, { ctx: BrowserContext; api: Api }>()

  beforeAll(async () => {
    sys = await startSystem()
    browser = await launchChromium()
  }, 900_000)
  afterAll(async () => {
    for (const s of sessions.values()) await s.ctx.close()
    await browser?.close()
    await sys?.stop()
  })

  async function session(email: string) {
    let s = sessions.get(email)
    if (s) return s
    const ctx = await browser.newContext()
    const page = await signInToAdmin(sys, ctx, email)
    await page.close()
    // The CMS takes the session cookie only from its own origin (CSRF): say where we are.
    const headers = { origin: sys.cmsUrl }
    const call = async (method: 'get' | 'post' | 'patch', path: string, data?: unknown) => {
      const res = await ctx.request[method](`${sys.cmsUrl}${path}`, { headers, ...(data === undefined ? {} : { data }) })
      const body = await res.json()
      expect(res.ok(), `${method} ${path}: ${JSON.stringify(body)}`).toBe(true)
      return body
    }
    s = { ctx, api: { get: (p) => call('get', p), post: (p, d) => call('post', p, d), patch: (p, d) => call('patch', p, d) } }
    sessions.set(email, s)
    return s
  }

  it('the desk: a reply template goes into the reply with its code and date filled, editable; the ledger downloads as .xlsx', async () => {
    const { ctx, api } = await session('officer@example.com')
    const path = await complaintIn(api, ' 模板', 'accepted')
    const doc = await api.get(`/api/${path.replace('/admin/collections/', '')}?depth=0`)
    const page = await ctx.newPage()
    try {
      await page.goto(`${sys.cmsUrl}${path}`, { timeout: 180_000 })
      await page.locator('#ygjz-reply-template').waitFor({ timeout: 120_000 })
      await page.locator('#ygjz-reply-template').selectOption({ label: '已核实，情况属实' })
      await page.getByRole('button', { name: '插入到答复内容' }).click()
      const reply = page.locator('#field-publicReply')
      await expect.poll(() => reply.inputValue(), { timeout: 30_000 }).toContain(`查询码 ${doc.trackingCode}`)
      expect(await reply.inputValue()).not.toMatch(/\{编号\}|\{收到日期\}/)
      await reply.fill(`${await reply.inputValue()}（已补充说明）`)
      await step(page, '答复')
      await save(page)
      await expect.poll(async () => (await api.get(`/api/complaints/${doc.id}?depth=0`)).status, { timeout: 60_000 }).toBe('answered')
      expect((await api.get(`/api/complaints/${doc.id}?depth=0`)).publicReply).toContain('（已补充说明）')
      await page.goto(`${sys.cmsUrl}/admin/collections/complaints`, { timeout: 180_000 })
      const link = page.getByRole('link', { name: '导出（不含反映人身份）' })
      await link.waitFor({ timeout: 120_000 })
      const res = await ctx.request.get(new URL((await link.getAttribute('href'))!, sys.cmsUrl).toString(), { headers: { origin: sys.cmsUrl } })
      expect(res.status()).toBe(200)
      expect(res.headers()['content-type']).toContain('spreadsheetml')
    } finally {
      await page.close()
    }
  }, 300_000)

  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    const { ctx, api } = await session(c.as)
    const path = await c.start(api, ` E2E${i}-${Date.now() % 100_000}`)
    const page = await ctx.newPage()
    try {
      await page.goto(`${sys.cmsUrl}${path}`, { timeout: 180_000 })
      await page.locator('#action-save, #action-save-draft').first().waitFor({ timeout: 120_000 })
      await c.act(page)
      await page.getByText(c.reads, { exact: false }).first().waitFor({ timeout: 60_000 })
      const text = await page.locator('body').innerText()
      for (const bad of UNKNOWN) expect(text, `“${bad}” on screen`).not.toContain(bad)
    } finally {
      await page.close()
    }
  }, 300_000)
})
