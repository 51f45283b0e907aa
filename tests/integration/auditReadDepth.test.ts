/**
 * A staff read or create of a complaint that links to a notice, populated at depth ≥ 1, broke: the
 * notice's read audit (cms/hooks/audit.ts auditRead) wrote its entry from inside Payload's
 * relationship loader on the caller's request, starting a transaction on it mid-read, so the loader
 * lost the notice it had fetched (on SQLite the notice came back as a bare id; reported as a hang
 * elsewhere). Each call here must finish — the bound is a generous 60 s, so a hang fails the test
 * instead of stalling the run — populate the notice, and leave its audit entries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { storedDay } from '../../cms/domain/dates'
import { makeProgramme, makeRegions, makeUser, seedComplaintCategories, withCalendar } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'
import { rest, type Door } from '../helpers/api'

let t: TestPayload
let door: Door
let officer: Awaited<ReturnType<typeof makeUser>>
let notice: string
let category: string
const system = { disableAutoPublish: true, system: true, skipAudit: true }

const finishes = <T,>(p: Promise<T>, what: string): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not finish within 60 s (hang)`)), 60_000).unref())])

beforeAll(async () => {
  t = await startTestPayload()
  door = { payload: t.payload, key: t.dataDir }
  await withCalendar(t.payload)
  await seedComplaintCategories(t.payload)
  const regions = await makeRegions(t.payload)
  const programme = await makeProgramme(t.payload)
  await makeUser(t.payload, ['admin'])
  officer = await makeUser(t.payload, ['complaintOfficer'])
  const n = await t.payload.create({
    collection: 'notices',
    overrideAccess: true,
    context: system,
    data: { title: '甲一村低保申请公示', programme, kind: 'apply', stage: 'village', region: regions.villageA, postedOn: storedDay('2026-11-02'), objectionContact: '向镇民政办反映', entries: [], _status: 'published' } as never,
  })
  notice = String(n.id)
  category = String((await t.payload.find({ collection: 'complaint-categories', limit: 1, overrideAccess: true })).docs[0].id)
}, 120_000)
afterAll(async () => {
  await t?.close()
})

const viewsOfNotices = async () =>
  (await t.payload.find({ collection: 'audit-log', where: { and: [{ targetCollection: { equals: 'notices' } }, { action: { equals: 'view' } }] }, overrideAccess: true, pagination: false })).totalDocs

describe('read audit inside relationship population', () => {
  it('an officer creates and reads a complaint linked to a notice at depth 1 and 2 (Local API)', async () => {
    const before = await viewsOfNotices()
    const as = { user: officer as never, overrideAccess: false } as const
    const created = await finishes(
      t.payload.create({ collection: 'complaints', ...as, depth: 1, data: { kind: 'objection', category, notice, content: '公示名单中有一户不符合条件，请核查。', anonymous: true } as never }),
      'create at depth 1',
    )
    expect((created.notice as { id?: unknown })?.id).toBe(notice)
    for (const depth of [1, 2]) {
      const read = await finishes(t.payload.findByID({ collection: 'complaints', id: created.id, depth, ...as }), `findByID at depth ${depth}`)
      expect(String((read.notice as { id?: unknown })?.id)).toBe(notice)
      await finishes(t.payload.find({ collection: 'complaints', depth, ...as }), `find at depth ${depth}`)
    }
    // The populated notice was a read of a sensitive record: it is audited, once per read.
    expect(await viewsOfNotices()).toBeGreaterThan(before)
  }, 300_000)

  it('the same over REST', async () => {
    const { token } = await t.payload.login({ collection: 'users', data: { email: officer.email, password: 'test-password-long-1' } })
    const res = await finishes(rest(door, 'GET', '/complaints?depth=1&limit=5', { token }), 'REST find at depth 1')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { docs: { notice?: { id?: string } }[] }
    expect(body.docs.some((d) => String(d.notice?.id) === notice)).toBe(true)
  }, 300_000)
})
