// axe-core (WCAG 2.1 A and AA rules) on every page template of the public column, in Chromium,
// served from a fixture build on 127.0.0.1. Also in large-text mode on a narrow screen.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { viewCss } from '../../site/lib/viewPrefs'
import { browserAvailable, launchChromium } from '../helpers/browser'
import { buildFixtureSite, type BuiltSite } from '../site/buildFixtureSite'
import { serveStatic } from '../site/staticServer'

const enabled = browserAvailable()
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

type AxeViolation = { id: string; impact: string; help: string; nodes: Array<{ target: string[]; failureSummary: string }> }

async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource })
  const violations = (await page.evaluate(
    (tags) => (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: unknown[] }> } }).axe
      .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
      .then((r) => r.violations),
    TAGS,
  )) as AxeViolation[]
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} @ ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)
}

describe.skipIf(!enabled)('accessibility of every page template (axe-core, WCAG 2.1 AA)', () => {
  let site: BuiltSite & { cleanup: () => void }
  let server: { url: string; close: () => Promise<void> }
  let browser: Browser
  const templates: Record<string, string> = {}

  beforeAll(async () => {
    site = await buildFixtureSite({ households: 3000, months: 3 })
    server = await serveStatic(site.clientDir)
    browser = await launchChromium()
    const s = site.snapshot
    const live = s.notices.find((n) => n.status === '公示中' && n.previousNoticeId)!
    const ended = s.notices.find((n) => n.status === '已结束')!
    const list = s.lists.find((l) => l.month === '2026-10' && l.programmeCode === 'dibao-rural')!
    const village = list.byVillage.find((v) => (v.households ?? 0) > 100)!.villageCode
    Object.assign(templates, {
      home: '/',
      policies: '/policies/',
      'policies filter': '/policies/validity/repealed/',
      'policy (repealed)': '/policies/qhmf-2019-12/',
      'policy (current)': '/policies/qhmf-2026-3/',
      guides: '/guides/',
      guide: '/guides/dibao-rural/',
      standards: '/standards/',
      notices: '/notices/',
      'notices filter': '/notices/stage/village/',
      'notice (live)': `/notices/${live.id}/`,
      'notice (ended)': `/notices/${ended.id}/`,
      lists: '/lists/',
      'lists by month': '/lists/month/2026-09/',
      list: `/lists/${list.id}/`,
      'village page': `/lists/${list.id}/${village}/`,
      'village page by name, page 2': `/lists/${list.id}/${village}/by-name/2/`,
      stats: '/stats/',
      'removed notice (410 note)': `/notices/${s.gone.find((g) => g.kind === 'notice')!.id}/`,
      'open data': '/open-data/',
      interact: '/interact/',
      search: '/search/?q=低保',
      privacy: '/privacy/',
      accessibility: '/accessibility/',
      '按村查找': '/regions/',
      'village overview': `/regions/${village}/`,
      'town overview': `/regions/${s.regions.find((r) => r.code === village)!.parentCode}/`,
      'policy interpretation': '/interpretations/jd-2026-3/',
      '404': '/no-such-page/',
    })
  }, 300_000)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    site?.cleanup()
  })

  it('is a live check: axe reports a deliberately broken page', async () => {
    const page = await browser.newPage()
    await page.goto(server.url + '/')
    await page.evaluate(() => {
      const img = document.createElement('img')
      img.src = '/x.png'
      document.querySelector('main')!.appendChild(img)
      document.querySelector('h1')!.style.color = '#ddd'
    })
    const found = await axe(page)
    await page.close()
    expect(found.some((v) => v.startsWith('image-alt'))).toBe(true)
    expect(found.some((v) => v.startsWith('color-contrast'))).toBe(true)
  })

  it('finds no violation on any template', async () => {
    const page = await browser.newPage()
    const problems: string[] = []
    for (const [name, path] of Object.entries(templates)) {
      await page.goto(server.url + path)
      if (name === 'search') await page.locator('#search-results li').first().waitFor({ timeout: 15_000 })
      for (const v of await axe(page)) problems.push(`${name} ${path}: ${v}`)
    }
    await page.close()
    expect(problems).toEqual([])
  }, 180_000)

  // The static server here has no on-demand routes: /view.css answers as the public server does for
  // a resident who chose the mode (tests/e2e/site-view.test.ts covers the cookie itself).
  for (const mode of [{ large: true, contrast: false }, { large: true, contrast: true }]) {
    it(`finds no violation in ${mode.contrast ? 'large-text, high-contrast' : 'large-text'} mode on a narrow screen`, async () => {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 })
      await context.route('**/view.css', (r) => r.fulfill({ contentType: 'text/css', body: viewCss(mode) }))
      const page = await context.newPage()
      const problems: string[] = []
      for (const name of ['home', 'notice (live)', 'village page', 'guide', 'stats', 'interact', 'search']) {
        await page.goto(server.url + templates[name])
        if (name === 'search') await page.locator('#search-results li').first().waitFor({ timeout: 15_000 })
        expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBe(27)
        if (mode.contrast) expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)')
        for (const v of await axe(page)) problems.push(`${name}: ${v}`)
      }
      await context.close()
      expect(problems).toEqual([])
    }, 120_000)
  }
})
