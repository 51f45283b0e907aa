// The public server's part of issue 13: a release's release-routes.json makes removed pages answer
// 410 Gone with their public note, and pages with names carry X-Robots-Tag: noindex. A minimal
// hand-made release is enough (the routes file itself is tested on the built site, tests/site).
import fs from 'node:fs'
import type http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NOINDEX_PATTERNS, releaseRoutes } from '../../site/lib/robots'
import { createPublicServer, stopPublicServer } from '../../site/server/publicServer'
import { freePort } from '../helpers/system'

let dir: string
let server: http.Server
let base: string

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ygjz-routes-'))
  const client = path.join(dir, 'r1', 'client')
  const put = (p: string, body: string) => {
    fs.mkdirSync(path.dirname(path.join(client, p)), { recursive: true })
    fs.writeFileSync(path.join(client, p), body)
  }
  put('index.html', '<h1>首页</h1>')
  put('notices/live/index.html', '<h1>公示</h1>')
  put('notices/old/index.html', '<h1>公示已撤下</h1><p>撤回原因：名单有误。</p>')
  put('lists/L1/index.html', '<h1>名单已撤下</h1>')
  put('lists/L2/index.html', '<h1>名单</h1>')
  put('lists/L2/990199001201/index.html', '<h1>村名单</h1>')
  put('n/K7M2QX/index.html', '<h1>短地址</h1>')
  const gone = [
    { kind: 'notice' as const, id: 'old', title: '旧公示', state: 'withdrawn' as const, on: '2026-11-10', reason: '名单有误。' },
    { kind: 'list' as const, id: 'L1', title: '旧名单', state: 'expired' as const, on: '2026-11-01', reason: null },
  ]
  put('release-routes.json', JSON.stringify(releaseRoutes({ gone })))
  fs.mkdirSync(path.join(dir, 'r1', 'server'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'r1', 'server', 'entry.mjs'), 'export const handler = (req, res, next) => next()\n')
  fs.symlinkSync('r1', path.join(dir, 'current'))
  server = createPublicServer({ releasesDir: dir, accessLog: false })
  const port = await freePort()
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r))
  base = `http://127.0.0.1:${port}`
})
afterAll(async () => {
  if (server) await stopPublicServer(server)
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('removed pages and noindex', () => {
  it.each([
    ['/notices/old/', '撤回原因：名单有误。'],
    ['/notices/old', '撤回原因：名单有误。'],
    ['/lists/L1/', '名单已撤下'],
    ['/lists/L1/990199001201/by-name/2/', '名单已撤下'],
    ['/open-data/lists/L1.csv', '名单已撤下'],
  ])('%s answers 410 Gone with the public note and noindex', async (p, note) => {
    const res = await fetch(base + p)
    expect(res.status).toBe(410)
    expect(res.headers.get('x-robots-tag')).toBe('noindex, noarchive')
    expect(await res.text()).toContain(note)
  })

  it.each([
    ['/notices/live/', 'noindex, noarchive'],
    ['/lists/L2/990199001201/', 'noindex, noarchive'],
    ['/lists/L2/', null],
    ['/', null],
  ])('%s is served with X-Robots-Tag %s', async (p, tag) => {
    const res = await fetch(base + p)
    expect(res.status).toBe(200)
    expect(res.headers.get('x-robots-tag')).toBe(tag)
  })

  it('uses the patterns of site/lib/robots.ts', () => {
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'r1', 'client', 'release-routes.json'), 'utf8')).noindex).toEqual(NOINDEX_PATTERNS)
  })
})

describe('short notice addresses typed from paper (issue 15)', () => {
  it.each([['/n/k7m2qx/'], ['/n/k7m2qx'], ['/n/K7m2Qx/'], ['/n/K7M2QX']])('%s leads to /n/K7M2QX/ whatever the case', async (p) => {
    const res = await fetch(base + p, { redirect: 'manual' })
    expect(res.status).toBe(301)
    expect(res.headers.get('location')).toBe('/n/K7M2QX/')
    const followed = await fetch(base + p)
    expect(followed.status).toBe(200)
    expect(await followed.text()).toContain('短地址')
  })

  it('the canonical address is served as it is', async () => {
    const res = await fetch(`${base}/n/K7M2QX/`, { redirect: 'manual' })
    expect(res.status).toBe(200)
  })
})
