import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { figuresOf } from '../../cms/domain/disclosure'
import { publishRelease, type ReleaseResult } from '../../cms/publish/release'
import { seedDemoContent } from '../../cms/seed/seedDemo'
import { readListRows } from '../../cms/storage/rowStore'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let release: ReleaseResult
const allText = () =>
  fs
    .readdirSync(path.join(release.dir, 'client'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(html|json|csv|xml|txt)$/.test(e.name))
    .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'))
    .join('\n')

beforeAll(async () => {
  t = await startTestPayload()
  await seedDemoContent(t.payload)
  release = await publishRelease(t.payload, { dir: path.join(t.dataDir, 'releases') })
}, 300_000)
afterAll(async () => {
  await t?.close()
})

describe('a release of the demo county', () => {
  it('passes both PII gates and carries a manifest with the hash of every file', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(release.dir, 'client', 'manifest.json'), 'utf8'))
    expect(manifest.algorithm).toBe('SHA-256')
    expect(Object.keys(manifest.files).length).toBe(release.files)
    expect(manifest.files['/index.html'].sha256).toMatch(/^[0-9a-f]{64}$/)
    console.log(JSON.stringify({ release: { pages: release.pages, files: release.files, ms: release.durationMs, timings: release.timings } }))
  })

  it('contains no raw name or ID number from any list or notice, and no internal field', async () => {
    const text = allText()
    const { docs: lists } = await t.payload.find({ collection: 'recipient-lists', pagination: false, depth: 0 })
    const rows = [...(await readListRows(t.payload, lists.map((l) => String(l.id)))).values()].flat()
    const { docs: notices } = await t.payload.find({ collection: 'notices', pagination: false, depth: 0 })
    const raw = [...rows.flatMap((r) => [r.headName, r.idNumber!]), ...notices.flatMap((n) => (n.entries ?? []).flatMap((e) => [e.headName, e.idNumber!]))]
    expect(raw.length).toBeGreaterThan(100)
    const leaked = raw.filter((v) => v && text.includes(v))
    expect(leaked.length, 'raw values found in the release').toBe(0)
    for (const field of ['idNumber', 'idHash', 'internalRemarks', 'lastEditedBy', 'headName', 'privacyFindings']) expect(text).not.toContain(`"${field}"`)
  })

  it('publishes open data with a Frictionless data package whose hashes match the files', async () => {
    const crypto = await import('node:crypto')
    const dir = path.join(release.dir, 'client', 'open-data')
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'datapackage.json'), 'utf8'))
    expect(pkg.profile).toBe('tabular-data-package')
    expect(pkg.resources.length).toBeGreaterThan(3)
    for (const r of pkg.resources) {
      const data = fs.readFileSync(path.join(dir, r.path))
      expect(r.hash).toBe(`sha256:${crypto.createHash('sha256').update(data).digest('hex')}`)
      expect(data.subarray(0, 3).toString('hex')).toBe('efbbbf') // UTF-8 BOM so Excel opens it
      expect(r.schema.fields.length).toBeGreaterThan(0)
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(release.dir, 'client', 'manifest.json'), 'utf8'))
    const pkgBytes = fs.readFileSync(path.join(dir, 'datapackage.json'))
    expect(manifest.files['/open-data/datapackage.json'].sha256).toBe(crypto.createHash('sha256').update(pkgBytes).digest('hex'))
  })

  it('keeps the snapshot it was built from inside the release', () => {
    const snap = JSON.parse(fs.readFileSync(path.join(release.dir, 'snapshot', 'snapshot.json'), 'utf8'))
    expect(snap.notices.length).toBeGreaterThanOrEqual(3)
    expect(snap.lists.length).toBe(9)
    expect(snap.notices.find((n: { status: string }) => n.status === '公示中')).toBeTruthy()
  })
})

describe('figures on the demo site add up (issue 13)', () => {
  const page = (url: string) => fs.readFileSync(path.join(release.dir, 'client', url, 'index.html'), 'utf8').replace(/<[^>]+>/g, '')
  it('every list and village page states the sum of the rows it publishes', () => {
    const snap = JSON.parse(fs.readFileSync(path.join(release.dir, 'snapshot', 'snapshot.json'), 'utf8'))
    const yuan = (n: number) => `${n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`
    let villages = 0
    for (const l of snap.lists) {
      const rows: Array<[string, number, number, string | null, string]> = JSON.parse(fs.readFileSync(path.join(release.dir, 'snapshot', l.rowsFile), 'utf8')).rows
      const sum = figuresOf(rows.map((r) => ({ householdSize: r[1], amount: r[2] })))
      expect(l.totals, l.id).toEqual(sum)
      const listPage = page(`/lists/${l.id}/`)
      expect(listPage).toContain(`${sum.households.toLocaleString('zh-CN')} 户`)
      expect(listPage).toContain(yuan(sum.amount))
      for (const v of new Set(rows.map((r) => r[4]))) {
        const vs = figuresOf(rows.filter((r) => r[4] === v).map((r) => ({ householdSize: r[1], amount: r[2] })))
        expect(page(`/lists/${l.id}/${v}/`)).toContain(`本村（社区）共 ${vs.households.toLocaleString('zh-CN')} 户，${vs.persons.toLocaleString('zh-CN')} 人，金额合计 ${yuan(vs.amount)}`)
        villages++
      }
    }
    expect(villages).toBeGreaterThan(9)
    const stats = page('/stats/')
    expect(stats).not.toMatch(/(^|[^\d,.])0 户/)
  })
})
