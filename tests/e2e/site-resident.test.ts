// The column as a resident uses it, in Chromium: without JavaScript, by keyboard, in large text on
// a narrow screen; finds the village's current notice, reads it, prints it, reaches the objection
// form; searches in Chinese.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { viewCss } from '../../site/lib/viewPrefs'
import { browserAvailable, launchChromium } from '../helpers/browser'
import { buildFixtureSite, type BuiltSite } from '../site/buildFixtureSite'
import { serveStatic } from '../site/staticServer'

const enabled = browserAvailable()

describe.skipIf(!enabled)('the public column in a browser', () => {
  let site: BuiltSite & { cleanup: () => void }
  let server: { url: string; close: () => Promise<void> }
  let browser: Browser
  const url = (p: string) => server.url + p

  beforeAll(async () => {
    site = await buildFixtureSite({ households: 3000, months: 3 })
    server = await serveStatic(site.clientDir)
    browser = await launchChromium()
  }, 300_000)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    site?.cleanup()
  })

  async function narrowLargeText(js: boolean): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: js, hasTouch: true, isMobile: true })
    // large text as the public server answers /view.css once chosen (the static server here has no on-demand routes)
    await context.route('**/view.css', (r) => r.fulfill({ contentType: 'text/css', body: viewCss({ large: true, contrast: false }) }))
    return context
  }
  const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)

  it('a resident finds their village notice, reads it, prints it and reaches the objection form (narrow, large text)', async () => {
    const context = await narrowLargeText(true)
    const page = await context.newPage()
    const notice = site.snapshot.notices.find((n) => n.status === '公示中' && n.previousNoticeId)!
    const villageName = site.snapshot.regions.find((r) => r.code === notice.entries[0].villageCode)!.name
    await page.goto(url('/'))
    expect(await noSideScroll(page)).toBe(true)
    await page.getByRole('link', { name: new RegExp(`${villageName}.*乡镇\\(街道\\)审核后公示`) }).first().click()
    await page.waitForURL(`**/notices/${notice.id}/`)
    expect(await noSideScroll(page)).toBe(true)
    expect(await page.locator('h1').textContent()).toBe(notice.title)
    await expect.poll(() => page.getByText('还剩 3 天').first().isVisible()).toBe(true)
    expect(await page.locator('tbody tr').count()).toBe(notice.entries.length)
    expect(await page.locator('tbody th').first().textContent()).toBe(notice.entries[0].name)
    const objection = page.getByRole('link', { name: '对本公示提出异议' })
    expect(await objection.getAttribute('href')).toBe(`/interact/objection/?notice=${notice.id}`)
    const perEntry = page.getByRole('link', { name: `对第1户（${notice.entries[0].name}）提出异议` })
    expect(await perEntry.getAttribute('href')).toBe(`/interact/objection/?notice=${notice.id}&entry=1`)

    // Printed for the village board: no site chrome, the bureau's name, the table, the dates and phone.
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('header.site').isVisible()).toBe(false)
    expect(await page.locator('nav.breadcrumbs').isVisible()).toBe(false)
    expect(await page.locator('.print-bureau').isVisible()).toBe(true)
    // the issuer of this stage (乡镇 for the second of three), not always the bureau
    const township = site.snapshot.regions.find((r) => r.code === notice.regionCode)!
    expect(notice.stage.key).toBe('township')
    expect(await page.locator('.print-bureau').textContent()).toBe(`${township.name}人民政府`)
    expect(await page.locator('table').isVisible()).toBe(true)
    expect(await page.locator('th', { hasText: '异议' }).isVisible()).toBe(false)
    const printed = await page.locator('main').innerText()
    expect(printed).toContain('公示期：2026年11月20日 至 2026年11月27日')
    expect(printed).toContain(site.snapshot.site.supervisePhone!)
    const pdf = await page.pdf({ format: 'A4', printBackground: false })
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF')
    await page.emulateMedia({ media: 'screen' })

    await objection.click()
    await page.waitForURL((u) => u.pathname === '/interact/objection/' && u.searchParams.get('notice') === notice.id)
    await context.close()
  })

  it('reads notices and village lists, and pages through them, with JavaScript turned off', async () => {
    const context = await narrowLargeText(false)
    const page = await context.newPage()
    const list = site.snapshot.lists.find((l) => l.month === '2026-10' && l.programmeCode === 'dibao-rural')!
    const village = list.byVillage.find((v) => (v.households ?? 0) > 100)!
    await page.goto(url('/lists/'))
    await page.locator(`a[href="/lists/${list.id}/"]`).click()
    await page.locator(`a[href="/lists/${list.id}/${village.villageCode}/"]`).click()
    expect(await page.locator('tbody tr').count()).toBe(100)
    await page.getByRole('link', { name: '下一页' }).click()
    await page.waitForURL(`**/lists/${list.id}/${village.villageCode}/2/`)
    expect(await page.locator('tbody tr').first().locator('td').first().textContent()).toBe('101')
    await page.getByRole('link', { name: '按金额从高到低' }).click()
    const amounts = await page.locator('tbody tr td:nth-child(4)').allTextContents()
    const values = amounts.map((a) => Number(a.replace(/[^\d.]/g, '')))
    expect(values).toEqual([...values].sort((a, b) => b - a))
    expect(await noSideScroll(page)).toBe(true)
    await page.goto(url('/policies/'))
    await page.getByRole('link', { name: /已废止/ }).first().click()
    expect(await page.locator('h1').textContent()).toBe('政策法规：已废止')
    await context.close()
  })

  it('works by keyboard with a visible focus, starting with the skip link', async () => {
    const page = await browser.newPage()
    await page.goto(url('/notices/'))
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab')
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement
        const cs = getComputedStyle(el)
        return { tag: el.tagName, outline: cs.outlineStyle !== 'none' && cs.outlineWidth !== '0px', shadow: cs.boxShadow !== 'none', bg: cs.backgroundColor }
      })
      expect(focus.outline || focus.shadow, JSON.stringify(focus)).toBe(true)
    }
    await page.close()
  })

  // Large text and high contrast chosen without JavaScript, kept across pages: tests/e2e/site-view.test.ts

  it('sets line height of at least 1.3 on text', async () => {
    const page = await browser.newPage()
    for (const p of ['/', '/guides/dibao-rural/', `/notices/${site.snapshot.notices[0].id}/`]) {
      await page.goto(url(p))
      const ratios = await page.evaluate(() =>
        [...document.querySelectorAll('p, li, td, th, dd, dt, h1, h2, h3, a, caption, label')].map((el) => {
          const cs = getComputedStyle(el)
          return parseFloat(cs.lineHeight) / parseFloat(cs.fontSize)
        }),
      )
      expect(Math.min(...ratios)).toBeGreaterThanOrEqual(1.3)
    }
    await page.close()
  })

  it('finds pages for real Chinese queries, with programme, region and month filters', async () => {
    const page = await browser.newPage()
    const count = async (q: string) => {
      await page.goto(url(`/search/?q=${encodeURIComponent(q)}`))
      await page.locator('#search-status').filter({ hasText: /找到|没有找到/ }).waitFor({ timeout: 20_000 })
      return page.locator('#search-results li').count()
    }
    expect(await count('低保')).toBeGreaterThan(0)
    expect(await count('临时救助')).toBeGreaterThan(0)
    const village = site.snapshot.regions.find((r) => r.code === site.snapshot.notices[0].entries[0].villageCode)!
    expect(await count(village.name)).toBeGreaterThan(0)
    expect(await page.locator('#search-results a').allTextContents()).toContainEqual(expect.stringContaining(village.name))
    // A string, so the test runner does not rewrite the browser's import().
    const filters = (await page.evaluate("import('/pagefind/pagefind.js').then((pf) => pf.filters())")) as Record<string, Record<string, number>>
    expect(Object.keys(filters).sort()).toEqual(['month', 'programme', 'region'])
    expect(Object.keys(filters.programme)).toContain('临时救助')
    await page.goto(url(`/search/?q=${encodeURIComponent('低保')}&programme=${encodeURIComponent('城市低保')}`))
    await page.locator('#search-status').filter({ hasText: /找到|没有找到/ }).waitFor({ timeout: 20_000 })
    expect(await page.locator('#f-programme').inputValue()).toBe('城市低保')
    expect(await page.locator('#search-results li').count()).toBeGreaterThan(0)
    await page.close()
  })

  it('serves a well-formed Atom feed and sitemap', async () => {
    const page = await browser.newPage()
    await page.goto(url('/'))
    for (const p of ['/feed.xml', '/sitemap.xml']) {
      const result = await page.evaluate(async (u) => {
        const text = await (await fetch(u)).text()
        const doc = new DOMParser().parseFromString(text, 'application/xml')
        return { error: doc.getElementsByTagName('parsererror').length, root: doc.documentElement.localName, ns: doc.documentElement.namespaceURI }
      }, p)
      expect(result.error, p).toBe(0)
      expect(result.root).toBe(p === '/feed.xml' ? 'feed' : 'urlset')
    }
    await page.close()
  })

  it('answers an unknown address with the helpful 404 page', async () => {
    const page = await browser.newPage()
    const res = await page.goto(url('/notices/no-such-notice/'))
    expect(res!.status()).toBe(404)
    expect(await page.locator('h1').textContent()).toBe('页面未找到')
    await page.close()
  })
})
