import fs from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[]
export const chromiumPath = candidates.find((p) => fs.existsSync(p))

/** On a machine without Chromium the browser tests are skipped loudly; in CI they must run. */
export function browserAvailable(): boolean {
  if (chromiumPath) return true
  const msg = 'Chromium 未安装，浏览器测试已跳过。安装：apt-get install -y chromium'
  if (process.env.CI) throw new Error(msg)
  console.warn(`\n⚠️  ${msg}\n`)
  return false
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  })
}
