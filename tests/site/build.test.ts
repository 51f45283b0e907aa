import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publishRelease } from '../../cms/publish/release'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let clientDir: string
const read = (p: string) => fs.readFileSync(path.join(clientDir, p), 'utf8')

beforeAll(async () => {
  t = await startTestPayload()
  const base = { issuer: '示例县民政局', publishedOn: '2026-03-01T00:00:00.000Z', validity: 'current' as const }
  const current = await t.payload.create({
    collection: 'policies',
    data: { ...base, title: '示例县城乡低保实施办法', documentNumber: '示民发〔2026〕3号', _status: 'published' },
  })
  await t.payload.create({
    collection: 'policies',
    data: { ...base, title: '旧低保办法', validity: 'repealed', supersededBy: current.id, _status: 'published' },
  })
  await t.payload.create({ collection: 'policies', data: { ...base, title: '尚未发布的草稿政策', _status: 'draft' }, draft: true })
  const release = await publishRelease(t.payload, { dir: path.join(t.dataDir, 'releases') })
  clientDir = path.join(release.dir, 'client')
}, 240_000)
afterAll(async () => {
  await t?.close()
})

describe('built site', () => {
  it('lists the published policy with its metadata', () => {
    const list = read('policies/index.html')
    expect(list).toContain('示例县城乡低保实施办法')
    expect(list).toContain('示民发〔2026〕3号')
  })

  it('never contains a draft, anywhere', () => {
    for (const entry of fs.readdirSync(clientDir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue
      const text = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8')
      expect(text, entry.name).not.toContain('尚未发布的草稿政策')
    }
  })

  it('marks a repealed policy at the top and links to its replacement', () => {
    const pages = fs
      .readdirSync(path.join(clientDir, 'policies'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name === 'index.html')
      .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'))
    const repealed = pages.find((h) => /<h1[^>]*>旧低保办法<\/h1>/.test(h))!
    expect(repealed, 'the repealed policy has its own page').toBeTruthy()
    expect(repealed).toMatch(/本文件已废止/)
    expect(repealed).toContain('示例县城乡低保实施办法')
  })

  it('is a Chinese page with a skip link and no external resources', () => {
    const home = read('index.html')
    expect(home).toContain('<html lang="zh-CN"')
    expect(home).toContain('跳到正文')
    expect(home).not.toMatch(/<(script|link)[^>]+(src|href)="https?:/)
  })
})
