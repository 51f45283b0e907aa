// The column on a 390 px phone in Chromium (issue 15), with and without JavaScript: on every page
// type with a table, no cell holding 3 or more Chinese characters is narrower than two characters
// (the bug: text columns squeezed to one character per line), and every link or button in a table
// row is on screen and at least 24×24 px (WCAG 2.5.8).
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable, launchChromium } from '../helpers/browser'
import { buildFixtureSite, type BuiltSite } from '../site/buildFixtureSite'
import { serveStatic } from '../site/staticServer'

const enabled = browserAvailable()

type Measured = { narrowCells: string[]; badActions: string[]; cells: number; actions: number; sideScroll: boolean }

/** Measures every visible table cell and row action on the page, as laid out now. */
function measure(page: Page): Promise<Measured> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth
    const narrowCells: string[] = []
    const badActions: string[] = []
    let cells = 0
    let actions = 0
    for (const cell of document.querySelectorAll<HTMLElement>('table td, table th')) {
      const r = cell.getBoundingClientRect()
      if (r.width === 0 || r.height === 0 || cell.closest('thead')) continue
      const han = cell.textContent?.match(/\p{Script=Han}/gu)?.length ?? 0
      if (han < 3) continue
      cells++
      const cs = getComputedStyle(cell)
      const content = r.width - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - parseFloat(cs.borderLeftWidth) - parseFloat(cs.borderRightWidth)
      if (content < 2 * parseFloat(cs.fontSize) - 0.5) narrowCells.push(`${cell.textContent?.trim().slice(0, 20)} (${Math.round(content)} px)`)
    }
    for (const a of document.querySelectorAll<HTMLElement>('table tbody a, table tbody button, table tfoot a')) {
      const r = a.getBoundingClientRect()
      if (r.width === 0 && r.height === 0) continue
      actions++
      const where = `${a.textContent?.trim().slice(0, 20)} @ x=${Math.round(r.left)}–${Math.round(r.right)}, ${Math.round(r.width)}×${Math.round(r.height)}`
      if (r.left < 0 || r.right > vw + 0.5) badActions.push(`off screen: ${where}`)
      else if (r.width < 24 || r.height < 24) badActions.push(`too small: ${where}`)
    }
    return { narrowCells, badActions, cells, actions, sideScroll: document.documentElement.scrollWidth > window.innerWidth + 1 }
  })
}

describe.skipIf(!enabled)('tables on a 390 px phone (issue 15)', () => {
  let site: BuiltSite & { cleanup: () => void }
  let server: { url: string; close: () => Promise<void> }
  let browser: Browser
  const pages: Record<string, string> = {}

  beforeAll(async () => {
    site = await buildFixtureSite({ households: 3000, months: 3 })
    server = await serveStatic(site.clientDir)
    browser = await launchChromium()
    const s = site.snapshot
    const live = s.notices.find((n) => n.status === '公示中' && n.previousNoticeId)!
    const countyWide = s.notices.find((n) => n.status === '公示中' && new Set(n.entries.map((e) => e.villageCode)).size > 1) ?? live
    const list = s.lists.find((l) => l.month === '2026-10' && l.programmeCode === 'dibao-rural')!
    const village = list.byVillage.find((v) => (v.households ?? 0) > 100)!.villageCode
    Object.assign(pages, {
      standards: '/standards/',
      'notice (live)': `/notices/${live.id}/`,
      'notice (several villages)': `/notices/${countyWide.id}/`,
      lists: '/lists/',
      'lists by month': '/lists/month/2026-09/',
      list: `/lists/${list.id}/`,
      'village page': `/lists/${list.id}/${village}/`,
      'village page by name, page 2': `/lists/${list.id}/${village}/by-name/2/`,
      stats: '/stats/',
      interact: '/interact/',
      'open data': '/open-data/',
      '按村查找': '/regions/',
      'village overview': `/regions/${village}/`,
    })
  }, 300_000)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    site?.cleanup()
  })

  for (const js of [false, true]) {
    it(`no squeezed cell, every row action on screen and ≥ 24×24 px (${js ? 'with' : 'without'} JavaScript)`, async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: js, isMobile: true, hasTouch: true })
      const page = await context.newPage()
      const problems: string[] = []
      let cells = 0
      let actions = 0
      for (const [name, p] of Object.entries(pages)) {
        await page.goto(server.url + p)
        const m = await measure(page)
        cells += m.cells
        actions += m.actions
        for (const x of m.narrowCells) problems.push(`${name}: narrow cell ${x}`)
        for (const x of m.badActions) problems.push(`${name}: ${x}`)
        if (m.sideScroll) problems.push(`${name}: the page scrolls sideways`)
      }
      await context.close()
      expect(problems).toEqual([])
      // The check looked at something: the fixture's tables have many such cells and actions.
      expect(cells).toBeGreaterThan(100)
      expect(actions).toBeGreaterThan(50)
    }, 180_000)
  }

  it('the measurement is live: the old layout (CJK squeezed, numbers kept wide) fails it', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true })
    const page = await context.newPage()
    await page.goto(server.url + pages['notice (several villages)'])
    await page.addStyleTag({
      content: 'table.stack, .stack * { display: revert !important; } .stack > thead { position: static !important; width: auto !important; height: auto !important; clip: auto !important; } body { overflow-wrap: anywhere !important; } td.num { white-space: nowrap !important; } a.row-action { display: inline !important; min-height: 0 !important; padding: 0 !important; white-space: normal !important; }',
    })
    const m = await measure(page)
    await context.close()
    expect(m.narrowCells.length + m.badActions.length).toBeGreaterThan(0)
  })

  it('puts content first on a phone: a short header whose 栏目导航 link reaches the full navigation (no JavaScript)', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false, isMobile: true })
    const page = await context.newPage()
    await page.goto(server.url + '/guides/dibao-rural/')
    const header = (await page.locator('header.site').boundingBox())!
    // was 222 px (26 % of the screen) with the full navigation on top
    expect(header.height).toBeLessThan(0.2 * 844)
    // the guide starts with who may apply, before any metadata
    const firstH2 = await page.locator('main h2').first().textContent()
    expect(firstH2).toBe('谁可以申请')
    await page.getByRole('link', { name: '栏目导航' }).click()
    const nav = page.getByRole('navigation', { name: '栏目导航' })
    expect(await nav.isVisible()).toBe(true)
    expect(await nav.getByRole('link', { name: '公示公告' }).isVisible()).toBe(true)
    await context.close()
  })

  it('a household on a phone reads as one line: number, name, persons, amount, objection link', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false, isMobile: true })
    const page = await context.newPage()
    const notice = site.snapshot.notices.find((n) => n.status === '公示中' && n.previousNoticeId)!
    await page.goto(server.url + `/notices/${notice.id}/`)
    const row = page.locator('tbody tr').first()
    const text = (await row.innerText()).replace(/\s+/g, ' ').trim()
    const e = notice.entries[0]
    expect(text).toContain(`${e.no} ${e.name} ${e.householdSize}人`)
    expect(text).toMatch(/提出异议$/)
    const box = await row.boundingBox()
    // one household, one block of at most three lines of text (the old layout: hundreds of px per row)
    expect(box!.height).toBeLessThan(3 * 1.7 * 18 + 60)
    await context.close()
  })
})
