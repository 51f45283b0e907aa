/**
 * The access matrix, generated from the Payload config: every collection (Payload's own included)
 * × every operation it has (read, readVersions, create, update, delete, restore-version, unlock,
 * schedule) × every identity and region, through the Local API, REST and GraphQL alike, expected vs
 * actual. A collection added later without an entry in EXPECTED, or whose access block was not built
 * by collectionAccess, fails here.
 *
 * Fixtures are labelled: `A`/`B` are records in township A / township B (the editor works in A only),
 * `pub`/`draft` are a published and a draft record. An answer lists the labels the identity can read
 * (or change); `true`/`false` are yes/no operations.
 */
import { configToSchema } from '@payloadcms/graphql'
import { createLocalReq, restoreVersionOperation, type Payload, type SanitizedCollectionConfig } from 'payload'
import * as qs from 'qs-esm'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COLLECTION_OPERATIONS, isBuiltBlock } from '../../cms/access'
import { EXPORTER_USER } from '../../cms/access/roles'
import { PUBLIC_FORM_USER } from '../../cms/complaints/publicKey'
import { reviewedSchedulePublish } from '../../cms/publish/scheduledPublish'
import { gql, rest, type Door } from '../helpers/api'
import { makeProgramme, makeRegions, makeUser, withCalendar } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

const WHO = ['anonymous', 'exporter', 'publicForm', 'admin', 'reviewer', 'editorA', 'officer', 'gated'] as const
type Who = (typeof WHO)[number]
type Label = 'A' | 'B' | 'pub' | 'draft' | 'one'
type Op = 'read' | 'readVersions' | 'create' | 'update' | 'delete' | 'restore' | 'restorePublished' | 'unlock' | 'schedule'
type Answer = Label[] | boolean
type Row = Partial<Record<Op, Answer>>

const none: Label[] = []
const every = <T,>(v: T): Record<Who, T> => Object.fromEntries(WHO.map((w) => [w, v])) as Record<Who, T>
/** One expectation per identity, starting from "nothing" and overriding who may. */
const sorted = (row: Row): Row => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Array.isArray(v) ? [...v].sort() : v]))
const table = (over: Partial<Record<Who, Row>>, base: Row): Record<Who, Row> =>
  Object.fromEntries(WHO.map((w) => [w, sorted({ ...base, ...(over[w] ?? {}) })])) as Record<Who, Row>

const closed: Row = { read: none, readVersions: none, create: false, update: none, delete: none, restore: false, restorePublished: false, schedule: false, unlock: false }
const staffReadAll = (labels: Label[]): Row => ({ read: labels })

/** County-wide content with drafts (policies, guides): editors draft, reviewers too; deletes of what was public need a second person. */
const countyContent = table(
  {
    anonymous: { read: ['pub'] },
    exporter: { read: ['pub'] },
    publicForm: { read: ['pub'] },
    admin: { read: ['pub', 'draft'], readVersions: ['pub', 'draft'], create: true, update: ['pub', 'draft'], delete: ['pub', 'draft'], restore: true, schedule: true },
    reviewer: { read: ['pub', 'draft'], readVersions: ['pub', 'draft'], create: true, update: ['pub', 'draft'], delete: ['pub', 'draft'], restore: true, schedule: true },
    // An editor may delete a draft that never went public, not the published one.
    editorA: { read: ['pub', 'draft'], readVersions: ['pub', 'draft'], create: true, update: ['pub', 'draft'], delete: ['draft'], restore: true, schedule: false },
    officer: { read: ['pub', 'draft'], readVersions: ['pub', 'draft'] },
  },
  closed,
)

/** Region-scoped content (notices, lists, standards): the township editor sees and changes township A only. */
const regionContent = (publicSees: Label[]) =>
  table(
    {
      anonymous: { read: publicSees },
      exporter: { read: publicSees },
      publicForm: { read: publicSees },
      admin: { read: ['A', 'B', 'pub'], readVersions: ['A', 'B', 'pub'], create: true, update: ['A', 'B', 'pub'], delete: ['A', 'B', 'pub'], restore: true, schedule: true },
      reviewer: { read: ['A', 'B', 'pub'], readVersions: ['A', 'B', 'pub'], create: true, update: ['A', 'B', 'pub'], delete: ['A', 'B', 'pub'], restore: true, schedule: true },
      editorA: { read: ['A'], readVersions: ['A'], create: true, update: ['A'], delete: ['A'], restore: true, schedule: false },
      officer: { read: ['A', 'B', 'pub'], readVersions: ['A', 'B', 'pub'] },
    },
    closed,
  )

const reference = table({ ...Object.fromEntries(WHO.filter((w) => w !== 'gated').map((w) => [w, { read: ['one'] }])), admin: { read: ['one'], create: true, update: ['one'], delete: ['one'] } }, closed)

const EXPECTED: Record<string, Record<Who, Row>> = {
  policies: countyContent,
  'policy-interpretations': countyContent,
  guides: countyContent,
  // Standards hold no personal data: all staff read every one; writes and versions stay in the region.
  standards: { ...regionContent(['pub']), editorA: sorted({ ...regionContent(['pub']).editorA, read: ['A', 'B', 'pub'] }) },
  notices: regionContent(['pub']),
  // A published list is withdrawn (a reviewed change) before anyone may delete it (cms/lists/takeDown.ts);
  // deleting the withdrawn list then needs a second person (tests/integration/takeDown.test.ts).
  'recipient-lists': (() => {
    const base = regionContent(['pub'])
    return { ...base, admin: sorted({ ...base.admin, delete: ['A', 'B'] }), reviewer: sorted({ ...base.reviewer, delete: ['A', 'B'] }) }
  })(),
  // Rows are written only by the import's row store: no identity creates, changes or deletes one.
  'recipient-rows': table({ admin: staffReadAll(['A', 'B']), reviewer: staffReadAll(['A', 'B']), editorA: { read: ['A'] }, officer: staffReadAll(['A', 'B']) }, closed),
  'import-mappings': table(
    {
      admin: { read: ['A', 'B'], create: true, update: ['A', 'B'], delete: ['A', 'B'] },
      reviewer: { read: ['A', 'B'], create: true, update: ['A', 'B'], delete: ['A', 'B'] },
      editorA: { read: ['A'], create: true, update: ['A'], delete: ['A'] },
      officer: { read: ['A', 'B'] },
    },
    closed,
  ),
  media: table(
    {
      exporter: { read: ['A', 'B'] },
      admin: { read: ['A', 'B'], create: true, update: ['A', 'B'], delete: ['A', 'B'] },
      reviewer: { read: ['A', 'B'], create: true, update: ['A', 'B'], delete: ['A', 'B'] },
      editorA: { read: ['A', 'B'], create: true, update: ['A'], delete: ['A'] },
      officer: { read: ['A', 'B'] },
    },
    closed,
  ),
  programmes: reference,
  regions: reference,
  holidays: reference,
  'calendar-years': reference,
  'complaint-categories': reference,
  complaints: table({ publicForm: { create: true }, admin: { read: ['one'], create: true, update: ['one'] }, officer: { read: ['one'], create: true, update: ['one'] } }, closed),
  'complaint-files': table({ publicForm: { create: true }, admin: { read: ['one'], create: true, delete: ['one'] }, officer: { read: ['one'], create: true } }, closed),
  'reply-templates': table({ admin: { read: ['one'], create: true, update: ['one'], delete: ['one'] }, officer: { read: ['one'], create: true, update: ['one'], delete: ['one'] } }, closed),
  // `one` is another account; everyone reads and edits only themselves (not probed here), admins every account.
  users: table({ admin: { read: ['one'], create: true, update: ['one'], delete: ['one'], unlock: true } }, closed),
  'audit-log': table({ admin: { read: ['one'] } }, closed),
  // Runs of the daily tasks: written by the task runner only; admins read them and may clear one.
  'scheduled-runs': table({ admin: { read: ['one'], delete: ['one'] } }, closed),
  'payload-jobs': every(closed),
  'payload-kv': every(closed),
  'payload-migrations': table({ admin: { read: ['one'] } }, closed),
  'payload-locked-documents': table({ admin: { read: ['one'], create: true, update: ['one'], delete: ['one'] }, reviewer: { read: ['one'], create: true, update: ['one'], delete: ['one'] }, editorA: { read: ['one'], create: true, update: ['one'], delete: ['one'] }, officer: { read: ['one'], create: true, update: ['one'], delete: ['one'] } }, closed),
  // Preferences belong to their account: `one` is another account's, which nobody reads.
  'payload-preferences': table({ admin: { create: true }, reviewer: { create: true }, editorA: { create: true }, officer: { create: true } }, closed),
}

let t: TestPayload
let door: Door
let fx: { regions: Awaited<ReturnType<typeof makeRegions>>; programme: string; policy: string; listA: string; listB: string; category: string; png: Buffer }
const users: Partial<Record<Who, Record<string, unknown>>> = {}
const tokens: Partial<Record<Who, string>> = {}
const system = { disableAutoPublish: true, system: true, skipAudit: true }
let n = 0
let years = 0

/** Valid data for a new record of each collection, in township A or B where it has a region. */
function sample(slug: string, side: 'A' | 'B' = 'A'): Record<string, unknown> {
  n++
  const { regions, programme, policy } = fx
  const town = side === 'A' ? regions.townA : regions.townB
  const village = side === 'A' ? regions.villageA : regions.villageB
  switch (slug) {
    case 'policies':
      return { title: `政策${n}`, issuer: '测试县民政局', publishedOn: '2026-03-01T04:00:00.000Z', validity: 'current' }
    case 'policy-interpretations':
      return { title: `解读${n}`, policy, issuer: '测试县民政局', publishedOn: '2026-03-01T04:00:00.000Z' }
    case 'guides':
      return { title: `指南${n}`, programme, applicableTo: '本县居民', fee: '不收费' }
    case 'standards':
      return { title: `标准${n}`, programme, region: town, amount: 300, unit: 'person-month', effectiveFrom: '2026-01-01T04:00:00.000Z', policy }
    case 'notices':
      return { title: `公示${n}`, programme, kind: 'apply', stage: 'village', region: village, postedOn: '2026-11-02T04:00:00.000Z', objectionContact: '向镇民政办反映', entries: [] }
    case 'recipient-lists':
      return { title: `名单${n}`, kind: 'disbursement', programme, region: town, month: `${2000 + n}-01`, importStatus: 'complete' }
    case 'recipient-rows':
      return { list: side === 'A' ? fx.listA : fx.listB, no: n, headName: '测试户主', householdSize: 2, amount: 300, village, region: town }
    case 'import-mappings':
      return { label: `对应${n}`, region: town, target: 'list', columns: { headName: '户主姓名' } }
    case 'media':
      return { alt: `图${n}`, region: town }
    case 'programmes':
      return { code: `prog-${n}`, name: `类别${n}`, shortName: `类${n}`, unit: 'person-month' }
    case 'regions':
      return { code: `990199003${String(n).padStart(3, '0')}`, name: `村${n}`, level: 'village', parent: regions.townA }
    case 'holidays':
      return { date: new Date(Date.UTC(2031, 0, 1) + n * 86_400_000).toISOString().slice(0, 10), kind: 'off', name: '测试' }
    case 'calendar-years':
      return { year: 2030 + ++years, published: false }
    case 'complaint-categories':
      return { label: `类别${n}`, code: `cat-${n}`, kind: 'complaint', acknowledgeDays: 15, acknowledgeUnit: 'calendar', resolveDays: 60, resolveUnit: 'calendar', extensionDays: 30 }
    case 'complaints':
      return { kind: 'complaint', category: fx.category, content: '测试反映内容，足够长的一段话。', anonymous: true }
    case 'complaint-files':
      return { note: `附件${n}` }
    case 'reply-templates':
      return { title: `模板${n}`, body: '答复内容' }
    case 'users':
      return { email: `matrix${n}@example.com`, password: 'test-password-long-1', name: `矩阵用户${n}`, roles: ['editor'] }
    case 'audit-log':
      return { at: new Date().toISOString(), action: 'view', targetCollection: 'policies' }
    case 'payload-locked-documents':
      return { document: { relationTo: 'policies', value: fx.policy }, globalSlug: null, user: { relationTo: 'users', value: String(users.admin!.id) } }
    case 'payload-preferences':
      return { key: `pref-${n}`, user: { relationTo: 'users', value: String(users.admin!.id) }, value: { a: 1 } }
    case 'payload-kv':
      return { key: `kv-${n}`, data: { a: 1 } }
    case 'payload-jobs':
      return { taskSlug: 'schedulePublish', input: {} }
    case 'payload-migrations':
      return { name: `m${n}`, batch: 1 }
    case 'scheduled-runs':
      return { key: `matrix:${n}`, task: 'matrix', day: '2026-12-01', status: 'done' }
    default:
      throw new Error(`没有 ${slug} 的样例数据：新集合请在 accessMatrix.test.ts 中补上样例和期望。`)
  }
}

const isUpload = (c: SanitizedCollectionConfig) => Boolean(c.upload)
const fileFor = (c: SanitizedCollectionConfig) => (isUpload(c) ? { data: fx.png, mimetype: 'image/png', name: `m${n}.png`, size: fx.png.length } : undefined)
const versioned = (c: SanitizedCollectionConfig) => Boolean(c.versions?.drafts)
const regional = (c: SanitizedCollectionConfig) => c.flattenedFields.some((f) => f.name === 'region') && c.slug !== 'complaints'

async function createAsSystem(c: SanitizedCollectionConfig, side: 'A' | 'B', status?: 'draft' | 'published') {
  const data = { ...sample(c.slug, side), ...(status ? { _status: status } : {}) }
  const doc = await t.payload.create({ collection: c.slug as 'policies', data: data as never, draft: status === 'draft', context: system, overrideAccess: true, file: fileFor(c) as never })
  return String(doc.id)
}

/** The labelled records each collection is probed with. */
async function fixturesFor(c: SanitizedCollectionConfig): Promise<Partial<Record<Label, string>>> {
  if (c.slug === 'users') return { one: String((await makeUser(t.payload, ['editor'])).id) }
  if (versioned(c) && regional(c)) return { A: await createAsSystem(c, 'A', 'draft'), B: await createAsSystem(c, 'B', 'draft'), pub: await createAsSystem(c, 'B', 'published') }
  if (versioned(c)) return { pub: await createAsSystem(c, 'A', 'published'), draft: await createAsSystem(c, 'A', 'draft') }
  if (regional(c)) return { A: await createAsSystem(c, 'A'), B: await createAsSystem(c, 'B') }
  if (c.slug === 'payload-preferences') {
    const other = await makeUser(t.payload, ['editor'])
    const doc = await t.payload.create({ collection: 'payload-preferences', data: { key: `other-${n++}`, user: { relationTo: 'users', value: String(other.id) }, value: {} } as never, user: other as never, overrideAccess: true })
    return { one: String(doc.id) }
  }
  return { one: await createAsSystem(c, 'A') }
}

const allowed = (p: Promise<unknown>) =>
  p.then(
    () => true,
    (e: Error & { status?: number }) => {
      if ([401, 403, 404].includes(e.status ?? 0) || /not allowed|无权|Forbidden|未找到|Not Found|找不到|两人审核|经办人不能|不能直接删除/i.test(`${e.name} ${e.message}`)) return false
      throw e
    },
  )

const labelsOf = (fixtures: Partial<Record<Label, string>>, ids: string[]) =>
  (Object.entries(fixtures) as [Label, string][]).filter(([, id]) => ids.includes(id)).map(([l]) => l).sort()

const patchFor = (slug: string): Record<string, unknown> =>
  ({ users: { name: '改名' }, media: { alt: '改' }, regions: { name: '改名' }, programmes: { name: '改名' }, holidays: { name: '改名' }, 'calendar-years': { source: '改' }, 'recipient-rows': { amount: 99999 },
    'import-mappings': { label: '改' }, complaints: { publicReply: '改' }, 'complaint-files': { note: '改' }, 'reply-templates': { title: '改' }, 'complaint-categories': { description: '改' },
    'audit-log': { summary: '篡改' }, 'payload-locked-documents': { globalSlug: 'x' }, 'payload-preferences': { value: { b: 2 } }, 'payload-kv': { data: { b: 2 } }, 'payload-jobs': { processing: true }, 'payload-migrations': { batch: 2 }, 'scheduled-runs': { status: 'failed' } })[slug] ?? { title: '改标题' }

const userOf = (who: Who) => users[who] as never

/** Local API: the operations REST and GraphQL run, with access enforced. */
async function probeLocal(c: SanitizedCollectionConfig, who: Who, fixtures: Partial<Record<Label, string>>): Promise<Row> {
  const as = { user: userOf(who), overrideAccess: false, context: { disableAutoPublish: true } } as const
  const slug = c.slug as 'policies'
  const ids = Object.values(fixtures) as string[]
  const out: Row = {}
  const found = await t.payload.find({ collection: slug, ...as, where: { id: { in: ids } }, draft: true, pagination: false, depth: 0 }).then((r) => r.docs.map((d) => String(d.id)), () => [])
  out.read = labelsOf(fixtures, found)
  if (versioned(c)) {
    const versions = await t.payload.findVersions({ collection: slug, ...as, where: { parent: { in: ids } }, limit: 200, depth: 0 }).then((r) => r.docs.map((d) => String(d.parent)), () => [])
    out.readVersions = labelsOf(fixtures, [...new Set(versions)])
  } else out.readVersions = none
  out.create = await allowed(t.payload.create({ collection: slug, ...as, data: { ...sample(c.slug), ...(versioned(c) ? { _status: 'draft' } : {}) } as never, draft: versioned(c), file: fileFor(c) as never }))
  const updated: Label[] = []
  const deleted: Label[] = []
  for (const [label, id] of Object.entries(fixtures) as [Label, string][]) {
    if (await allowed(t.payload.update({ collection: slug, id, ...as, data: patchFor(c.slug) as never, draft: versioned(c) }))) updated.push(label)
    // Each delete probe gets a fresh twin of the fixture (same region and status).
    const twin = c.slug === 'users' ? String((await makeUser(t.payload, ['editor'])).id) : label === 'one' && c.slug === 'payload-preferences' ? (await fixturesFor(c)).one! : await createAsSystem(c, label === 'B' || label === 'pub' ? 'B' : 'A', versioned(c) ? (label === 'pub' ? 'published' : 'draft') : undefined)
    if (await allowed(t.payload.delete({ collection: slug, id: twin, ...as }))) deleted.push(label)
  }
  out.update = updated.sort()
  out.delete = deleted.sort()
  if (versioned(c)) {
    const target = fixtures.A ?? fixtures.draft!
    const version = (await t.payload.findVersions({ collection: slug, where: { parent: { equals: target } }, limit: 1, overrideAccess: true })).docs[0]
    // Restoring an old version is an edit when it lands as a draft (whoever may edit the record may do
    // it; the draft then goes through review like any other), and is refused to everyone when it would
    // go public at once: restore-and-publish in one step would publish content nobody reviewed
    // (cms/domain/twoPerson.ts). Payload's Local API drops `draft` for restoreVersion (3.90), so the
    // operation REST and GraphQL run is called directly.
    const restore = async (draft: boolean) =>
      allowed(restoreVersionOperation({ collection: t.payload.collections[slug], id: String(version.id), draft, overrideAccess: false, req: await reqFor(who, { disableAutoPublish: true }) } as never))
    out.restore = await restore(true)
    out.restorePublished = await restore(false)
    // Scheduling is the reviewer's act, on a draft the township editor prepared.
    const fresh = String((await t.payload.create({ collection: slug, data: { ...sample(c.slug, 'A'), _status: 'draft' } as never, draft: true, user: userOf('editorA'), overrideAccess: true, context: { disableAutoPublish: true } })).id)
    const user = users[who]
    const result = user
      ? await reviewedSchedulePublish({ req: await reqFor(who), type: 'publish', date: new Date(Date.now() + 3_600_000), doc: { relationTo: c.slug, value: fresh } })
      : { error: 'anonymous' }
    out.schedule = !result.error
  } else {
    out.restore = false
    out.restorePublished = false
    out.schedule = false
  }
  if (c.auth) {
    const other = await makeUser(t.payload, ['editor'])
    out.unlock = await allowed(t.payload.unlock({ collection: 'users', data: { email: other.email }, ...as } as never))
  } else out.unlock = false
  return out
}

async function reqFor(who: Who, context: Record<string, unknown> = {}) {
  return createLocalReq({ user: userOf(who), context }, t.payload)
}

/** REST: the same questions over HTTP handlers, authenticated by a login token. */
async function probeRest(c: SanitizedCollectionConfig, who: Who, fixtures: Partial<Record<Label, string>>): Promise<Row> {
  const token = tokens[who]
  const headers = who === 'publicForm' || who === 'exporter' ? null : { token }
  const ids = Object.values(fixtures) as string[]
  const out: Row = {}
  if (!headers) return out // system identities have no HTTP login; their REST doors are the public-form endpoints
  if (c.endpoints === false) return out // Payload serves this collection over the Local API only
  const get = async (path: string) => {
    const res = await rest(door, 'GET', path, headers)
    return res.ok ? ((await res.json()) as { docs: { id: string; parent?: string }[] }).docs : []
  }
  out.read = labelsOf(fixtures, (await get(`/${c.slug}?${qs.stringify({ where: { id: { in: ids } }, draft: true, depth: 0, limit: 100 })}`)).map((d) => String(d.id)))
  out.readVersions = versioned(c)
    ? labelsOf(fixtures, (await get(`/${c.slug}/versions?${qs.stringify({ where: { parent: { in: ids } }, depth: 0, limit: 200 })}`)).map((d) => String(d.parent)))
    : none
  if (!isUpload(c)) {
    const res = await rest(door, 'POST', `/${c.slug}${versioned(c) ? '?draft=true' : ''}`, { ...headers, body: { ...sample(c.slug), ...(versioned(c) ? { _status: 'draft' } : {}) } })
    out.create = res.status === 201 || res.status === 200
  }
  const updated: Label[] = []
  for (const [label, id] of Object.entries(fixtures) as [Label, string][]) {
    const res = await rest(door, 'PATCH', `/${c.slug}/${id}${versioned(c) ? '?draft=true' : ''}`, { ...headers, body: patchFor(c.slug) })
    if (res.ok) updated.push(label)
  }
  out.update = updated.sort()
  if (c.auth) {
    const other = await makeUser(t.payload, ['editor'])
    out.unlock = (await rest(door, 'POST', `/${c.slug}/unlock`, { ...headers, body: { email: other.email } })).ok
  }
  return out
}

/** GraphQL: list and versions queries, a create mutation, unlock. */
async function probeGraphQL(c: SanitizedCollectionConfig, who: Who, fixtures: Partial<Record<Label, string>>, names: GqlNames | undefined): Promise<Row> {
  const token = tokens[who]
  if (!names || (!token && who !== 'anonymous')) return {}
  const call = { token }
  const ids = JSON.stringify(Object.values(fixtures))
  const out: Row = {}
  const list = await gql(door, `{ r: ${names.plural}(where: { id: { in: ${ids} } }, draft: true, limit: 100) { docs { id } } }`, call)
  out.read = labelsOf(fixtures, (list.data?.r?.docs ?? []).map((d: { id: string }) => String(d.id)))
  if (names.versions) {
    const v = await gql(door, `{ r: ${names.versions}(where: { parent: { in: ${ids} } }, limit: 200) { docs { parent { id } } } }`, call)
    out.readVersions = labelsOf(fixtures, (v.data?.r?.docs ?? []).map((d: { parent?: { id: string } }) => String(d.parent?.id)))
  }
  // Payload adds the unlock mutation only where accounts lock (maxLoginAttempts > 0; not on FerretDB): no door, nothing to probe.
  if (c.auth && names.unlock) {
    const other = await makeUser(t.payload, ['editor'])
    const res = await gql(door, `mutation { r: unlock${names.singular}(email: ${JSON.stringify(other.email)}) }`, call)
    out.unlock = Boolean(res.data?.r) && !res.errors
  }
  return out
}

type GqlNames = { singular: string; plural: string; versions?: string; unlock?: boolean }
function graphQLNames(payload: Payload): Record<string, GqlNames> {
  const { schema } = configToSchema(payload.config)
  const fields = Object.keys(schema.getQueryType()!.getFields())
  const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {})
  const out: Record<string, GqlNames> = {}
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '')
  for (const f of fields.filter((x) => x.startsWith('docAccess'))) {
    const singular = f.slice('docAccess'.length)
    const plural = [`${singular}s`, `${singular.slice(0, -1)}ies`, `all${singular}`].find((p) => fields.includes(p))
    if (!plural) continue
    const c = payload.config.collections.find((x) => norm(x.slug) === norm(singular) || norm(x.slug) === norm(plural))
    if (c) out[c.slug] = { singular, plural, versions: fields.includes(`versions${plural}`) ? `versions${plural}` : undefined, unlock: mutations.includes(`unlock${singular}`) }
  }
  return out
}

beforeAll(async () => {
  t = await startTestPayload()
  door = { payload: t.payload, key: t.dataDir }
  await withCalendar(t.payload)
  const regions = await makeRegions(t.payload)
  const programme = await makeProgramme(t.payload)
  const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).png().toBuffer()
  fx = { regions, programme, policy: '', listA: '', listB: '', png } as typeof fx
  users.admin = await makeUser(t.payload, ['admin'])
  const policies = t.payload.collections.policies.config
  fx.policy = await createAsSystem(policies, 'A', 'published')
  const lists = t.payload.collections['recipient-lists'].config
  fx.listA = await createAsSystem(lists, 'A', 'draft')
  fx.listB = await createAsSystem(lists, 'B', 'draft')
  fx.category = String((await t.payload.create({ collection: 'complaint-categories', data: sample('complaint-categories') as never, overrideAccess: true, context: system })).id)
  users.exporter = EXPORTER_USER as never
  users.publicForm = PUBLIC_FORM_USER as never
  users.reviewer = await makeUser(t.payload, ['reviewer'])
  users.editorA = await makeUser(t.payload, ['editor'], [regions.townA])
  users.officer = await makeUser(t.payload, ['complaintOfficer'])
  const gatedUser = await makeUser(t.payload, ['admin'])
  await t.payload.update({ collection: 'users', id: gatedUser.id, data: { mustChangePassword: true } as never, overrideAccess: true, context: system })
  users.gated = { ...gatedUser, mustChangePassword: true }
  for (const who of ['admin', 'reviewer', 'editorA', 'officer', 'gated'] as const) {
    const u = users[who] as { email: string }
    tokens[who] = (await t.payload.login({ collection: 'users', data: { email: u.email, password: 'test-password-long-1' } })).token
  }
}, 180_000)
afterAll(async () => {
  await t?.close()
})

describe('access matrix (generated from the Payload config)', () => {
  it('every collection has a complete access block built by collectionAccess, and an expectation here', () => {
    for (const c of t.payload.config.collections) {
      expect(isBuiltBlock(c.access), `${c.slug}: access block not built by collectionAccess`).toBe(true)
      for (const op of COLLECTION_OPERATIONS) expect(typeof (c.access as Record<string, unknown>)[op], `${c.slug}.${op}`).toBe('function')
      expect(EXPECTED[c.slug], `${c.slug}: add its expected answers to EXPECTED in accessMatrix.test.ts`).toBeDefined()
    }
    for (const g of t.payload.config.globals) expect(isBuiltBlock(g.access), `${g.slug}: global access not built by globalAccess`).toBe(true)
  })

  const only = process.env.MATRIX_ONLY?.split(',')
  const slugs = Object.keys(EXPECTED).filter((s) => !only || only.includes(s))
  for (const slug of slugs) {
    it(`${slug}: every operation × every identity and region, Local API, REST and GraphQL`, async () => {
      const c = t.payload.collections[slug as 'policies']?.config
      expect(c, `${slug} is expected but not in the config`).toBeDefined()
      const names = graphQLNames(t.payload)[slug]
      const fixtures = await fixturesFor(c)
      const expected = EXPECTED[slug]
      const local: Record<string, Row> = {}
      const viaRest: Record<string, Row> = {}
      const viaGraphQL: Record<string, Row> = {}
      for (const who of WHO) {
        local[who] = await probeLocal(c, who, fixtures)
        viaRest[who] = await probeRest(c, who, fixtures)
        viaGraphQL[who] = await probeGraphQL(c, who, fixtures, names)
      }
      const pick = (rows: Record<string, Row>, from: Record<string, Row>) =>
        Object.fromEntries(Object.entries(rows).map(([w, row]) => [w, Object.fromEntries(Object.keys(row).map((k) => [k, from[w][k as Op]]))]))
      expect(local, 'Local API').toEqual(expected)
      expect(viaRest, 'REST').toEqual(pick(viaRest, expected))
      expect(viaGraphQL, 'GraphQL').toEqual(pick(viaGraphQL, expected))
    }, 600_000)
  }

  it('site settings: everyone reads, only admins change', async () => {
    for (const who of WHO) {
      const as = { user: userOf(who), overrideAccess: false }
      expect(await allowed(t.payload.findGlobal({ slug: 'site-settings', ...as }))).toBe(who !== 'gated')
      expect(await allowed(t.payload.updateGlobal({ slug: 'site-settings', data: { officeHours: '工作日' }, ...as }))).toBe(who === 'admin')
    }
  })

  it("Payload's own globals (job statistics) are closed to every identity", async () => {
    const internal = t.payload.config.globals.filter((g) => g.slug.startsWith('payload-'))
    expect(internal.map((g) => g.slug)).toContain('payload-jobs-stats')
    for (const g of internal) {
      for (const who of WHO) {
        const as = { user: userOf(who), overrideAccess: false }
        expect(await allowed(t.payload.findGlobal({ slug: g.slug as 'site-settings', ...as })), `${g.slug} read by ${who}`).toBe(false)
        expect(await allowed(t.payload.updateGlobal({ slug: g.slug as 'site-settings', data: {} as never, ...as })), `${g.slug} update by ${who}`).toBe(false)
      }
    }
  })

  it('anonymous callers never see notice entries, internal remarks or review fields', async () => {
    const notices = t.payload.collections.notices.config
    const id = await createAsSystem(notices, 'A', 'published')
    await t.payload.update({ collection: 'notices', id, context: system, overrideAccess: true, data: { internalRemarks: '内部', entries: [{ headName: '王五', householdSize: 1, village: fx.regions.villageA }] } })
    const anon = await t.payload.findByID({ collection: 'notices', id, overrideAccess: false })
    expect(anon.entries ?? []).toEqual([])
    expect(JSON.stringify(anon)).not.toContain('王五')
    expect(anon).not.toHaveProperty('internalRemarks')
    expect(anon).not.toHaveProperty('lastEditedBy')
    const exporter = await t.payload.findByID({ collection: 'notices', id, overrideAccess: false, user: EXPORTER_USER as never })
    expect(exporter.entries).toHaveLength(1)
    expect(exporter).not.toHaveProperty('internalRemarks')
  })
})
