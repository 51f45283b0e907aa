// Importing recipient lists and notice entries: the service (the path the admin screen, the REST
// endpoint and `npm run import` share) on the embedded database, and under `npm run test:mongo` on
// the MongoDB-wire database.
import fs from 'node:fs'
import path from 'node:path'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyseImport, commitImport, ImportRequestError, type ListTarget } from '../../cms/import/service'
import ExcelJS from 'exceljs'
import { householdChangesEndpoint } from '../../cms/endpoints/householdChanges'
import { householdChangesWorkbook, listHouseholdChanges } from '../../cms/lists/householdChanges'
import { readListRows } from '../../cms/storage/rowStore'
import { cleanGbkCsv, cleanXlsx, errorsXlsx, FIXTURE_DIR, testHouseholds, toCsv } from '../fixtures/import/generate'
import { makeProgramme, makeRegions, makeUser, withCalendar } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let payload: Payload
let regions: Awaited<ReturnType<typeof makeRegions>>
let programmeId: string
let editorReq: PayloadRequest
let townEditorReq: PayloadRequest
let reviewer: Awaited<ReturnType<typeof makeUser>>
const system = { disableAutoPublish: true, skipAudit: true, system: true }

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  regions = await makeRegions(payload)
  programmeId = await makeProgramme(payload, 'dibao-rural')
  await payload.create({
    collection: 'standards',
    context: system,
    overrideAccess: true,
    data: { title: '农村低保标准（2026年）', programme: programmeId, region: regions.county, tier: '农村', amount: 1800, unit: 'person-year', effectiveFrom: '2026-01-01T04:00:00.000Z', _status: 'published' },
  })
  const editor = await makeUser(payload, ['editor'])
  const townEditor = await makeUser(payload, ['editor'], [regions.townB])
  reviewer = await makeUser(payload, ['reviewer'])
  editorReq = await createLocalReq({ user: editor as never }, payload)
  townEditorReq = await createLocalReq({ user: townEditor as never }, payload)
})
afterAll(async () => {
  await t?.close()
})

const list = (month: string, kind: 'approved' | 'disbursement' = 'disbursement'): ListTarget => ({ kind: 'list', programme: 'dibao-rural', region: '990199', month, listKind: kind })
const countLists = async () => (await payload.count({ collection: 'recipient-lists', overrideAccess: true })).totalDocs
const publish = (id: string) => payload.update({ collection: 'recipient-lists', id, overrideAccess: true, context: system, data: { _status: 'published' } })

describe('import of a recipient list', () => {
  it('previews a clean .xlsx with a title row: counts, masked public view, no raw personal data', async () => {
    const hs = testHouseholds(20)
    const run = await analyseImport(payload, await cleanXlsx(hs), '名册.xlsx', list('2026-10'), {}, editorReq)
    const p = run.preview
    expect(p.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(p.clean).toBe(true)
    expect(p.counts).toMatchObject({ dataRows: 20, validRows: 20, badRows: 0, households: 20, persons: hs.reduce((s, h) => s + h.householdSize, 0) })
    expect(p.counts.amount).toBeCloseTo(hs.reduce((s, h) => s + h.amount, 0), 2)
    expect(p.header?.rowNumber).toBe(3)
    expect(p.context.cap).toContain('150')
    expect(p.notes.join()).toContain('合计行')
    // The preview shows only masked names; no ID number or full name leaves the server.
    const json = JSON.stringify(p)
    for (const h of hs) {
      expect(json).not.toContain(h.idNumber)
      if ([...h.headName].length > 1) expect(json).not.toContain(h.headName)
    }
    expect(p.preview[0].name).toMatch(/\*/)
  })

  it('stores a clean file as a DRAFT list with totals, rows and keyed hashes; nothing public', async () => {
    const before = await countLists()
    const hs = testHouseholds(20)
    const res = await commitImport(payload, await cleanXlsx(hs), '名册.xlsx', list('2026-10'), {}, editorReq)
    expect(res.stored).toBe(true)
    if (!res.stored) return
    expect(await countLists()).toBe(before + 1)
    const doc = await payload.findByID({ collection: 'recipient-lists', id: res.listId!, draft: true, overrideAccess: true })
    expect(doc._status).toBe('draft')
    expect(doc.importStatus).toBe('complete')
    expect(doc.totals?.households).toBe(20)
    expect(doc.source?.fileName).toBe('名册.xlsx')
    const rows = (await readListRows(payload, [res.listId!])).get(res.listId!)!
    expect(rows).toHaveLength(20)
    expect(rows.every((r) => r.idHash && r.idHash.length === 64)).toBe(true)
    expect(rows.map((r) => r.no)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(new Set(rows.map((r) => r.villageId))).toEqual(new Set([regions.villageA, regions.villageB]))
  })

  it('computes month-over-month changes against the previous published list (GBK CSV next month)', async () => {
    const first = await commitImport(payload, await cleanXlsx(testHouseholds(20, 'mom')), 'oct.xlsx', list('2026-09'), {}, editorReq)
    expect(first.stored).toBe(true)
    await publish((first as { listId: string }).listId)
    const prev = testHouseholds(20, 'mom')
    const next = [...prev.slice(2), ...testHouseholds(3, 'mom-new')].map((h, i) => (i === 0 ? { ...h, amount: Math.max(10, h.amount - 10) } : h))
    const csv = cleanGbkCsv(next)
    const run = await analyseImport(payload, csv, '11月.csv', list('2026-10'), {}, editorReq)
    expect(run.preview.file.encoding).toBe('GB18030')
    expect(run.preview.clean).toBe(true)
    expect(run.preview.changes).toMatchObject({ previousMonth: '2026-09', added: { households: 3 }, stopped: { households: 2 }, decreased: { households: 1 } })
    const res = await commitImport(payload, csv, '11月.csv', list('2026-10'), {}, editorReq)
    const doc = await payload.findByID({ collection: 'recipient-lists', id: (res as { listId: string }).listId, draft: true, overrideAccess: true })
    expect((doc.changes as { added: { households: number } }).added.households).toBe(3)
  })

  it('asks for a written reason before storing a list that stops most households of last month (issue 16)', async () => {
    // 2026-09 (20 households, published above) is the previous published list; keep only 5 of them.
    const few = testHouseholds(20, 'mom').slice(0, 5)
    const bytes = await cleanXlsx(few)
    const run = await analyseImport(payload, bytes, '11月.xlsx', list('2026-11'), {}, editorReq)
    expect(run.preview.clean).toBe(true)
    expect(run.preview.plausibility.map((w) => w.code)).toEqual(['plausibility.stopped', 'plausibility.amount'])
    expect(run.preview.counts.warnings).toBeGreaterThanOrEqual(2)
    expect(run.preview.plausibility[0].message).toContain('停保 15 户，占上月 20 户的 75%')
    const before = await countLists()
    const refused = await commitImport(payload, bytes, '11月.xlsx', list('2026-11'), { confirmReason: '  好 ' }, editorReq)
    expect(refused.stored).toBe(false)
    expect((refused as { reason: string }).reason).toContain('确认理由')
    expect(await countLists()).toBe(before)
    const stored = await commitImport(payload, bytes, '11月.xlsx', list('2026-11'), { confirmReason: '年度复核，15户收入超标停保' }, editorReq)
    expect(stored.stored).toBe(true)
    const { docs } = await payload.find({ collection: 'audit-log', where: { action: { equals: 'import' }, targetId: { equals: (stored as { listId: string }).listId } }, limit: 1, overrideAccess: true })
    expect(String(docs[0].summary)).toContain('理由：年度复核，15户收入超标停保')

    // The reviewer sees which households: the 15 stopped ones, by name and village, and can download them.
    const listId = (stored as { listId: string }).listId
    const reviewerReq = await createLocalReq({ user: reviewer as never }, payload)
    const changes = await listHouseholdChanges(payload, listId, reviewerReq)
    expect(changes.previous?.month).toBe('2026-09')
    expect(changes.rows).toHaveLength(15)
    expect(changes.rows.every((r) => r.kind === '停保' && r.after === null && r.before!.persons > 0)).toBe(true)
    const stoppedNames = new Set(testHouseholds(20, 'mom').slice(5).map((h) => h.headName))
    expect(changes.rows.every((r) => stoppedNames.has(r.name) && r.village.length > 0)).toBe(true)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await householdChangesWorkbook(changes, reviewerReq)) as never)
    const ws = wb.worksheets[0]
    expect(ws.getRow(2).values).toEqual([undefined, '变化', '户主姓名', '村（社区）', '原保障人数', '现保障人数', '原金额（元）', '现金额（元）', '金额变化（元）'])
    expect(ws.rowCount).toBe(17)
    expect((await payload.count({ collection: 'audit-log', where: { action: { equals: 'export' }, targetId: { equals: listId } }, overrideAccess: true })).totalDocs).toBe(1)
    // A complaint officer is not shown household names of lists; another region's editor learns nothing.
    const officer = await makeUser(payload, ['complaintOfficer'])
    const officerReq = await createLocalReq({ user: officer as never }, payload)
    ;(officerReq as { routeParams: Record<string, string> }).routeParams = { id: listId }
    const denied = (await householdChangesEndpoint.handler(officerReq)) as Response
    expect(denied.status).toBe(403)
    expect(((await denied.json()) as { error: string }).error).toContain('只有经办人、审核人和管理员')
    // Another region's editor learns nothing about the list.
    await expect(listHouseholdChanges(payload, listId, townEditorReq)).rejects.toThrow('找不到这份名单')
  })

  it('reports every error by row and column, in Chinese, without echoing ID numbers; stores nothing', async () => {
    const { file, expected } = await errorsXlsx()
    const before = await countLists()
    const run = await analyseImport(payload, file, 'errors.xlsx', list('2026-10'), {}, editorReq)
    for (const e of expected) {
      const hit = run.issues.find((i) => i.row === e.row && i.code === e.code && (e.column === '' || i.column === e.column))
      expect(hit, `row ${e.row} ${e.column} ${e.code}; got ${JSON.stringify(run.issues.filter((i) => i.row === e.row))}`).toBeTruthy()
      expect(hit!.message).toMatch(/[\u4e00-\u9fff]/)
    }
    for (const i of run.issues) expect(i.message).not.toMatch(/\d{15,}/)
    expect(run.preview.clean).toBe(false)
    expect(run.preview.counts.validRows).toBe(1)
    const refused = await commitImport(payload, file, 'errors.xlsx', list('2026-10'), {}, editorReq)
    expect(refused.stored).toBe(false)
    expect(await countLists()).toBe(before)
  })

  it('stores only the good rows when the editor explicitly excludes the bad ones', async () => {
    const { file } = await errorsXlsx()
    const res = await commitImport(payload, file, 'errors.xlsx', list('2026-08'), { excludeBadRows: true }, editorReq)
    expect(res.stored).toBe(true)
    const rows = (await readListRows(payload, [(res as { listId: string }).listId])).get((res as { listId: string }).listId)!
    expect(rows).toHaveLength(1)
    expect((res as { excludedRows: number }).excludedRows).toBeGreaterThan(15)
  })

  it('never stores anything from an unreadable file, even with "exclude bad rows"', async () => {
    const before = await countLists()
    for (const name of ['truncated.xlsx', 'random-bytes.xlsx', 'old-excel.xls', 'empty.csv', 'duplicate-headers.xlsx', 'two-lists.xlsx']) {
      const bytes = fs.readFileSync(path.join(FIXTURE_DIR, name))
      const res = await commitImport(payload, bytes, name, list('2026-07'), { excludeBadRows: true }, editorReq)
      expect(res.stored, name).toBe(false)
      expect(res.preview.issues.some((i) => i.scope === 'file' && i.severity === 'error'), name).toBe(true)
    }
    expect(await countLists()).toBe(before)
  })

  it('refuses a commit of a different file than the one previewed', async () => {
    const a = await cleanXlsx(testHouseholds(3, 'sha-a'))
    const run = await analyseImport(payload, a, 'a.xlsx', list('2026-06'), {}, editorReq)
    const res = await commitImport(payload, await cleanXlsx(testHouseholds(3, 'sha-b')), 'a.xlsx', list('2026-06'), { expectedSha256: run.preview.file.sha256 }, editorReq)
    expect(res.stored).toBe(false)
    expect((res as { reason: string }).reason).toContain('不同')
  })

  it('asks for the sheet when two sheets look like lists, and imports the chosen one', async () => {
    const bytes = fs.readFileSync(path.join(FIXTURE_DIR, 'two-lists.xlsx'))
    const run = await analyseImport(payload, bytes, 'two-lists.xlsx', list('2026-05'), {}, editorReq)
    expect(run.preview.needsSheetChoice).toBe(true)
    expect(run.preview.sheets.map((s) => s.name)).toEqual(['甲镇', '乙镇'])
    const chosen = await analyseImport(payload, bytes, 'two-lists.xlsx', list('2026-05'), { sheet: '乙镇' }, editorReq)
    expect(chosen.preview.clean).toBe(true)
    expect(chosen.preview.counts.validRows).toBe(3)
  })

  it('checks that everyone in a disbursement list was in the approved list of the month', async () => {
    const approvedHs = testHouseholds(6, 'approved')
    const approved = await commitImport(payload, await cleanXlsx(approvedHs), 'approved.xlsx', list('2026-04', 'approved'), {}, editorReq)
    await publish((approved as { listId: string }).listId)
    const paid = [...approvedHs.slice(0, 5), ...testHouseholds(1, 'not-approved')]
    const run = await analyseImport(payload, await cleanXlsx(paid), 'paid.xlsx', list('2026-04', 'disbursement'), {}, editorReq)
    const cross = run.issues.filter((i) => i.code === 'crossCheck.notApproved')
    expect(cross).toHaveLength(1)
    expect(cross[0].row).toBe(9)
    expect(run.preview.context.approvedList).toBeTruthy()
  })

  it('applies region scope: an editor of 乙镇 cannot import for the county', async () => {
    await expect(analyseImport(payload, await cleanXlsx(testHouseholds(2)), 'x.xlsx', list('2026-10'), {}, townEditorReq)).rejects.toThrow(ImportRequestError)
    // …but can for their own township, where 甲一村 is not a village of theirs.
    const run = await analyseImport(payload, await cleanXlsx(testHouseholds(6, 'scope')), 'x.xlsx', { ...list('2026-10'), region: '990199002' }, {}, townEditorReq)
    const notFound = run.issues.filter((i) => i.code === 'village.notFound')
    expect(notFound.length).toBeGreaterThan(0)
    expect(notFound[0].message).toContain('乙镇')
  })

  it('remembers a manual column mapping per region', async () => {
    const hs = testHouseholds(3, 'remember')
    const csv = Buffer.from(toCsv([['名字', '身份证号码', '保障人数', '保障金额', '村（社区）'], ...hs.map((h) => [h.headName, h.idNumber, h.householdSize, h.amount, h.villageCode])]))
    const first = await analyseImport(payload, csv, 'r.csv', list('2026-03'), {}, editorReq)
    expect(first.issues.some((i) => i.code === 'header.missing' && i.field === 'headName')).toBe(true)
    const stored = await commitImport(payload, csv, 'r.csv', list('2026-03'), { manual: { headName: 'A' } }, editorReq)
    expect(stored.stored).toBe(true)
    const again = await analyseImport(payload, csv, 'r.csv', list('2026-02'), {}, editorReq)
    expect(again.preview.clean).toBe(true)
    expect(again.preview.header?.mapping.find((m) => m.field === 'headName')?.how).toBe('remembered')
  })
})

describe('what an import says back, and what it leaves (issue 17)', () => {
  const headerRow = ['户主姓名', '身份证号码', '保障人数', '保障金额', '村（社区）', '联系电话', '银行卡号', '备注']
  it('lists the personal-data columns it left out, and never echoes a phone or ID typed into the village column', async () => {
    const hs = testHouseholds(4, 'echo')
    const phone = '13912345678'
    const id = hs[3].idNumber
    const csv = Buffer.from(
      toCsv([
        headerRow,
        [hs[0].headName, hs[0].idNumber, hs[0].householdSize, hs[0].amount, phone, '13800000000', '6222021234567890123', '住滨河路12号'],
        [hs[1].headName, hs[1].idNumber, hs[1].householdSize, hs[1].amount, id, '', '', ''],
        [hs[2].headName, hs[2].idNumber, hs[2].householdSize, hs[2].amount, '甲一存', '', '', ''],
      ]),
    )
    const run = await analyseImport(payload, csv, 'echo.csv', list('2025-09'), { maxIssues: Number.POSITIVE_INFINITY }, editorReq)
    const p = run.preview
    expect(p.ignoredColumns.map((c) => c.header)).toEqual(['联系电话', '银行卡号', '备注'])
    expect(p.notes).toContain('联系电话、银行卡号、备注 三列含个人信息，未导入（不会保存，也不会公开）。')
    const notFound = run.issues.filter((i) => i.code === 'village.notFound')
    expect(notFound.map((i) => i.row)).toEqual([2, 3, 4])
    expect(notFound[0].message).toContain('（疑似个人信息，已隐去）')
    expect(notFound[1].message).toContain('（疑似个人信息，已隐去）')
    // A typo close to a village of the region gets a question, not a replacement.
    expect(notFound[2].message).toContain('“甲一存”不是测试县下的村（社区）。是否为 甲一村？')
    const { issuesToCsv } = await import('../../cms/import/report')
    for (const text of [JSON.stringify(p), issuesToCsv(run.issues, { fileName: 'echo.csv' })]) {
      expect(text).not.toContain(phone)
      expect(text).not.toContain(id)
      expect(text).not.toContain('13800000000')
      expect(text).not.toContain('6222021234567890123')
    }
  })

  it('keeps the upload’s file name for staff: not readable by anonymous API callers of a published list', async () => {
    const res = await commitImport(payload, await cleanXlsx(testHouseholds(3, 'fname')), '张三的名单.xlsx', list('2025-08'), {}, editorReq)
    expect(res.stored).toBe(true)
    const id = (res as { listId: string }).listId
    await publish(id)
    const staff = await payload.findByID({ collection: 'recipient-lists', id, overrideAccess: false, req: editorReq })
    expect(staff.source?.fileName).toBe('张三的名单.xlsx')
    const anonymous = await payload.findByID({ collection: 'recipient-lists', id, overrideAccess: false })
    expect(anonymous._status).toBe('published')
    expect(JSON.stringify(anonymous)).not.toContain('张三的名单')
    expect(anonymous.source?.fileName).toBeUndefined()
  })

  it('reports its phases and rows as it goes, and a cancel stores nothing', async () => {
    const phases = new Set<string>()
    const file = await cleanXlsx(testHouseholds(300, 'progress'))
    const res = await commitImport(payload, file, 'p.xlsx', list('2025-07'), { onProgress: (p) => phases.add(p.phase) }, editorReq)
    expect(res.stored).toBe(true)
    expect([...phases]).toEqual(expect.arrayContaining(['prepare', 'read', 'store']))

    const before = await countLists()
    const controller = new AbortController()
    const cancelled = commitImport(payload, file, 'p.xlsx', list('2025-06'), { signal: controller.signal, onProgress: (p) => p.phase === 'read' && controller.abort() }, editorReq)
    await expect(cancelled).rejects.toMatchObject({ name: 'ImportCheckStopped', reason: 'cancelled' })
    const storing = new AbortController()
    const cancelledWhileStoring = commitImport(payload, file, 'p.xlsx', list('2025-05'), { signal: storing.signal, onProgress: (p) => p.phase === 'store' && storing.abort() }, editorReq)
    await expect(cancelledWhileStoring).rejects.toMatchObject({ name: 'ImportCheckStopped', reason: 'cancelled' })
    expect(await countLists()).toBe(before)
    const { docs } = await payload.find({ collection: 'recipient-lists', draft: true, overrideAccess: true, where: { month: { in: ['2025-06', '2025-05'] } } })
    expect(docs).toEqual([])
  })

  it('imports .xls, .et and a GBK web page with the same result as the same data in .xlsx', async () => {
    const results = []
    for (const name of ['clean-title-row.xlsx', 'clean-title-row.xls', 'clean-title-row.et', 'clean-gbk-webpage.xls']) {
      const run = await analyseImport(payload, fs.readFileSync(path.join(FIXTURE_DIR, name)), name, list('2025-04'), {}, editorReq)
      expect(run.preview.clean, `${name}: ${JSON.stringify(run.preview.issues.filter((i) => i.severity === 'error'))}`).toBe(true)
      results.push({ counts: run.preview.counts, preview: run.preview.preview, totals: run.preview.totals })
    }
    for (const r of results.slice(1)) expect(r).toEqual(results[0])
  })
})

describe('import of a notice’s entries', () => {
  it('replaces the entries of a notice as a new draft version', async () => {
    await withCalendar(payload)
    const notice = await payload.create({
      collection: 'notices',
      context: system,
      overrideAccess: true,
      data: { title: '关于农村低保拟纳入对象的公示', programme: programmeId, kind: 'apply', stage: 'village', region: regions.townA, postedOn: '2025-11-03T04:00:00.000Z', objectionContact: '测试县民政局 0000-1234567', entries: [], _status: 'published' },
    })
    const hs = testHouseholds(8, 'notice').map((h) => ({ ...h, villageCode: '990199001201' }))
    const target = { kind: 'notice' as const, noticeId: String(notice.id) }
    const run = await analyseImport(payload, await cleanXlsx(hs), '公示.xlsx', target, {}, editorReq)
    expect(run.preview.clean).toBe(true)
    const res = await commitImport(payload, await cleanXlsx(hs), '公示.xlsx', target, {}, editorReq)
    expect(res.stored).toBe(true)
    const draft = await payload.findByID({ collection: 'notices', id: notice.id, draft: true, overrideAccess: true })
    expect(draft.entries).toHaveLength(8)
    expect(draft._status).toBe('draft')
    const live = await payload.findByID({ collection: 'notices', id: notice.id, draft: false, overrideAccess: true })
    expect(live.entries ?? []).toHaveLength(0)
  })
})

describe('REST endpoint (multipart), through Payload’s own request handling', () => {
  async function post(pathname: string, fields: Record<string, string>, file: { name: string; bytes: Buffer } | null, token?: string) {
    const { handleEndpoints } = await import('payload')
    const { default: config } = await import('../../cms/payload.config')
    const form = new FormData()
    for (const [k, v] of Object.entries(fields)) form.set(k, v)
    if (file) form.set('file', new Blob([new Uint8Array(file.bytes)]), file.name)
    const request = new Request(`http://localhost/api${pathname}`, { method: 'POST', body: form, headers: token ? { Authorization: `JWT ${token}` } : {} })
    return handleEndpoints({ config, request, payloadInstanceCacheKey: t.dataDir })
  }
  const login = async () => {
    const user = await makeUser(payload, ['editor'])
    const { token } = await payload.login({ collection: 'users', data: { email: user.email, password: 'test-password-long-1' } })
    return token!
  }
  const fields = { programme: 'dibao-rural', region: '990199', month: '2026-01', kind: 'approved' }

  it('refuses anonymous uploads', async () => {
    const res = await post('/recipient-lists/import', fields, { name: 'a.xlsx', bytes: await cleanXlsx(testHouseholds(2)) })
    expect(res.status).toBe(401)
    expect((await res.json()).error).toContain('登录')
  })

  it('previews, reports errors as a CSV with BOM, and commits a draft', async () => {
    const token = await login()
    const bytes = await cleanXlsx(testHouseholds(5, 'rest'))
    const preview = await post('/recipient-lists/import', { ...fields, action: 'preview' }, { name: '名册.xlsx', bytes }, token)
    expect(preview.status).toBe(200)
    const body = await preview.json()
    expect(body.preview.clean).toBe(true)

    const { file } = await errorsXlsx()
    const report = await post('/recipient-lists/import', { ...fields, action: 'report' }, { name: 'errors.xlsx', bytes: file }, token)
    expect(report.status).toBe(200)
    expect(report.headers.get('content-type')).toContain('text/csv')
    const buf = Buffer.from(await report.arrayBuffer())
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = buf.toString('utf8')
    expect(text).toContain('行号')
    expect(text).toContain('身份证号码最后一位')
    expect(text).not.toMatch(/\d{17}[\dX]/)

    const refused = await post('/recipient-lists/import', { ...fields, action: 'commit' }, { name: 'errors.xlsx', bytes: file }, token)
    expect(refused.status).toBe(422)

    const commit = await post('/recipient-lists/import', { ...fields, action: 'commit', expectedSha256: body.preview.file.sha256 }, { name: '名册.xlsx', bytes }, token)
    expect(commit.status).toBe(201)
    const stored = await commit.json()
    expect(stored.adminUrl).toContain(`/collections/recipient-lists/${stored.id}`)
  })

  it('answers bad requests with a Chinese message, not a crash', async () => {
    const token = await login()
    const noFile = await post('/recipient-lists/import', fields, null, token)
    expect(noFile.status).toBe(400)
    expect((await noFile.json()).error).toContain('文件')
    const badMonth = await post('/recipient-lists/import', { ...fields, month: '2026-13' }, { name: 'a.csv', bytes: Buffer.from('a') }, token)
    expect(badMonth.status).toBe(400)
    expect((await badMonth.json()).error).toContain('月份')
  })
})
