// `npm run import`: the same code path as the admin screen, as a command with a Chinese summary
// and exit codes (0 stored, 1 not clean — nothing stored, 2 wrong usage). Runs the real script
// in a child process against this file's throw-away database (SQLite, or MongoDB under test:mongo).
// The import is attributable (--as: the two-person rule works as in the admin) and one unit (a
// process killed while writing rows leaves nothing behind once anything starts again).
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FIXTURE_DIR, cleanXlsx, testHouseholds, toCsv } from '../fixtures/import/generate'
import { makeProgramme, makeRegions, makeUser } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let editor: Awaited<ReturnType<typeof makeUser>>
let reviewer: Awaited<ReturnType<typeof makeUser>>
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
  editor = await makeUser(t.payload, ['editor'])
  reviewer = await makeUser(t.payload, ['reviewer'])
})
afterAll(async () => {
  await t?.close()
})

const root = fileURLToPath(new URL('../..', import.meta.url))
const env = (): NodeJS.ProcessEnv => ({ ...process.env, DATA_DIR: t.dataDir, LOG_LEVEL: 'error' })
function cli(args: string[], extraEnv: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], { cwd: root, env: { ...env(), ...extraEnv }, encoding: 'utf8', timeout: 180_000 })
  return { code: r.status, out: r.stdout, err: r.stderr }
}
const base = ['--programme', 'dibao-rural', '--region', '990199', '--month', '2026-10']
const listsOf = async (month: string) =>
  (await t.payload.find({ collection: 'recipient-lists', draft: true, overrideAccess: true, where: { month: { equals: month } }, depth: 0 })).docs
const idOf = (v: unknown) => String(v && typeof v === 'object' ? (v as { id: unknown }).id : v)
const rowCount = async (listId: string) => (await t.payload.count({ collection: 'recipient-rows', overrideAccess: true, where: { list: { equals: listId } } })).totalDocs

// Each case starts the command (TypeScript loader, Payload, the import worker): slow on a busy machine.
describe('npm run import', { timeout: 240_000 }, () => {
  it('stores a clean file as a draft in the editor’s name and prints a Chinese summary', async () => {
    const file = path.join(t.dataDir, '10月名册.xlsx')
    fs.writeFileSync(file, await cleanXlsx(testHouseholds(12, 'cli')))
    const r = cli([file, ...base, '--kind', 'disbursement', '--as', editor.email])
    expect(r.code, r.err).toBe(0)
    expect(r.out).toContain('无误 12 户')
    expect(r.out).toContain(`以 ${editor.name}`)
    expect(r.out).toContain('保存为草稿')
    expect(r.err).toContain('进度：')
    const docs = await listsOf('2026-10')
    expect(docs.map((d) => [d.kind, d._status, d.importStatus])).toEqual([['disbursement', 'draft', 'complete']])
  })

  it('a CLI-imported list is publishable by a reviewer without any re-save; history and audit name the editor', async () => {
    const file = path.join(t.dataDir, '11月名册.xls')
    fs.copyFileSync(path.join(FIXTURE_DIR, 'clean-title-row.xls'), file)
    const r = cli([file, ...base, '--month', '2026-11', '--as', editor.email])
    expect(r.code, r.out + r.err).toBe(0)
    const [list] = await listsOf('2026-11')
    expect(idOf(list.lastEditedBy)).toBe(String(editor.id))
    const versions = await t.payload.findVersions({ collection: 'recipient-lists', where: { parent: { equals: list.id } }, overrideAccess: true, depth: 0 })
    expect(versions.docs.length).toBeGreaterThan(0)
    expect(versions.docs.every((v) => idOf(v.version.lastEditedBy) === String(editor.id))).toBe(true)

    const reviewerReq = await createLocalReq({ user: reviewer as never }, t.payload)
    const published = await t.payload.update({ collection: 'recipient-lists', id: list.id, data: { _status: 'published' }, req: reviewerReq, overrideAccess: false, context: { disableAutoPublish: true } })
    expect(published._status).toBe('published')
    expect(idOf(published.publishedBy)).toBe(String(reviewer.id))

    const audit = await t.payload.find({ collection: 'audit-log', where: { targetId: { equals: String(list.id) } }, overrideAccess: true, depth: 0, sort: 'at', pagination: false })
    const byAction = Object.fromEntries(audit.docs.map((a) => [a.action, idOf(a.actor)]))
    expect(byAction).toMatchObject({ create: String(editor.id), import: String(editor.id), publish: String(reviewer.id) })
    expect(audit.docs.map((a) => a.summary).join()).not.toMatch(/\d{17}[\dX]/)
  })

  it('the two-person rule applies as in the admin: a reviewer cannot publish a list imported in their own name', async () => {
    const file = path.join(t.dataDir, '12月.csv')
    fs.writeFileSync(file, toCsv([['户主姓名', '身份证号码', '保障人数', '保障金额', '村（社区）'], ...testHouseholds(3, 'own').map((h) => [h.headName, h.idNumber, h.householdSize, h.amount, h.villageCode])]))
    // Three households after last month's list: a big change, so the CLI needs the written reason (as the admin does).
    expect(cli([file, ...base, '--month', '2026-12', '--as', reviewer.email, '--confirm-reason', '测试名单，户数与上月不同']).code).toBe(0)
    const [list] = await listsOf('2026-12')
    const reviewerReq = await createLocalReq({ user: reviewer as never }, t.payload)
    await expect(t.payload.update({ collection: 'recipient-lists', id: list.id, data: { _status: 'published' }, req: reviewerReq, overrideAccess: false, context: { disableAutoPublish: true } })).rejects.toThrow(
      /最后修改此内容的是您本人/,
    )
  })

  it('requires --as outside development, and refuses an unknown account', () => {
    const file = path.join(FIXTURE_DIR, 'clean-gbk.csv')
    const none = cli([file, ...base, '--month', '2027-01'])
    expect(none.code).toBe(2)
    expect(none.err).toContain('--as')
    const unknown = cli([file, ...base, '--month', '2027-01', '--as', 'nobody@example.com'])
    expect(unknown.code).toBe(1)
    expect(unknown.err).toContain('找不到账号')
  })

  it('exits 1 with every error listed when the file is not clean, and stores nothing', async () => {
    const before = (await t.payload.count({ collection: 'recipient-lists', overrideAccess: true })).totalDocs
    const r = cli([path.join(FIXTURE_DIR, 'errors.xlsx'), ...base, '--month', '2026-09', '--as', editor.email])
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

describe('an import is one unit', () => {
  it('killed while writing rows: the list is left "importing"; the next start removes it and its rows', async () => {
    const file = path.join(t.dataDir, 'big.csv')
    const hs = testHouseholds(60_000, 'kill')
    fs.writeFileSync(file, toCsv([['户主姓名', '身份证号码', '保障人数', '保障金额', '村（社区）'], ...hs.map((h) => [h.headName, h.idNumber, h.householdSize, h.amount, h.villageCode])]))
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', file, ...base, '--month', '2027-03', '--as', editor.email, '--confirm-reason', '测试名单，户数与上月不同'], { cwd: root, env: env(), stdio: ['ignore', 'ignore', 'pipe'] })
    let err = ''
    const killed = await new Promise<boolean>((resolve) => {
      child.stderr.on('data', (d) => {
        err += d
        if (/进度：保存草稿 \d/.test(err) && child.exitCode === null) {
          child.kill('SIGKILL')
          resolve(true)
        }
      })
      child.on('exit', () => resolve(false))
    })
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)))
    expect(killed, `the import finished before it could be killed: ${err.slice(-300)}`).toBe(true)

    // What a crash leaves: a list still "importing", with part of its rows.
    const [debris] = await listsOf('2027-03')
    expect(debris.importStatus).toBe('importing')
    const partial = await rowCount(String(debris.id))
    expect(partial).toBeGreaterThan(0)
    expect(partial).toBeLessThan(hs.length)

    // Starting again (here: the command, which cleans up first, as the CMS does on start) leaves nothing.
    const again = cli([path.join(FIXTURE_DIR, 'clean-gbk.csv'), ...base, '--month', '2027-04', '--check'])
    expect(again.code, again.err).toBe(0)
    expect(await listsOf('2027-03')).toEqual([])
    expect(await rowCount(String(debris.id))).toBe(0)
  }, 240_000)
})
