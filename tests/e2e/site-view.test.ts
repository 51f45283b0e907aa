// Large text and high contrast without JavaScript (issue 15), through the public server as deployed:
// the header links set a cookie on /view/ and come back to the page; every page then loads the
// chosen rules from /view.css; the choice holds on other pages and after a reload, and turns off.
import fs from 'node:fs'
import type http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseProxyTrust } from '../../cms/domain/clientAddress'
import { createFormServices } from '../../site/lib/forms/services'
import { applyViewChange, parseViewPrefs, safeBack, serialiseViewPrefs } from '../../site/lib/viewPrefs'
import { createPublicServer, stopPublicServer } from '../../site/server/publicServer'
import { browserAvailable, launchChromium } from '../helpers/browser'
import { fixtureReleases } from '../helpers/fixtureReleases'
import { freePort } from '../helpers/system'

describe('view preferences (pure)', () => {
  it.each([
    ['', { large: false, contrast: false }],
    ['ygjz_view=large', { large: true, contrast: false }],
    ['a=1; ygjz_view=large.contrast; b=2', { large: true, contrast: true }],
    ['ygjz_view=contrast', { large: false, contrast: true }],
    ['ygjz_view=<script>', { large: false, contrast: false }],
  ])('reads %j', (cookie, prefs) => expect(parseViewPrefs(cookie)).toEqual(prefs))
  it('toggles and sets', () => {
    const none = { large: false, contrast: false }
    expect(applyViewChange(none, new URLSearchParams('toggle=text'))).toEqual({ large: true, contrast: false })
    expect(applyViewChange({ large: true, contrast: true }, new URLSearchParams('toggle=contrast'))).toEqual({ large: true, contrast: false })
    expect(applyViewChange({ large: true, contrast: false }, new URLSearchParams('text=normal&contrast=high'))).toEqual({ large: false, contrast: true })
    expect(serialiseViewPrefs(none)).toBe('none')
    expect(parseViewPrefs(`ygjz_view=${serialiseViewPrefs({ large: true, contrast: true })}`)).toEqual({ large: true, contrast: true })
  })
  it.each([
    ['/notices/', '/notices/'],
    ['/search/?q=%E4%BD%8E', '/search/?q=%E4%BD%8E'],
    ['//evil.example/', '/'],
    ['https://evil.example/', '/'],
    ['/\\evil.example', '/'],
    [null, '/'],
  ])('sends back only to a path on this site: %j', (back, to) => expect(safeBack(back)).toBe(to))
})

const enabled = browserAvailable()

describe.skipIf(!enabled)('large text and high contrast in a browser without JavaScript, through the public server', () => {
  let releases: Awaited<ReturnType<typeof fixtureReleases>>
  let server: http.Server
  let base: string
  let browser: Browser
  let outboxDir: string

  beforeAll(async () => {
    releases = await fixtureReleases()
    outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ygjz-outbox-'))
    const services = createFormServices({ cmsUrl: 'http://127.0.0.1:9', publicFormKey: 'k'.repeat(32), outboxDir, outboxPublicKey: null })
    server = createPublicServer({ releasesDir: releases.dir, accessLog: false, services, trust: parseProxyTrust(undefined, undefined), production: false })
    const port = await freePort()
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()))
    base = `http://127.0.0.1:${port}`
    browser = await launchChromium()
  }, 300_000)
  afterAll(async () => {
    await browser?.close()
    if (server) await stopPublicServer(server)
    releases?.cleanup()
    if (outboxDir) fs.rmSync(outboxDir, { recursive: true, force: true })
  })

  it('turns large text (≥ 150 %) and high contrast on, keeps them across pages and reloads, and off again', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
    const page = await context.newPage()
    const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    await page.goto(base + '/standards/')
    const normal = await rootSize()
    expect(await background()).toBe('rgb(255, 255, 255)')

    await page.getByRole('link', { name: '大字模式' }).click()
    await page.waitForURL(base + '/standards/')
    expect(await rootSize()).toBeGreaterThanOrEqual(normal * 1.5)
    expect(await page.getByRole('link', { name: '恢复正常字号' }).isVisible()).toBe(true)

    await page.getByRole('link', { name: '高对比度' }).click()
    await page.waitForURL(base + '/standards/')
    expect(await background()).toBe('rgb(0, 0, 0)')

    // other pages, and after a reload
    await page.goto(base + '/notices/')
    expect(await rootSize()).toBeGreaterThanOrEqual(normal * 1.5)
    expect(await background()).toBe('rgb(0, 0, 0)')
    await page.reload()
    expect(await rootSize()).toBeGreaterThanOrEqual(normal * 1.5)

    await page.getByRole('link', { name: '恢复正常字号' }).click()
    await page.waitForURL(base + '/notices/')
    expect(await rootSize()).toBe(normal)
    expect(await background()).toBe('rgb(0, 0, 0)')
    await page.getByRole('link', { name: '恢复正常颜色' }).click()
    expect(await background()).toBe('rgb(255, 255, 255)')
    await context.close()
  }, 120_000)

  it('search works without JavaScript: a village name from the home page finds that village\'s pages, keeps the words and filters, pages on', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
    const page = await context.newPage()
    const snap = releases.snapshot
    const list = snap.lists.find((l) => l.byVillage.some((v) => (v.households ?? 0) > 0))!
    const village = snap.regions.find((r) => r.code === list.byVillage.find((v) => (v.households ?? 0) > 0)!.villageCode)!
    await page.goto(base + '/')
    await page.locator('#home-q').fill(village.name)
    await page.locator('#home-q').press('Enter')
    await page.waitForURL((u) => u.pathname === '/search/find/')
    expect(await page.locator('#q').inputValue()).toBe(village.name)
    const links = await page.locator('ol.results a').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, text: a.textContent! })))
    expect(links.length).toBeGreaterThan(0)
    expect(links.some((l) => l.href.startsWith(`/lists/${list.id}/${village.code}/`) || l.href.includes(`/${village.code}/`)), JSON.stringify(links.slice(0, 5))).toBe(true)
    // every result names the village, or is a notice with a household of it (found by its villages)
    for (const l of links) if (!l.text.includes(village.name)) expect(l.href, l.text).toMatch(/^\/notices\//)
    // a filter is kept in the form and in the results
    const programme = snap.programmes.find((p) => p.code === list.programmeCode)!.shortName
    await page.goto(base + `/search/find/?q=${encodeURIComponent(village.name)}&programme=${encodeURIComponent(programme)}`)
    expect(await page.locator('#f-programme').inputValue()).toBe(programme)
    expect(await page.locator('ol.results li').count()).toBeGreaterThan(0)
    // nothing found says so, in Chinese, with what to do
    await page.goto(base + `/search/find/?q=${encodeURIComponent('不存在的词语')}`)
    expect(await page.locator('main').innerText()).toContain('没有找到“不存在的词语”')
    // many results page on (20 a page), keeping the words
    await page.goto(base + `/search/find/?q=${encodeURIComponent('低保')}`)
    const status = await page.locator('p[role="status"]').innerText()
    if (/共 \d+ 页/.test(status)) {
      await page.getByRole('link', { name: '下一页' }).click()
      expect(new URL(page.url()).searchParams.get('q')).toBe('低保')
      expect(new URL(page.url()).searchParams.get('page')).toBe('2')
    }
    await context.close()
  })

  it('/view.css varies per resident and is not shared by caches', async () => {
    const res = await fetch(base + '/view.css', { headers: { cookie: 'ygjz_view=large' } })
    expect(res.headers.get('content-type')).toContain('text/css')
    expect(res.headers.get('cache-control')).toContain('private')
    expect(res.headers.get('vary')).toContain('Cookie')
    expect(await res.text()).toContain('font-size:168.75%')
    expect((await (await fetch(base + '/view.css')).text()).trim()).toBe('')
    const redirect = await fetch(base + '/view/?toggle=text&back=//evil.example/', { redirect: 'manual' })
    expect(redirect.status).toBe(303)
    expect(redirect.headers.get('location')).toBe('/')
    expect(redirect.headers.get('set-cookie')).toMatch(/^ygjz_view=large; Path=\/; Max-Age=31536000; SameSite=Lax; HttpOnly/)
  })
})
