// A 公示 printed for the village board, in Chromium (issue 15): the QR code on the printed page
// decodes to the notice's short URL, which leads to the notice without JavaScript; the print names
// the stage's issuer and the notice's own objection contact; the PDF is A4.
import jsQR from 'jsqr'
import type { Browser } from 'playwright-core'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable, launchChromium } from '../helpers/browser'
import { buildFixtureSite, type BuiltSite } from '../site/buildFixtureSite'
import { serveStatic } from '../site/staticServer'

const enabled = browserAvailable()

describe.skipIf(!enabled)('board-ready print of a notice', () => {
  let site: BuiltSite & { cleanup: () => void }
  let server: { url: string; close: () => Promise<void> }
  let browser: Browser

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

  for (const stage of ['village', 'township', 'county']) {
    it(`${stage} stage: QR decodes to the short URL, which opens the notice; issuer and objection contact printed; A4 PDF`, async () => {
      const notice = site.snapshot.notices.find((n) => n.stage.key === stage && n.stage.of === 3 && n.status !== '已结束') ?? site.snapshot.notices.find((n) => n.stage.key === stage && n.stage.of === 3)!
      // A4 at 96 dpi, printed without JavaScript (as a village PC might)
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 794, height: 1123 }, deviceScaleFactor: 2 })
      const page = await context.newPage()
      await page.goto(server.url + `/notices/${notice.id}/`)
      await page.emulateMedia({ media: 'print' })
      const qr = page.locator('.print-qr svg')
      expect(await qr.isVisible()).toBe(true)
      const png = PNG.sync.read(await qr.screenshot())
      const decoded = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)
      expect(decoded, 'a QR code is found on the printed page').not.toBeNull()
      const shortUrl = (await page.locator('.print-foot').getAttribute('data-short-url'))!
      expect(decoded!.data).toBe(shortUrl)
      expect(new URL(shortUrl).pathname).toMatch(/^\/n\/[0-9A-HJKMNP-TV-Z]{6}\/$/)
      const printed = await page.locator('main').innerText()
      expect(printed).toContain(notice.objectionContact)
      expect(printed).toContain(new URL(shortUrl).host + new URL(shortUrl).pathname.replace(/\/$/, ''))
      const issuer = (await page.locator('.print-bureau').textContent())!
      expect(await page.locator('.print-signature').innerText()).toContain(issuer)
      expect(issuer).toMatch(stage === 'village' ? /村民委员会$|居民委员会$/ : stage === 'township' ? /人民政府$|办事处$/ : /民政局$/)
      // table text at least 14 pt on paper
      const tableSize = await page.locator('.notice-doc table td').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
      expect(tableSize).toBeGreaterThanOrEqual((14 * 96) / 72 - 0.01)
      const pdf = await page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true })
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF')
      // the page size in the PDF is A4 (595 × 842 pt)
      const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'))
      expect(box, 'the PDF states its page size').not.toBeNull()
      expect(Math.abs(Number(box![3]) - 595.28)).toBeLessThan(1.5)
      expect(Math.abs(Number(box![4]) - 841.89)).toBeLessThan(1.5)

      // typed from the paper, the short address opens the notice (no JavaScript: a refresh)
      await page.emulateMedia({ media: 'screen' })
      await page.goto(server.url + new URL(shortUrl).pathname)
      await page.waitForURL(`**/notices/${notice.id}/`)
      expect(await page.locator('h1').textContent()).toBe(notice.title)
      await context.close()
    }, 120_000)
  }
})
