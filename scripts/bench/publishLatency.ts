import path from 'node:path'
import type { Payload } from 'payload'
import { DEMO_COUNTY_CODE, generateCounty, generateHouseholds, type DemoCounty } from '../../content/demo/generate'
import { hashIdNumber } from '../../cms/domain/idNumber'
import { unitValue } from '../../cms/domain/units'
import { storeListDraft } from '../../cms/lists/storeList'
import { forgetGateMemory, publishRelease, type ReleaseResult } from '../../cms/publish/release'
import { createPublicServer, stopPublicServer } from '../../site/server/publicServer'

const sys = { disableAutoPublish: true, system: true }

/** The generated county under another six-digit code, so several sizes live in one database. */
function recoded(county: DemoCounty, code: string): DemoCounty {
  const re = (c: string) => code + c.slice(DEMO_COUNTY_CODE.length)
  const townships = county.townships.map((t) => ({ ...t, code: re(t.code), villages: t.villages.map((v) => ({ ...v, code: re(v.code), townshipCode: re(v.townshipCode) })) }))
  return { ...county, code, name: `${county.name}${code.slice(-2)}`, townships, villages: townships.flatMap((t) => t.villages) }
}

async function ensureProgramme(payload: Payload) {
  const found = await payload.find({ collection: 'programmes', where: { code: { equals: 'dibao-rural' } }, limit: 1, depth: 0, overrideAccess: true })
  if (found.docs[0]) return String(found.docs[0].id)
  return String((await payload.create({ collection: 'programmes', context: sys, data: { code: 'dibao-rural', name: '农村最低生活保障', shortName: '农村低保', unit: unitValue('元/人·年') } })).id)
}

/**
 * `households` households across 3 townships and 12 months of disbursement lists; the last month
 * of the first township stays a draft (publishing it is the measured "new month's list").
 */
async function seedCounty(payload: Payload, code: string, households: number, months: string[]) {
  const county = recoded(generateCounty(`bench-${code}`, { townships: 3, villagesPerTownship: 8 }), code)
  const ids = new Map<string, string>()
  const mk = async (c: string, name: string, level: 'county' | 'township' | 'village', parent?: string) =>
    ids.set(c, String((await payload.create({ collection: 'regions', context: sys, data: { code: c, name, level, parent: parent ? ids.get(parent) : undefined } })).id))
  await mk(county.code, county.name, 'county')
  for (const t of county.townships) {
    await mk(t.code, t.name, 'township', county.code)
    for (const v of t.villages) await mk(v.code, v.name, 'village', t.code)
  }
  const programme = await ensureProgramme(payload)
  const per = Math.ceil(households / county.townships.length)
  let draft = ''
  for (const t of county.townships) {
    const hh = generateHouseholds({ seed: `bench-${t.code}`, count: per, villages: t.villages, programme: 'dibao-rural', month: '2026-01' })
    for (const month of months) {
      const rows = hh.map((h, i) => ({ no: i + 1, headName: h.headName, idNumber: h.idNumber, idHash: hashIdNumber(h.idNumber, 'bench-key'), householdSize: h.householdSize, amount: h.amount + (month.endsWith('06') && i % 50 === 0 ? 10 : 0), category: h.category, villageId: ids.get(h.villageCode)! }))
      const list = await storeListDraft(payload, { title: `${t.name}${month}农村低保资金发放`, kind: 'disbursement', programmeId: programme, regionId: ids.get(t.code)!, month }, rows)
      if (month === months.at(-1) && t === county.townships[0]) draft = String(list.id)
      else await payload.update({ collection: 'recipient-lists', id: list.id, context: sys, data: { _status: 'published' } })
    }
  }
  return { county, draftListId: draft }
}

const pick = (r: ReleaseResult) => ({ ms: r.durationMs, pages: r.pages, files: r.files, timings: r.timings })
/** Each step to stderr as soon as it is measured: a run cut short on a busy machine keeps what it measured. */
const progress = (households: number, step: string, r: ReleaseResult, extra: Record<string, unknown> = {}) =>
  console.error(`publishLatency ${households} ${step}: ${JSON.stringify({ ...extra, ...pick(r) })}`)

/** One size: policy edit, new month's list, full rebuild, first release after a restart. */
async function measureSize(payload: Payload, dataDir: string, code: string, households: number, monthsCount: number) {
  const months = Array.from({ length: monthsCount }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`)
  const seeding = Date.now()
  const { draftListId } = await seedCounty(payload, code, households, months)
  const seedMs = Date.now() - seeding
  const dir = path.join(dataDir, `releases-latency-${code}`)
  const first = await publishRelease(payload, { dir, full: true })
  progress(households, 'first release (full)', first, { seedMs })
  const server = createPublicServer({ releasesDir: dir, accessLog: false })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
  const servedWhen = async (url: string, needle: string, started: number) => {
    for (;;) {
      const res = await fetch(base + url)
      const html = await res.text()
      if (res.status === 200 && html.includes(needle)) return Date.now() - started
      if (Date.now() - started > 60 * 60_000) throw new Error(`${url} was not served within an hour`)
      await new Promise((r) => setTimeout(r, 50))
    }
  }
  try {
    // (a) A single policy edit (the policy exists and is live first).
    const policy = await payload.create({ collection: 'policies', context: sys, data: { title: `基准政策${code}第一版`, issuer: '清河县民政局', publishedOn: '2026-03-01T04:00:00.000Z', validity: 'current', _status: 'published' } })
    await publishRelease(payload, { dir })
    let started = Date.now()
    await payload.update({ collection: 'policies', id: policy.id, context: sys, data: { title: `基准政策${code}第二版` } })
    const policyRelease = await publishRelease(payload, { dir })
    const policyMs = await servedWhen(`/policies/${policy.id}/`, `基准政策${code}第二版`, started)
    progress(households, '(a) policy edit', policyRelease, { servedAfterMs: policyMs })
    // (b) A new month's list for one township (thousands of rows, village pages, totals, statistics).
    started = Date.now()
    await payload.update({ collection: 'recipient-lists', id: draftListId, context: sys, data: { _status: 'published' } })
    const listRelease = await publishRelease(payload, { dir })
    const listMs = await servedWhen(`/lists/${draftListId}/`, '<h1', started)
    progress(households, "(b) new month's list", listRelease, { servedAfterMs: listMs })
    // (c) A full rebuild of the same data (nothing taken from the live release).
    const full = await publishRelease(payload, { dir, full: true })
    progress(households, '(c) full rebuild', full)
    // (d) The first release after a restart (the process forgets; the live release remembers), vs the same edit without one.
    await payload.update({ collection: 'policies', id: policy.id, context: sys, data: { title: `基准政策${code}第三版` } })
    const normal = await publishRelease(payload, { dir })
    await payload.update({ collection: 'policies', id: policy.id, context: sys, data: { title: `基准政策${code}第四版` } })
    forgetGateMemory()
    const afterRestart = await publishRelease(payload, { dir })
    return {
      dataset: { households, months: monthsCount, rows: households * monthsCount, pages: first.pages, files: first.files, seedMs },
      firstRelease: pick(first),
      policyEdit: { servedAfterMs: policyMs, release: pick(policyRelease) },
      newMonthList: { servedAfterMs: listMs, release: pick(listRelease) },
      fullRebuild: pick(full),
      ratioPolicyEditToFull: Number((policyMs / full.durationMs).toFixed(2)),
      ratioListToFull: Number((listMs / full.durationMs).toFixed(2)),
      // The release alone (no polling of the public server): incremental over full.
      ratioIncrementalToFull: { policyEdit: Number((policyRelease.durationMs / full.durationMs).toFixed(3)), newMonthList: Number((listRelease.durationMs / full.durationMs).toFixed(3)) },
      // Step 1 of issue 19: compressed copies of unchanged files taken from the live release by hard link.
      precompress: {
        fullMs: full.timings.precompress,
        policyEditMs: policyRelease.timings.precompress,
        newMonthListMs: listRelease.timings.precompress,
        reusedOnPolicyEdit: policyRelease.timings.precompressReused,
        gain: Number((full.timings.precompress / Math.max(1, policyRelease.timings.precompress)).toFixed(1)),
      },
      // Step 2: pages whose inputs are unchanged come from the page cache; the release's unchanged files are hard links.
      pages: {
        buildMsFull: full.timings.build,
        buildMsPolicyEdit: policyRelease.timings.build,
        buildMsNewMonthList: listRelease.timings.build,
        filesLinkedOnPolicyEdit: policyRelease.timings.filesLinked,
        filesLinkedOnNewMonthList: listRelease.timings.filesLinked,
      },
      // Step 3: the search index is rebuilt whole on every release (Pagefind over all pages); its cost here.
      searchIndexMs: { full: full.timings.searchIndexMs, policyEdit: policyRelease.timings.searchIndexMs, newMonthList: listRelease.timings.searchIndexMs },
      restart: {
        normalReleaseMs: normal.durationMs,
        firstAfterRestartMs: afterRestart.durationMs,
        ratio: Number((afterRestart.durationMs / normal.durationMs).toFixed(2)),
        gateMemoryReadBack: afterRestart.timings.gateMemory === 2,
        filesRescannedAfterRestart: afterRestart.timings.releaseFilesScanned,
      },
    }
  } finally {
    await stopPublicServer(server)
  }
}

/**
 * Publish latency (issues 8, 19): from a reviewer's publish to the change served by the public
 * server, at county scale (10,000 households × 12 months) and city scale (100,000 × 12) in one
 * run (`--households=10000,100000` picks the sizes). Each size is its own region tree in the same
 * database, so the city's releases also carry the county's data. Run after `import100k
 * importVsNaive` in the same process to see that the rows they leave behind do not slow a release.
 */
export async function benchPublishLatency(payload: Payload, dataDir: string, { monthsCount = 12 } = {}) {
  const arg = process.argv.find((a) => a.startsWith('--households='))
  const sizes = arg ? arg.slice('--households='.length).split(',').map(Number) : [10_000, 100_000]
  const results: Record<string, unknown> = {}
  for (const [i, households] of sizes.entries()) {
    results[String(households)] = await measureSize(payload, dataDir, `98${String(i + 1).padStart(2, '0')}01`, households, monthsCount)
    console.error(`publishLatency ${households}: ${JSON.stringify(results[String(households)])}`)
  }
  return {
    name: 'publish latency: reviewer publishes → change served; full rebuild; first release after a restart',
    results,
    targets: {
      '10000': 'policy edit ≤ 3 s, new month’s list ≤ 5 s (issue 19)',
      '100000': 'policy edit ≤ 5 s, new month’s list ≤ 15 s (issue 19)',
      restart: 'first release after a restart ≤ 1.5 × a normal release',
    },
    note: 'plus the publish debounce of the running CMS (PUBLISH_DEBOUNCE_MS, default 3000 ms) when triggered from the admin',
  }
}
