/**
 * Plants a raw ID number, a mobile number and a raw household name in each kind of publishable
 * field and checks that each of the three gates stops it: (1) on save in the CMS, (2) on the
 * snapshot before the build, (3) on every file of the built release.
 */
import { today } from '../../cms/domain/clock'
import { storedDay } from '../../cms/domain/dates'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idCheckDigit } from '../../cms/domain/idNumber'
import { PiiGateError, scanForPersonalData } from '../../cms/publish/piiGate'
import { publishRelease } from '../../cms/publish/release'
import { paragraphsToRichText } from '../../cms/seed/richText'
import { makeProgramme, makeRegions, makeUser, withCalendar } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

const rowId = () => crypto.randomUUID().replace(/-/g, '').slice(0, 24)
const RAW_ID = `99019919850315123${idCheckDigit('99019919850315123')}`
const RAW_PHONE = '139 1234 5678'
const RAW_NAME = '司马光明'
const PLANTS = [
  ['an ID number', `身份证号${RAW_ID}`],
  ['a mobile number', `联系电话 ${RAW_PHONE}`],
  ['a raw household name', `经查${RAW_NAME}家情况属实`],
] as const

let t: TestPayload
let reviewer: Awaited<ReturnType<typeof makeUser>>
let editor: Awaited<ReturnType<typeof makeUser>>
let programme: string
let regions: Awaited<ReturnType<typeof makeRegions>>
const system = { disableAutoPublish: true, system: true }

beforeAll(async () => {
  t = await startTestPayload()
  await withCalendar(t.payload)
  regions = await makeRegions(t.payload)
  programme = await makeProgramme(t.payload)
  reviewer = await makeUser(t.payload, ['reviewer'])
  editor = await makeUser(t.payload, ['editor'])
  // The raw name is held by the CMS for a notice (as the system of record must).
  await t.payload.create({
    collection: 'notices',
    context: system,
    data: { title: '公示', programme, kind: 'apply', stage: 'village', region: regions.villageA, postedOn: storedDay(today()), objectionContact: '向甲镇民政办反映', entries: [{ headName: RAW_NAME, idNumber: RAW_ID, householdSize: 2, village: regions.villageA }], _status: 'published' },
  })
}, 120_000)
afterAll(async () => {
  await t?.close()
})

/** Each kind of publishable field, as data that puts `text` into it. */
const FIELDS: { kind: string; collection: 'policies' | 'guides' | 'notices'; data: (text: string) => Record<string, unknown> }[] = [
  { kind: 'policy rich-text body', collection: 'policies', data: (x) => ({ title: '政策', issuer: '测试县民政局', publishedOn: '2026-03-01T04:00:00.000Z', validity: 'current', body: paragraphsToRichText([x]) }) },
  { kind: 'policy summary (textarea)', collection: 'policies', data: (x) => ({ title: '政策', issuer: '测试县民政局', publishedOn: '2026-03-01T04:00:00.000Z', validity: 'current', summary: x }) },
  { kind: 'policy public change note (array)', collection: 'policies', data: (x) => ({ title: '政策', issuer: '测试县民政局', publishedOn: '2026-03-01T04:00:00.000Z', validity: 'current', changeNotes: [{ id: rowId(), on: '2026-03-02T04:00:00.000Z', note: x }] }) },
  { kind: 'guide condition (list item)', collection: 'guides', data: (x) => ({ title: '指南', programme, applicableTo: '本县居民', fee: '不收费', conditions: [{ id: rowId(), text: x }] }) },
  { kind: 'guide step description', collection: 'guides', data: (x) => ({ title: '指南', programme, applicableTo: '本县居民', fee: '不收费', steps: [{ id: rowId(), title: '受理', actor: '乡镇', description: x }] }) },
  // Posted today: a notice posted on a fixed day would leave the public site (retention) as the calendar moves on.
  { kind: 'notice title', collection: 'notices', data: (x) => ({ title: x, programme, kind: 'apply', stage: 'village', region: regions.villageB, postedOn: storedDay(today()), objectionContact: '向乙镇民政办反映', entries: [] }) },
]

describe('gate 1: the CMS refuses to publish personal data typed into public text', () => {
  for (const field of FIELDS) {
    for (const [what, text] of PLANTS) {
      it(`${what} in a ${field.kind}`, async () => {
        const draft = await t.payload.create({ collection: field.collection, draft: true, user: editor as never, overrideAccess: false, context: { disableAutoPublish: true }, data: { ...field.data(text), _status: 'draft' } as never })
        // Drafts record pattern findings; names held for other lists and notices are checked on publish.
        if (what !== 'a raw household name') expect(draft.privacyFindings).toBeTruthy()
        const err = await t.payload
          .update({ collection: field.collection, id: draft.id, user: reviewer as never, overrideAccess: false, data: { _status: 'published' } })
          .then(() => null, (e: Error) => e)
        expect(err?.message).toMatch(/隐私检查未通过/)
        for (const raw of [RAW_ID, RAW_PHONE.replace(/ /g, ''), RAW_NAME]) expect(err!.message).not.toContain(raw)
      })
    }
  }
})

describe('gate 2: the snapshot is scanned before the site is built', () => {
  for (const field of FIELDS) {
    it(`stops the publish when a ${field.kind} carries personal data past the CMS (a bug, a direct edit)`, async () => {
      const dir = path.join(t.dataDir, `releases-${field.kind.replace(/\W+/g, '-')}`)
      await publishRelease(t.payload, { dir })
      const live = fs.readlinkSync(path.join(dir, 'current'))
      for (const [, text] of PLANTS) {
        const doc = await t.payload.create({ collection: field.collection, context: system, data: { ...field.data('正常内容'), _status: 'published' } as never })
        const planted = field.data(text)
        const key = Object.keys(planted).find((k) => JSON.stringify(planted[k]) !== JSON.stringify(field.data('正常内容')[k]))!
        await t.payload.db.updateOne({ collection: field.collection, where: { id: { equals: doc.id } }, data: { [key]: planted[key] } })
        const err = await publishRelease(t.payload, { dir }).then(() => null, (e) => e)
        expect(err).toBeInstanceOf(PiiGateError)
        expect((err as PiiGateError).stage).toBe('snapshot')
        expect(fs.readlinkSync(path.join(dir, 'current'))).toBe(live)
        await t.payload.delete({ collection: field.collection, id: doc.id, context: system })
      }
    }, 120_000)
  }
})

describe('gate 3: every file of the built release is scanned', () => {
  it('finds planted values in HTML, JSON, CSV, XML, a compressed search fragment, and image metadata', async () => {
    const dir = path.join(t.dataDir, 'releases-gate3')
    const release = await publishRelease(t.payload, { dir })
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'ygjz-gate3-'))
    fs.cpSync(path.join(release.dir, 'client'), copy, { recursive: true })
    const clean = await scanForPersonalData([copy], { knownValues: [RAW_NAME, RAW_ID], allow: [] })
    expect(clean).toEqual([])

    fs.writeFileSync(path.join(copy, 'planted.html'), `<p>${RAW_NAME}</p>`)
    fs.writeFileSync(path.join(copy, 'planted.json'), JSON.stringify({ phone: RAW_PHONE }))
    fs.writeFileSync(path.join(copy, 'planted.csv'), `\uFEFFid\n${RAW_ID}\n`)
    fs.writeFileSync(path.join(copy, 'planted.xml'), `<feed><title>${RAW_PHONE}</title></feed>`)
    fs.mkdirSync(path.join(copy, 'pagefind', 'fragment'), { recursive: true })
    fs.writeFileSync(path.join(copy, 'pagefind', 'fragment', 'x.pf_fragment'), zlib.gzipSync(Buffer.from(`{"content":"${RAW_NAME}"}`)))
    const photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).jpeg().withExifMerge({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 0/1 0/1' } } as never).toBuffer()
    fs.writeFileSync(path.join(copy, 'photo.jpg'), photo)

    const findings = await scanForPersonalData([copy], { knownValues: [RAW_NAME, RAW_ID], allow: [] })
    const files = new Set(findings.map((f) => path.basename(f.file)))
    expect([...files].sort()).toEqual(['photo.jpg', 'planted.csv', 'planted.html', 'planted.json', 'planted.xml', 'x.pf_fragment'])
    for (const f of findings) for (const raw of [RAW_ID, RAW_NAME, RAW_PHONE.replace(/ /g, '')]) expect(f.message).not.toContain(raw)
    fs.rmSync(copy, { recursive: true, force: true })
  }, 120_000)
})

describe('incremental release gate', () => {
  it('skips files that already passed, but checks them against raw values added since', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ygjz-incr-'))
    fs.writeFileSync(path.join(dir, 'a.html'), '<p>据魏大勇家反映</p>')
    fs.writeFileSync(path.join(dir, 'b.html'), `<p>${RAW_PHONE}</p>`)
    const stats = { files: 0, scanned: 0, skipped: 0 }
    // Both files passed before (same bytes as the live release): only new raw values are looked for.
    const none = await scanForPersonalData([dir], { knownValues: [], allow: [], unchanged: () => true, newKnownValues: [] }, stats)
    expect(none).toEqual([])
    expect(stats).toEqual({ files: 2, scanned: 0, skipped: 2 })
    const fresh = await scanForPersonalData([dir], { knownValues: ['魏大勇'], allow: [], unchanged: () => true, newKnownValues: ['魏大勇'] })
    expect(fresh.map((f) => path.basename(f.file))).toEqual(['a.html'])
    // A changed file gets the full scan.
    const full = await scanForPersonalData([dir], { knownValues: ['魏大勇'], allow: [], unchanged: (f) => f.endsWith('a.html'), newKnownValues: [] })
    expect(full.map((f) => path.basename(f.file))).toEqual(['b.html'])
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
