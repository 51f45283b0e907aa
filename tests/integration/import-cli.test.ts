// `npm run import`: the same code path as the admin screen, as a command with a Chinese summary
// and exit codes (0 stored, 1 not clean — nothing stored, 2 wrong usage). Runs the real script
// in a child process against this file's throw-away database (SQLite, or MongoDB under test:mongo).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FIXTURE_DIR, cleanXlsx, testHouseholds } from '../fixtures/import/generate'
import { makeProgramme, makeRegions } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
beforeAll(async () => {
  t = await startTestPayload()
  const regions = await makeRegions(t.payload)
  const programme = await makeProgramme(t.payload, 'dibao-rural')
  await t.payload.create({
    collection: 'standards',
    context: { disableAutoPublish: true, skipAudit: true, system: true },
    overrideAccess: true,
    data: { title: '农村低保标准', programme, region: regions.county, tier: '农村', amount: 1800, unit: 'person-year', effectiveFrom: '2026-01-01T04:00:00.000Z', _status: 'published' },
  })
})
afterAll(async () => {
  await t?.close()
})

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    env: { ...process.env, DATA_DIR: t.dataDir, LOG_LEVEL: 'error' },
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { code: r.status, out: r.stdout, err: r.stderr }
}
const base = ['--programme', 'dibao-rural', '--region', '990199', '--month', '2026-10']

describe('npm run import', () => {
  it('stores a clean file as a draft and prints a Chinese summary', async () => {
    const file = path.join(t.dataDir, '10月名册.xlsx')
    fs.writeFileSync(file, await cleanXlsx(testHouseholds(12, 'cli')))
    const r = cli([file, ...base, '--kind', 'disbursement'])
    expect(r.code, r.err).toBe(0)
    expect(r.out).toContain('无误 12 户')
    expect(r.out).toContain('已保存为草稿')
    const { docs } = await t.payload.find({ collection: 'recipient-lists', draft: true, overrideAccess: true, where: { month: { equals: '2026-10' } } })
    expect(docs.map((d) => [d.kind, d._status, d.importStatus])).toEqual([['disbursement', 'draft', 'complete']])
  })

  it('exits 1 with every error listed when the file is not clean, and stores nothing', async () => {
    const before = (await t.payload.count({ collection: 'recipient-lists', overrideAccess: true })).totalDocs
    const r = cli([path.join(FIXTURE_DIR, 'errors.xlsx'), ...base, '--month', '2026-09'])
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/第 3 行 C 列（身份证号码）：身份证号码最后一位/)
    expect(r.out).toContain('未导入')
    expect((await t.payload.count({ collection: 'recipient-lists', overrideAccess: true })).totalDocs).toBe(before)
  })

  it('exits 2 with the usage on wrong arguments', () => {
    const r = cli(['--programme', 'dibao-rural'])
    expect(r.code).toBe(2)
    expect(r.err).toContain('用法')
  })
})
