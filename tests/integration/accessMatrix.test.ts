/**
 * The access matrix: every collection × every role (and anonymous, and the system identities)
 * × read/create/update/delete, expected vs actual, through the same operations the REST and
 * GraphQL endpoints run (overrideAccess: false).
 */
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXPORTER_USER } from '../../cms/access/roles'
import { makeProgramme, makeRegions, makeUser, withCalendar } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

type Who = 'anonymous' | 'exporter' | 'admin' | 'editor' | 'reviewer' | 'officer'
const WHO: Who[] = ['anonymous', 'exporter', 'admin', 'editor', 'reviewer', 'officer']
/** read: 'all' = drafts too; 'published' = published only; 'some' = a subset (own account); 'none'. */
type Read = 'all' | 'published' | 'some' | 'none'
type Row = { read: Read; create: boolean; update: boolean; delete: boolean }
const r = (read: Read, create: boolean, update = create, del = create): Row => ({ read, create, update, delete: del })

const content = { anonymous: r('published', false), exporter: r('published', false), admin: r('all', true), editor: r('all', true), reviewer: r('all', true), officer: r('all', false) }
const reference = { anonymous: r('all', false), exporter: r('all', false), admin: r('all', true), editor: r('all', false), reviewer: r('all', false), officer: r('all', false) }
const staffOnly = { anonymous: r('none', false), exporter: r('none', false), admin: r('all', true), editor: r('all', true), reviewer: r('all', true), officer: r('all', false) }

const EXPECTED: Record<string, Record<Who, Row>> = {
  policies: content,
  guides: content,
  standards: content,
  notices: content,
  'recipient-lists': content,
  'recipient-rows': staffOnly,
  media: { ...staffOnly, exporter: r('all', false), officer: r('all', false) },
  programmes: reference,
  regions: reference,
  holidays: reference,
  'calendar-years': reference,
  users: { anonymous: r('none', false), exporter: r('none', false), admin: r('all', true), editor: r('some', false, true, false), reviewer: r('some', false, true, false), officer: r('some', false, true, false) },
  'audit-log': { anonymous: r('none', false), exporter: r('none', false), admin: r('all', false), editor: r('none', false), reviewer: r('none', false), officer: r('none', false) },
}

let t: TestPayload
let users: Record<Who, unknown>
let fx: { regions: Awaited<ReturnType<typeof makeRegions>>; programme: string; policy: string; list: string; png: Buffer }
const system = { disableAutoPublish: true, system: true }

/** Valid data for one new document of each collection (`n` keeps unique fields unique). */
function sample(slug: string, n: number): Record<string, unknown> {
  const { regions, programme, policy, list } = fx
  switch (slug) {
    case 'policies':
      return { title: `政策${n}`, issuer: '测试县民政局', publishedOn: '2026-03-01T04:00:00.000Z', validity: 'current' }
    case 'guides':
      return { title: `指南${n}`, programme, applicableTo: '本县居民', fee: '不收费' }
    case 'standards':
      return { title: `标准${n}`, programme, region: regions.county, amount: 300, unit: 'person-month', effectiveFrom: '2026-01-01T04:00:00.000Z', policy }
    case 'notices':
      return { title: `公示${n}`, programme, kind: 'apply', stage: 'village', region: regions.villageA, postedOn: '2026-11-02T04:00:00.000Z', objectionContact: '向甲镇民政办反映', entries: [] }
    case 'recipient-lists':
      return { title: `名单${n}`, kind: 'disbursement', programme, region: regions.townA, month: `${2000 + n}-01`, importStatus: 'complete' }
    case 'recipient-rows':
      return { list, no: n, headName: '测试户主', householdSize: 2, amount: 300, village: regions.villageA, region: regions.townA }
    case 'programmes':
      return { code: `prog-${n}`, name: `类别${n}`, shortName: `类${n}`, unit: 'person-month' }
    case 'regions':
      return { code: `990199003${String(n).padStart(3, '0')}`, name: `村${n}`, level: 'village', parent: regions.townA }
    case 'holidays':
      return { date: `2026-12-${String((n % 28) + 1).padStart(2, '0')}`, kind: 'off', name: '测试' }
    case 'calendar-years':
      return { year: 2030 + (n % 70), published: false }
    case 'users':
      return { email: `new${n}@example.com`, password: 'test-password-long-1', name: `新用户${n}`, roles: ['editor'] }
    case 'audit-log':
      return { at: new Date().toISOString(), action: 'view', targetCollection: 'policies' }
    case 'media':
      return { alt: `图${n}` }
    default:
      throw new Error(slug)
  }
}

let counter = 0
async function createAsSystem(payload: Payload, slug: string, status?: 'draft' | 'published') {
  counter++
  const data = { ...sample(slug, counter), ...(status ? { _status: status } : {}) }
  const file = slug === 'media' ? { data: fx.png, mimetype: 'image/png', name: `t${counter}.png`, size: fx.png.length } : undefined
  return payload.create({ collection: slug as 'policies', data: data as never, draft: status === 'draft', context: system, overrideAccess: true, file })
}

beforeAll(async () => {
  t = await startTestPayload()
  await withCalendar(t.payload)
  const regions = await makeRegions(t.payload)
  const programme = await makeProgramme(t.payload)
  const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).png().toBuffer()
  fx = { regions, programme, policy: '', list: '', png }
  fx.policy = String((await createAsSystem(t.payload, 'policies', 'published')).id)
  fx.list = String((await createAsSystem(t.payload, 'recipient-lists', 'draft')).id)
  users = {
    anonymous: undefined,
    exporter: EXPORTER_USER,
    admin: await makeUser(t.payload, ['admin']),
    editor: await makeUser(t.payload, ['editor']),
    reviewer: await makeUser(t.payload, ['reviewer']),
    officer: await makeUser(t.payload, ['complaintOfficer']),
  }
}, 120_000)
afterAll(async () => {
  await t?.close()
})

const allowed = (p: Promise<unknown>) => p.then(() => true, (e: Error) => {
  if (/not allowed|无权|Forbidden|未找到|Not Found|找不到/i.test(`${e.name} ${e.message}`)) return false
  throw e
})

describe('access matrix', () => {
  for (const [slug, expectations] of Object.entries(EXPECTED)) {
    it(`${slug}: read/create/update/delete for every role`, async () => {
      const versioned = ['policies', 'guides', 'standards', 'notices', 'recipient-lists'].includes(slug)
      const published = slug === 'audit-log' ? null : await createAsSystem(t.payload, slug, versioned ? 'published' : undefined)
      const draft = versioned ? await createAsSystem(t.payload, slug, 'draft') : null
      if (slug === 'audit-log') {
        await t.payload.create({ collection: 'audit-log', data: sample('audit-log', 0) as never, overrideAccess: true })
      }
      const actual: Record<string, Row> = {}
      for (const who of WHO) {
        const as = { user: users[who] as never, overrideAccess: false }
        // read
        let read: Read
        const found = await t.payload
          .find({ collection: slug as 'policies', ...as, draft: true, pagination: false, depth: 0 })
          .then((res) => res.docs.map((d) => String(d.id)), () => null)
        if (found === null || found.length === 0) read = 'none'
        else if (draft && found.includes(String(draft.id))) read = 'all'
        else if (draft) read = 'published'
        else if (slug === 'users') {
          const total = (await t.payload.count({ collection: 'users', overrideAccess: true })).totalDocs
          read = found.length === total ? 'all' : 'some'
        } else read = 'all'
        // create
        counter++
        const file = slug === 'media' ? { data: fx.png, mimetype: 'image/png', name: `c${counter}.png`, size: fx.png.length } : undefined
        const create = await allowed(
          t.payload.create({ collection: slug as 'policies', data: { ...sample(slug, counter), ...(versioned ? { _status: 'draft' } : {}) } as never, draft: versioned, context: { disableAutoPublish: true }, file, ...as }),
        )
        // update (a harmless field), delete (a fresh document each time)
        const target = slug === 'users' ? String((users[who] as { id?: string } | undefined)?.id ?? (users.admin as { id: string }).id) : String((draft ?? published ?? (await t.payload.find({ collection: 'audit-log', limit: 1, overrideAccess: true })).docs[0]).id)
        const patch: Record<string, unknown> =
          slug === 'users' ? { name: '改名' } : slug === 'audit-log' ? { summary: '篡改' } : slug === 'media' ? { alt: '改' } : slug === 'regions' || slug === 'programmes' ? { name: '改名' } : slug === 'holidays' ? { name: '改名' } : slug === 'calendar-years' ? { source: '改' } : slug === 'recipient-rows' ? { amount: 301 } : { title: '改标题' }
        const update = await allowed(t.payload.update({ collection: slug as 'policies', id: target, data: patch as never, draft: versioned, context: { disableAutoPublish: true }, ...as }))
        const victim = slug === 'audit-log' ? target : slug === 'users' ? String((await makeUser(t.payload, ['editor'])).id) : String((await createAsSystem(t.payload, slug, versioned ? 'draft' : undefined)).id)
        const del = await allowed(t.payload.delete({ collection: slug as 'policies', id: victim, context: { disableAutoPublish: true }, ...as }))
        actual[who] = { read, create, update, delete: del }
      }
      expect(actual).toEqual(expectations)
    }, 120_000)
  }

  it('site settings: everyone reads, only admins change', async () => {
    for (const who of WHO) {
      const as = { user: users[who] as never, overrideAccess: false }
      expect(await allowed(t.payload.findGlobal({ slug: 'site-settings', ...as }))).toBe(true)
      expect(await allowed(t.payload.updateGlobal({ slug: 'site-settings', data: { officeHours: '工作日' }, ...as }))).toBe(who === 'admin')
    }
  })

  it('anonymous callers never see notice entries, internal remarks or review fields', async () => {
    const n = await createAsSystem(t.payload, 'notices', 'published')
    await t.payload.update({ collection: 'notices', id: n.id, context: system, overrideAccess: true, data: { internalRemarks: '内部', entries: [{ headName: '王五', householdSize: 1, village: fx.regions.villageA }] } })
    const anon = await t.payload.findByID({ collection: 'notices', id: n.id, overrideAccess: false })
    // A read-denied array comes back empty (Payload's shape), never with rows.
    expect(anon.entries ?? []).toEqual([])
    expect(JSON.stringify(anon)).not.toContain('王五')
    expect(anon).not.toHaveProperty('internalRemarks')
    expect(anon).not.toHaveProperty('lastEditedBy')
    const exporter = await t.payload.findByID({ collection: 'notices', id: n.id, overrideAccess: false, user: EXPORTER_USER as never })
    expect(exporter.entries).toHaveLength(1)
    expect(exporter).not.toHaveProperty('internalRemarks')
  })
})
