/**
 * Plants a raw ID number, a mobile number and a raw household name in each kind of publishable
 * field and checks that each of the three gates stops it: (1) on save in the CMS, (2) on the
 * snapshot before the build, (3) on every file of the built release.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import zlib from 'node:zlib'
import { createLocalReq, type FlattenedField } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { today } from '../../cms/domain/clock'
import { storedDay } from '../../cms/domain/dates'
import { DEFAULT_DISCLOSURE_RULES } from '../../cms/domain/disclosure'
import { idCheckDigit } from '../../cms/domain/idNumber'
import { buildSnapshot } from '../../cms/export/exportSnapshot'
import { PUBLISHED_TEXT, publishedText, type PublishedTextSlug } from '../../cms/export/public'
import type { ProjectionContext } from '../../cms/export/public/context'
import { richTextToPublicHtml } from '../../cms/export/richText'
import { storeListDraft } from '../../cms/lists/storeList'
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
let admin: Awaited<ReturnType<typeof makeUser>>
let programme: string
let regions: Awaited<ReturnType<typeof makeRegions>>
const system = { disableAutoPublish: true, system: true }

beforeAll(async () => {
  t = await startTestPayload()
  await withCalendar(t.payload)
  regions = await makeRegions(t.payload)
  programme = await makeProgramme(t.payload)
  admin = await makeUser(t.payload, ['admin']) // the first account is always an admin
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
    // A precompressed copy is read decompressed (as raw bytes it hid the name and, being noise, once looked like an e-mail address).
    fs.writeFileSync(path.join(copy, 'planted.txt.br'), zlib.brotliCompressSync(Buffer.from(`据${RAW_NAME}反映`)))
    const photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).jpeg().withExifMerge({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 0/1 0/1' } } as never).toBuffer()
    fs.writeFileSync(path.join(copy, 'photo.jpg'), photo)

    const findings = await scanForPersonalData([copy], { knownValues: [RAW_NAME, RAW_ID], allow: [] })
    const files = new Set(findings.map((f) => path.basename(f.file)))
    expect([...files].sort()).toEqual(['photo.jpg', 'planted.csv', 'planted.html', 'planted.json', 'planted.txt.br', 'planted.xml', 'x.pf_fragment'])
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

// ---------------------------------------------------------------------------------------------
// Issue 13: what the save-time check scans is exactly what each projection publishes.

/** A resident's name and mobile, as an editor might paste them into any text field. */
const PLANT = '村民李四，电话 139 1234 5678'
type Path = Array<string | number>
const setAt = (obj: Record<string, unknown>, path: Path, value: unknown) => {
  const copy = structuredClone(obj)
  let at: Record<string | number, unknown> = copy
  for (const k of path.slice(0, -1)) {
    at[k] ??= typeof path[path.indexOf(k) + 1] === 'number' ? [] : {}
    at = at[k] as Record<string | number, unknown>
  }
  at[path[path.length - 1]] = value
  // Array rows get fresh ids from Payload on each new document.
  const strip = (v: unknown): void => {
    if (Array.isArray(v)) for (const item of v) if (item && typeof item === 'object') delete (item as { id?: unknown }).id
    if (v && typeof v === 'object') for (const x of Object.values(v)) if (typeof x === 'object') strip(x)
  }
  strip(copy)
  return copy
}

/** Every text a person can type into the document: text and textarea fields, and rich text paragraphs. */
function* textPaths(fields: FlattenedField[], data: Record<string, unknown> | undefined, prefix: Path): Generator<Path> {
  for (const f of fields) {
    const v = data?.[f.name]
    if ((f.type === 'text' || f.type === 'textarea') && !('hasMany' in f && f.hasMany)) yield [...prefix, f.name]
    else if (f.type === 'richText' && v) yield [...prefix, f.name, 'root', 'children', 0, 'children', 0, 'text']
    else if (f.type === 'array' && Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* textPaths(f.flattenedFields, v[i], [...prefix, f.name, i])
    else if (f.type === 'group' && v) yield* textPaths(f.flattenedFields, v as Record<string, unknown>, [...prefix, f.name])
  }
}

const localCtx: ProjectionContext = {
  asOf: today(),
  rules: DEFAULT_DISCLOSURE_RULES,
  programme: (ref) => (ref ? { code: 'p', publicityRequired: true } : null),
  regionCode: (ref) => (ref ? String(ref) : null),
  policy: (ref) => (ref ? { id: String(ref), title: '依据' } : null),
  richTextHtml: richTextToPublicHtml,
}
/** A field is exported when the text typed into it reaches the projection's output as typed. */
const reachesOutput = (slug: PublishedTextSlug, doc: Record<string, unknown>) =>
  publishedText(PUBLISHED_TEXT[slug].project(doc as never, localCtx), PUBLISHED_TEXT[slug].labels).some((t) => t.text.includes(PLANT))

describe('gate 1 covers every field each projection publishes (enumerated from the projections)', () => {
  const day = storedDay(today())
  const row = () => ({ id: rowId() })
  let serial = 0
  const cases: Array<{ slug: PublishedTextSlug; base: () => Promise<Record<string, unknown>> | Record<string, unknown>; collection?: 'policies' | 'policy-interpretations' | 'guides' | 'standards' | 'notices' | 'recipient-lists' | 'programmes' | 'complaint-categories' }> = [
    { slug: 'policies', collection: 'policies', base: () => ({ title: '政策', indexNumber: '11990199MB0000000X/2026-001', documentNumber: '测民发〔2026〕1号', issuer: '测试县民政局', writtenOn: day, publishedOn: day, validity: 'current', summary: '摘要', body: paragraphsToRichText(['正文']), changeNotes: [{ ...row(), on: day, note: '首次发布' }], internalRemarks: '内部备注' }) },
    {
      slug: 'policy-interpretations',
      collection: 'policy-interpretations',
      base: async () => {
        const policy = await t.payload.create({ collection: 'policies', overrideAccess: true, context: { disableAutoPublish: true, system: true, skipAudit: true }, data: { title: '被解读的政策', issuer: '测试县民政局', publishedOn: day, validity: 'current', _status: 'published' } as never })
        return { title: '解读', policy: policy.id, issuer: '测试县民政局', publishedOn: day, summary: '摘要', body: paragraphsToRichText(['正文']), changeNotes: [{ ...row(), on: day, note: '首次发布' }], internalRemarks: '内部备注' }
      },
    },
    { slug: 'guides', collection: 'guides', base: () => ({ title: '指南', programme, applicableTo: '本县居民', conditions: [{ ...row(), text: '条件' }], exclusions: [{ ...row(), text: '情形' }], materials: [{ ...row(), name: '申请书', note: '一份', required: true }], steps: [{ ...row(), title: '受理', actor: '乡镇', description: '说明', workingDays: 3 }], fee: '不收费', place: '甲镇便民服务中心', window: '社会救助窗口', hours: '工作日', consultPhone: '0999-6123456', supervisePhone: '0999-6123400', changeNotes: [{ ...row(), on: day, note: '更新' }], internalRemarks: '内部' }) },
    { slug: 'standards', collection: 'standards', base: () => ({ title: '标准', programme, region: regions.county, tier: '农村', amount: 1800, unit: 'person-year', effectiveFrom: day, internalRemarks: '内部' }) },
    { slug: 'notices', collection: 'notices', base: () => ({ title: '公示', programme, kind: 'apply', stage: 'village', region: regions.villageB, postedOn: day, objectionContact: '向乙镇民政办反映', entries: [{ ...row(), headName: '王小明', householdSize: 2, amount: 300, category: 'A类', village: regions.villageB }], changeNotes: [{ ...row(), on: day, note: '更正' }], withdrawnAt: day, withdrawReason: '名单有误撤回', batch: '第1批', internalRemarks: '内部' }) },
    {
      slug: 'recipient-lists',
      collection: 'recipient-lists',
      base: async () => {
        const req = await createLocalReq({ user: editor as never }, t.payload)
        const list = await storeListDraft(t.payload, { title: '乙镇名单', kind: 'disbursement', programmeId: programme, regionId: regions.townB, month: `2025-${String(1 + (serial++ % 12)).padStart(2, '0')}` }, [{ no: 1, headName: '赵大', householdSize: 1, amount: 100, villageId: regions.villageB }], req)
        return { id: list.id, title: '乙镇名单', withdrawnAt: day, withdrawReason: '重复发布撤回' }
      },
    },
    { slug: 'programmes', collection: 'programmes', base: () => ({ code: `p${rowId().slice(0, 8)}`, name: '教育救助', shortName: '教育', unit: 'person-time', description: '说明', publicityRequired: true }) },
    { slug: 'complaint-categories', collection: 'complaint-categories', base: () => ({ label: '其他', code: `c${rowId().slice(0, 8)}`, kind: 'other', description: '说明', acknowledgeDays: 15, acknowledgeUnit: 'calendar', resolveDays: 60, resolveUnit: 'calendar', extensionDays: 30 }) },
  ]
  const exportedPaths: Record<string, string[]> = {}
  const computed: string[] = []

  for (const c of cases) {
    it(`${c.slug}: a planted name and mobile in any exported field is refused, naming the field`, async () => {
      const base = await c.base()
      const fields = t.payload.collections[c.collection!].config.flattenedFields
      const paths = [...textPaths(fields, base, [])].filter((p) => reachesOutput(c.slug, setAt(base, p, PLANT)))
      exportedPaths[c.slug] = paths.map((p) => p.join('.'))
      expect(paths.length, 'the projection publishes some typed text').toBeGreaterThan(0)
      expect(reachesOutput(c.slug, base), 'the base document is clean').toBe(false)
      const drafts = Boolean(t.payload.collections[c.collection!].config.versions?.drafts)
      for (const p of paths) {
        const planted = setAt(base, p, PLANT)
        let err: Error | null
        if (c.collection === 'recipient-lists') {
          const { id, ...data } = planted
          await t.payload.update({ collection: 'recipient-lists', id: String(id), draft: true, user: editor as never, overrideAccess: false, context: { disableAutoPublish: true }, data: { ...data, _status: 'draft' } as never })
          err = await t.payload.update({ collection: 'recipient-lists', id: String(id), user: reviewer as never, overrideAccess: false, context: { disableAutoPublish: true }, data: { _status: 'published' } }).then(() => null, (e: Error) => e)
        } else if (drafts) {
          const draft = await t.payload.create({ collection: c.collection!, draft: true, user: editor as never, overrideAccess: false, context: { disableAutoPublish: true }, data: { ...planted, _status: 'draft' } as never })
          // A field the CMS computes (阶段名称, 公示期计算规则) keeps its computed value, which is what is scanned.
          if (!JSON.stringify(draft).includes(PLANT)) {
            computed.push(p.join('.'))
            continue
          }
          err = await t.payload.update({ collection: c.collection!, id: draft.id, user: reviewer as never, overrideAccess: false, context: { disableAutoPublish: true }, data: { _status: 'published' } }).then(() => null, (e: Error) => e)
        } else {
          err = await t.payload.create({ collection: c.collection!, user: admin as never, overrideAccess: false, context: { disableAutoPublish: true }, data: planted as never }).then(() => null, (e: Error) => e)
        }
        const where = p.join('.')
        expect(err?.message ?? `published with a planted ${where}`, where).toMatch(/隐私检查未通过|请只填写电话号码/)
        if (/隐私检查未通过/.test(err!.message)) expect(err!.message, where).toMatch(/字段“[^”]+”[^\n]*疑似手机号/)
        expect(err!.message, where).not.toContain('13912345678')
        expect(err!.message.replace(/\s/g, ''), where).not.toContain('13912345678')
      }
    }, 120_000)
  }

  it('enumerates the fields residents read (and skips the internal ones)', () => {
    expect(exportedPaths.policies).toEqual(expect.arrayContaining(['title', 'indexNumber', 'documentNumber', 'issuer', 'summary', 'body.root.children.0.children.0.text', 'changeNotes.0.note']))
    expect(exportedPaths['policy-interpretations']).toEqual(expect.arrayContaining(['title', 'issuer', 'summary', 'body.root.children.0.children.0.text', 'changeNotes.0.note']))
    expect(exportedPaths.guides).toEqual(expect.arrayContaining(['title', 'applicableTo', 'conditions.0.text', 'materials.0.note', 'steps.0.description', 'place', 'consultPhone', 'supervisePhone']))
    expect(exportedPaths.standards).toEqual(['tier'])
    expect(exportedPaths.notices).toEqual(expect.arrayContaining(['title', 'objectionContact', 'entries.0.category', 'withdrawReason', 'changeNotes.0.note']))
    expect(exportedPaths['recipient-lists']).toEqual(['title', 'withdrawReason'])
    expect(exportedPaths.programmes).toEqual(expect.arrayContaining(['name', 'shortName', 'description']))
    expect(exportedPaths['complaint-categories']).toEqual(expect.arrayContaining(['label', 'description']))
    for (const paths of Object.values(exportedPaths)) for (const p of paths) expect(p).not.toMatch(/internalRemarks|batch|headName|privacyFindings/)
    expect(computed.sort()).toEqual(['periodRule', 'stageLabel'])
  })

  it('the site settings refuse a resident in their contact fields', async () => {
    for (const field of ['bureauName', 'columnTitle', 'address', 'officeHours', 'complaintAddress', 'consultPhone', 'portalName']) {
      const err = await t.payload.updateGlobal({ slug: 'site-settings', user: admin as never, overrideAccess: false, data: { [field]: PLANT } }).then(() => null, (e: Error) => e)
      expect(err?.message, field).toMatch(/隐私检查未通过|请只填写电话号码/)
    }
  })

  it('an attachment title (the media alt text) is scanned with the policy that publishes it', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).png().toBuffer()
    const media = await t.payload.create({ collection: 'media', data: { alt: PLANT }, file: { data: png, name: 'a.png', mimetype: 'image/png', size: png.length }, user: editor as never, overrideAccess: false })
    const draft = await t.payload.create({ collection: 'policies', draft: true, user: editor as never, overrideAccess: false, context: { disableAutoPublish: true }, data: { title: '带附件的政策', issuer: '测试县民政局', publishedOn: day, validity: 'current', attachments: [media.id], _status: 'draft' } })
    const err = await t.payload.update({ collection: 'policies', id: draft.id, user: reviewer as never, overrideAccess: false, context: { disableAutoPublish: true }, data: { _status: 'published' } }).then(() => null, (e: Error) => e)
    expect(err?.message).toMatch(/字段“附件[^”]*”/)
  })
})

describe('the 异议受理方式 case: free text never whitelists personal data', () => {
  const contact = '对公示对象有异议的，请联系村民李四，电话 139 1234 5678'

  it('is refused at save with a Chinese message naming the field', async () => {
    const draft = await t.payload.create({ collection: 'notices', draft: true, user: editor as never, overrideAccess: false, context: { disableAutoPublish: true }, data: { title: '拟纳入公示', programme, kind: 'apply', stage: 'village', region: regions.villageB, postedOn: storedDay(today()), objectionContact: contact, entries: [], _status: 'draft' } })
    expect(draft.privacyFindings).toMatch(/字段“异议受理方式”.*疑似手机号（已打码：139\*\*\*\*5678）/)
    const err = await t.payload.update({ collection: 'notices', id: draft.id, user: reviewer as never, overrideAccess: false, context: { disableAutoPublish: true }, data: { _status: 'published' } }).then(() => null, (e: Error) => e)
    expect(err?.message).toMatch(/隐私检查未通过，不能发布：\n字段“异议受理方式”/)
    expect(err?.message).toContain('站点设置')
  })

  it('slipped past the CMS, it is stopped by the snapshot gate and adds nothing to the official contacts', async () => {
    const dir = path.join(t.dataDir, 'releases-objection')
    await publishRelease(t.payload, { dir })
    const doc = await t.payload.create({ collection: 'notices', context: system, data: { title: '拟纳入公示（二）', programme, kind: 'apply', stage: 'village', region: regions.villageB, postedOn: storedDay(today()), objectionContact: '向乙镇民政办反映', entries: [], _status: 'published' } })
    await t.payload.db.updateOne({ collection: 'notices', where: { id: { equals: doc.id } }, data: { objectionContact: contact } })
    const exported = await buildSnapshot(t.payload)
    expect(exported.officialContacts.join('|')).not.toContain('139')
    expect(exported.officialContacts.join('|')).not.toContain('李四')
    const err = await publishRelease(t.payload, { dir }).then(() => null, (e) => e)
    expect(err).toBeInstanceOf(PiiGateError)
    expect((err as PiiGateError).message).toMatch(/疑似手机号/)
    await t.payload.delete({ collection: 'notices', id: doc.id, context: system })
  }, 120_000)

  it('the release gate honours only validated contacts, whatever a caller passes as allowed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ygjz-allow-'))
    fs.writeFileSync(path.join(dir, 'a.html'), `<p>${contact}</p><p>监督电话 0999-6123400</p>`)
    const findings = await scanForPersonalData([dir], { knownValues: ['李四'], allow: [contact, '0999-6123400'] })
    expect(findings.map((f) => f.message).join('\n')).toMatch(/手机号/)
    expect(findings.some((f) => /名单中的真实姓名/.test(f.message))).toBe(true)
    expect(findings.some((f) => /固定电话/.test(f.message))).toBe(false)
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
