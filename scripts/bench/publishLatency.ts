import http from 'node:http'
import path from 'node:path'
import type { Payload } from 'payload'
import { generateCounty, generateHouseholds } from '../../content/demo/generate'
import { hashIdNumber } from '../../cms/domain/idNumber'
import { unitValue } from '../../cms/domain/units'
import { storeListDraft } from '../../cms/lists/storeList'
import { publishRelease } from '../../cms/publish/release'
import { createPublicServer, stopPublicServer } from '../../site/server/publicServer'

const sys = { disableAutoPublish: true, system: true }

/** A county with `households` households across 3 townships and 12 months of disbursement lists. */
async function seedCounty(payload: Payload, households: number, months: string[]) {
  const county = generateCounty('bench', { townships: 3, villagesPerTownship: 8 })
  const ids = new Map<string, string>()
  const mk = async (code: string, name: string, level: 'county' | 'township' | 'village', parent?: string) =>
    ids.set(code, String((await payload.create({ collection: 'regions', context: sys, data: { code, name, level, parent: parent ? ids.get(parent) : undefined } })).id))
  await mk(county.code, county.name, 'county')
  for (const t of county.townships) {
    await mk(t.code, t.name, 'township', county.code)
    for (const v of t.villages) await mk(v.code, v.name, 'village', t.code)
  }
  const programme = String((await payload.create({ collection: 'programmes', context: sys, data: { code: 'dibao-rural', name: '农村最低生活保障', shortName: '农村低保', unit: unitValue('元/人·年') } })).id)
  const per = Math.ceil(households / county.townships.length)
  for (const t of county.townships) {
    for (const month of months) {
      const hh = generateHouseholds({ seed: `bench-${t.code}`, count: per, villages: t.villages, programme: 'dibao-rural', month: '2026-01' })
      const rows = hh.map((h, i) => ({ no: i + 1, headName: h.headName, idNumber: h.idNumber, idHash: hashIdNumber(h.idNumber, 'bench-key'), householdSize: h.householdSize, amount: h.amount + (month.endsWith('06') && i % 50 === 0 ? 10 : 0), category: h.category, villageId: ids.get(h.villageCode)! }))
      const list = await storeListDraft(payload, { title: `${t.name}${month}农村低保资金发放`, kind: 'disbursement', programmeId: programme, regionId: ids.get(t.code)!, month }, rows)
      // The last month of the first township stays a draft: publishing it is the measured change.
      if (!(month === months.at(-1) && t === county.townships[0])) await payload.update({ collection: 'recipient-lists', id: list.id, context: sys, data: { _status: 'published' } })
    }
  }
  return { county, programme }
}

/**
 * Publish latency (issue 8): from a reviewer's publish to the change being served by the public
 * server, for a county-size dataset; once for a change to a list and once for a single policy edit.
 */
export async function benchPublishLatency(payload: Payload, dataDir: string, { households = 10_000, monthsCount = 12 } = {}) {
  const months = Array.from({ length: monthsCount }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`)
  const seeding = Date.now()
  await seedCounty(payload, households, months)
  const seedMs = Date.now() - seeding
  const dir = path.join(dataDir, 'releases-latency')
  const first = await publishRelease(payload, { dir })
  const server = createPublicServer({ releasesDir: dir, accessLog: false })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
  const servedWhen = async (url: string, needle: string, started: number) => {
    for (;;) {
      const res = await fetch(base + url)
      const html = await res.text()
      if (res.status === 200 && html.includes(needle)) return Date.now() - started
      if (Date.now() - started > 300_000) throw new Error(`${url} was not served within 5 minutes`)
      await new Promise((r) => setTimeout(r, 50))
    }
  }
  try {
    // A single policy edit.
    const policy = await payload.create({ collection: 'policies', context: sys, data: { title: '基准政策第一版', issuer: '清河县民政局', publishedOn: '2026-03-01T04:00:00.000Z', validity: 'current', _status: 'published' } })
    await publishRelease(payload, { dir })
    let started = Date.now()
    await payload.update({ collection: 'policies', id: policy.id, context: sys, data: { title: '基准政策第二版' } })
    const policyRelease = await publishRelease(payload, { dir })
    const policyMs = await servedWhen(`/policies/${policy.id}/`, '基准政策第二版', started)
    // A new month's list published (thousands of rows, new village pages, totals, statistics).
    const { docs } = await payload.find({ collection: 'recipient-lists', where: { _status: { equals: 'draft' } }, limit: 1, depth: 0, overrideAccess: true, draft: true })
    started = Date.now()
    await payload.update({ collection: 'recipient-lists', id: docs[0].id, context: sys, data: { _status: 'published' } })
    const listRelease = await publishRelease(payload, { dir })
    const listMs = await servedWhen(`/lists/${docs[0].id}/`, '<h1', started)
    return {
      name: 'publish latency: reviewer publishes → change served',
      dataset: { households, months: monthsCount, rows: households * monthsCount, pages: first.pages, files: first.files, seedMs },
      singlePolicyEdit: { servedAfterMs: policyMs, timings: policyRelease.timings },
      listChange: { servedAfterMs: listMs, timings: listRelease.timings },
      target: { ms: 20_000, met: policyMs <= 20_000 && listMs <= 20_000 },
      note: `plus the publish debounce of the running CMS (PUBLISH_DEBOUNCE_MS, default 3000 ms) when triggered from the admin`,
    }
  } finally {
    await stopPublicServer(server)
  }
}
