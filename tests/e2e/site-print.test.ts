// A 公示 printed for the village board, in Chromium (issue 15): the QR code on the printed page
// decodes to the notice's short URL, which leads to the notice without JavaScript; the print names
// the stage's issuer and the notice's own objection contact; the PDF is A4. The PDF file itself is
// read too: its first page rendered with Debian's pdftoppm and the QR decoded from that image, its
// text extracted with pdftotext (poppler-utils; .ci/run installs it).
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import jsQR from 'jsqr'
import type { Browser } from 'playwright-core'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable, launchChromium } from '../helpers/browser'
import { buildFixtureSite, type BuiltSite } from '../site/buildFixtureSite'
import { serveStatic } from '../site/staticServer'

const enabled = browserAvailable()
// Without a Chinese font Chromium prints every Chinese character as a box, and the PDF's text is lost.
const poppler = ['command -v pdftoppm', 'command -v pdftotext', 'fc-list :lang=zh | grep -q .'].every((cmd) => spawnSync('sh', ['-c', cmd]).status === 0)
if (enabled && !poppler) {
  if (process.env.CI) throw new Error('缺少 poppler-utils（pdftoppm、pdftotext）或中文字体：.ci/run 应安装 poppler-utils 和 fonts-wqy-microhei。')
  console.warn('poppler-utils 或中文字体未安装：跳过从 PDF 文件读取二维码和文字的检查（apt-get install -y poppler-utils fonts-wqy-microhei）。')
}

/** The QR code of an image, or null. */
function decodeQr(png: PNG) {
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)
}

/** Reads the printed PDF as a person holding the paper would: page 1 as an image (its QR), and its words. */
function readPdf(pdf: Buffer): { qr: string | null; text: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ygjz-pdf-'))
  try {
    const file = path.join(dir, 'notice.pdf')
    fs.writeFileSync(file, pdf)
    execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', file, path.join(dir, 'page1')])
    const qr = decodeQr(PNG.sync.read(fs.readFileSync(path.join(dir, 'page1.png'))))?.data ?? null
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    return { qr, text }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

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
      const decoded = decodeQr(png)
      expect(decoded, 'a QR code is found on the printed page').not.toBeNull()
      const shortUrl = (await page.locator('.print-qr').getAttribute('data-short-url'))!
      expect(await page.locator('.print-foot').getAttribute('data-short-url')).toBe(shortUrl)
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
      if (poppler) {
        // The file itself: the QR on its first page opens the short URL; issuer and objection contact are in its text.
        const fromPdf = readPdf(pdf)
        expect(fromPdf.qr, 'a QR code is found on page 1 of the PDF').toBe(shortUrl)
        const words = fromPdf.text.replace(/\s+/g, '')
        expect(words).toContain(issuer.replace(/\s+/g, ''))
        expect(words).toContain(notice.objectionContact.replace(/\s+/g, ''))
        // the short URL to type is printed whole (host and path)
        expect(words).toContain(new URL(shortUrl).host + new URL(shortUrl).pathname.replace(/\/$/, ''))
      }

      // typed from the paper, the short address opens the notice (no JavaScript: a refresh)
      await page.emulateMedia({ media: 'screen' })
      await page.goto(server.url + new URL(shortUrl).pathname)
      await page.waitForURL(`**/notices/${notice.id}/`)
      expect(await page.locator('h1').textContent()).toBe(notice.title)
      await context.close()
    }, 120_000)
  }
})
