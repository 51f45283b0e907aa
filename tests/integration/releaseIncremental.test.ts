import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { setClock } from '../../cms/domain/clock'
import { pageCacheDir, publishRelease, type ReleaseResult } from '../../cms/publish/release'
import { seedDemoContent } from '../../cms/seed/seedDemo'
import { startTestPayload, testDatabaseKind, type TestPayload } from '../helpers/payload'

// Two exports of the same data differ only in their generation instant (datapackage.json and the
// datasets print it); frozen here, so a full and an incremental release of the same data can be
// compared file by file.
const GENERATED_AT = '2026-11-10T03:21:07.000Z'
vi.mock('../../cms/domain/clock', async (original) => ({ ...(await original<typeof import('../../cms/domain/clock')>()), nowIso: () => GENERATED_AT }))

let t: TestPayload
let dir: string
const system = { disableAutoPublish: true, system: true }
type Files = Record<string, { sha256: string; bytes: number }>
const filesOf = (r: ReleaseResult): Files => JSON.parse(fs.readFileSync(path.join(r.dir, 'client', 'manifest.json'), 'utf8')).files
const inode = (r: ReleaseResult, rel: string) => fs.statSync(path.join(r.dir, 'client', rel)).ino

let first: ReleaseResult
let incremental: ReleaseResult
let full: ReleaseResult
let policyId: string
let villagePage: string
let guideBasis: string[]

// Pages are rendered from the snapshot, and exporting the snapshot on each database is what
// release.test.ts checks under test:mongo and test:postgres: three county releases once more per
// database would add minutes to CI and test nothing the database decides. SQLite (npm test) only.
const onSqlite = testDatabaseKind() === 'sqlite'

beforeAll(async () => {
  if (!onSqlite) return
  setClock(GENERATED_AT)
  t = await startTestPayload()
  await seedDemoContent(t.payload)
  dir = path.join(t.dataDir, 'releases')
  first = await publishRelease(t.payload, { dir, full: true })
  const { docs } = await t.payload.find({ collection: 'policies', where: { _status: { equals: 'published' } }, limit: 1, depth: 0, overrideAccess: true })
  policyId = String(docs[0].id)
  await t.payload.update({ collection: 'policies', id: policyId, context: system, data: { title: '增量发布测试：改过标题的政策' } })
  // A guide's title is shown on the pages of the policies it is based on: they must be rendered anew too.
  const guides = await t.payload.find({ collection: 'guides', where: { _status: { equals: 'published' } }, limit: 50, depth: 0, overrideAccess: true })
  const guide = guides.docs.find((g) => (g.basis ?? []).length > 0)!
  guideBasis = (guide.basis ?? []).map((b) => String(typeof b === 'object' ? b.id : b))
  await t.payload.update({ collection: 'guides', id: guide.id, context: system, data: { title: '增量发布测试：改过标题的办事指南' } })
  incremental = await publishRelease(t.payload, { dir })
  full = await publishRelease(t.payload, { dir, full: true })
  villagePage = Object.keys(filesOf(first)).find((f) => /^\/lists\/[^/]+\/[^/]+\/index\.html$/.test(f))!
}, 900_000)
afterAll(async () => {
  setClock(null)
  await t?.close()
})

describe.skipIf(!onSqlite)('incremental releases (issue 19)', () => {
  it('an incremental release is byte-identical to a full build of the same data', () => {
    const a = filesOf(incremental)
    const b = filesOf(full)
    expect(Object.keys(a).length).toBeGreaterThan(50)
    const differing = Object.keys({ ...a, ...b }).filter((f) => a[f]?.sha256 !== b[f]?.sha256)
    expect(differing, 'files that differ between the incremental and the full release').toEqual([])
    console.log(JSON.stringify({ first: first.timings, incremental: incremental.timings, full: full.timings }))
  })

  it('renders the edited policy anew and takes unchanged files from the release before', () => {
    expect(fs.readFileSync(path.join(incremental.dir, 'client', 'policies', policyId, 'index.html'), 'utf8')).toContain('增量发布测试：改过标题的政策')
    expect(filesOf(incremental)[`/policies/${policyId}/index.html`].sha256).not.toBe(filesOf(first)[`/policies/${policyId}/index.html`].sha256)
    const basisPages = guideBasis.filter((id) => filesOf(incremental)[`/policies/${id}/index.html`])
    expect(basisPages.length).toBeGreaterThan(0)
    for (const id of basisPages) expect(fs.readFileSync(path.join(incremental.dir, 'client', 'policies', id, 'index.html'), 'utf8')).toContain('增量发布测试：改过标题的办事指南')
    expect(incremental.full).toBe(false)
    expect(full.full).toBe(true)
    // Unchanged files are the previous release's, by hard link (same inode); a full release links nothing.
    expect(inode(incremental, villagePage)).toBe(inode(first, villagePage))
    expect(incremental.timings.filesLinked).toBeGreaterThan(Object.keys(filesOf(first)).length / 2)
    expect(full.timings.filesLinked).toBe(0)
    expect(inode(full, villagePage)).not.toBe(inode(incremental, villagePage))
    // …and so are their compressed copies.
    expect(incremental.timings.precompressReused).toBeGreaterThan(0)
  })

  it('does not render pages whose inputs are unchanged: they come from the page cache', async () => {
    // Mark the cached copy of a village page: an incremental release that renders it would lose the mark.
    // Astro keeps a cached page under its path relative to the build's output folder (client/…).
    const cached = path.join(pageCacheDir(dir), 'dist', 'client', villagePage.slice(1))
    expect(fs.existsSync(cached), `cached copy ${cached}`).toBe(true)
    fs.appendFileSync(cached, '<!-- from the page cache -->')
    const next = await publishRelease(t.payload, { dir })
    expect(fs.readFileSync(path.join(next.dir, 'client', villagePage.slice(1)), 'utf8')).toContain('<!-- from the page cache -->')
    // A route that declares no inputs (the policy index) is always rendered: it has no cached copy.
    expect(fs.existsSync(path.join(pageCacheDir(dir), 'dist', 'client', 'policies', 'index.html'))).toBe(false)
    expect(fs.existsSync(path.join(pageCacheDir(dir), 'dist', 'client', 'policies', policyId, 'index.html'))).toBe(true)
    // A full release takes nothing from the cache.
    const whole = await publishRelease(t.payload, { dir, full: true })
    expect(fs.readFileSync(path.join(whole.dir, 'client', villagePage.slice(1)), 'utf8')).not.toContain('<!-- from the page cache -->')
  }, 600_000)
})
