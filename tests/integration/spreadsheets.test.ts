/**
 * Staff exports to Excel (issue 16, item 10): 信访台账, a month's recipient lists and the audit log,
 * downloaded over REST as each role and read back with exceljs — Chinese headers, a row, region
 * scope (a township's staff get only their township), no reporter identity or ID numbers where the
 * role may not have them, and an 导出 entry in the audit log for every download.
 */
import crypto from 'node:crypto'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idCheckDigit } from '../../cms/domain/idNumber'
import { maskIdNumber, maskName } from '../../cms/domain/masking'
import { storeListDraft } from '../../cms/lists/storeList'
import type { RowInput } from '../../cms/storage/rowStore'
import { rest, type Door } from '../helpers/api'
import { makeProgramme, makeRegions, makeUser, seedComplaintCategories, withCalendar } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let door: Door
let regions: Awaited<ReturnType<typeof makeRegions>>
let programme: string
const tokens: Record<string, string> = {}
const rowsOf: Record<'A' | 'B', RowInput[]> = { A: [], B: [] }
const codes: Record<'A' | 'B', string> = { A: '', B: '' }
const system = { disableAutoPublish: true, system: true, skipAudit: true }
let serial = 300

/** Synthetic households with valid ID numbers on the fictional 990199 region (domain.md §9). */
function households(n: number, village: string, given: string): RowInput[] {
  return Array.from({ length: n }, (_, i) => {
    const body = `99019919750${1 + (i % 9)}1${i % 10}${String(serial++ % 1000).padStart(3, '0')}`
    return { no: i + 1, headName: `${given}${'甲乙丙丁'[i % 4]}`, idNumber: body + idCheckDigit(body), idHash: crypto.randomBytes(32).toString('hex'), householdSize: 1 + (i % 3), amount: 310 + i * 10, villageId: village }
  })
}

async function download(who: string, path: string): Promise<{ status: number; sheet?: ExcelJS.Worksheet; json?: { error?: string } }> {
  const res = await rest(door, 'GET', path, { token: tokens[who] })
  if (!res.headers.get('content-type')?.includes('spreadsheetml')) return { status: res.status, json: await res.json() }
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(await res.arrayBuffer())
  return { status: res.status, sheet: wb.worksheets[0] }
}
const headers = (ws: ExcelJS.Worksheet) => (ws.getRow(2).values as unknown[]).slice(1).map(String)
/** Data rows (after the title and header rows), each as header → value. */
function records(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  const h = headers(ws)
  const out: Record<string, unknown>[] = []
  ws.eachRow((row, n) => {
    if (n <= 2) return
    const v = (row.values as unknown[]).slice(1)
    out.push(Object.fromEntries(h.map((k, i) => [k, v[i] ?? null])))
  })
  return out
}
const exportsIn = async (collection: string) =>
  (await t.payload.find({ collection: 'audit-log', where: { and: [{ action: { equals: 'export' } }, { targetCollection: { equals: collection } }] }, overrideAccess: true, depth: 0, pagination: false })).docs

beforeAll(async () => {
  t = await startTestPayload()
  door = { payload: t.payload, key: t.dataDir }
  await withCalendar(t.payload)
  await seedComplaintCategories(t.payload)
  regions = await makeRegions(t.payload)
  programme = await makeProgramme(t.payload)
  const accounts = {
    admin: await makeUser(t.payload, ['admin']),
    officer: await makeUser(t.payload, ['complaintOfficer']),
    officerA: await makeUser(t.payload, ['complaintOfficer'], [regions.townA]),
    editorA: await makeUser(t.payload, ['editor'], [regions.townA]),
    reviewer: await makeUser(t.payload, ['reviewer']),
  }
  for (const [who, u] of Object.entries(accounts)) tokens[who] = (await t.payload.login({ collection: 'users', data: { email: u.email, password: 'test-password-long-1' } })).token!
  const category = (await t.payload.find({ collection: 'complaint-categories', limit: 1, overrideAccess: true })).docs[0].id
  for (const side of ['A', 'B'] as const) {
    const c = await t.payload.create({
      collection: 'complaints',
      overrideAccess: true,
      data: { kind: 'report', category, source: 'phone', region: side === 'A' ? regions.villageA : regions.villageB, reporterName: `举报人${side}某`, reporterPhone: '13800000000', content: `${side}镇有人骗保（测试）`, anonymous: false } as never,
    })
    codes[side] = String(c.trackingCode)
    await t.payload.update({ collection: 'complaints', id: c.id, overrideAccess: true, data: { status: 'accepted', assignedTo: accounts.officer.id } as never })
    rowsOf[side] = households(3, side === 'A' ? regions.villageA : regions.villageB, side === 'A' ? '甲户' : '乙户')
    await storeListDraft(t.payload, { title: `${side === 'A' ? '甲' : '乙'}镇2026-11农村低保资金发放名单`, kind: 'disbursement', programmeId: programme, regionId: side === 'A' ? regions.townA : regions.townB, month: '2026-11' }, rowsOf[side])
  }
  void system
}, 180_000)
afterAll(async () => {
  await t?.close()
})

describe('信访台账 (.xlsx)', () => {
  it('a county officer gets every complaint with dates, deadlines and status, without the reporter unless asked; each export is audited', async () => {
    const before = (await exportsIn('complaints')).length
    const { status, sheet } = await download('officer', '/complaints/export-ledger')
    expect(status).toBe(200)
    expect(headers(sheet!)).toEqual(expect.arrayContaining(['查询码', '收到日期', '类别', '办理状态', '告知受理期限', '办结期限', '期限情况', '承办人', '答复内容']))
    expect(headers(sheet!)).not.toContain('反映人')
    const rows = records(sheet!)
    expect(rows.map((r) => r['查询码']).sort()).toEqual([codes.A, codes.B].sort())
    const a = rows.find((r) => r['查询码'] === codes.A)!
    expect(a['办理状态']).toBe('已受理')
    expect(a['涉及地区']).toBe('甲一村')
    expect(String(a['承办人'])).toMatch(/^测试用户\d+$/) // by name, not e-mail
    expect(String(a['期限情况'])).toMatch(/剩 \d+ 个工作日|今天到期|已超期 \d+ 天/)
    expect(String(a['办结期限'])).toMatch(/^\d{4}-\d{2}-\d{2}/)
    const text = JSON.stringify(rows)
    expect(text).not.toContain('举报人')
    expect(text).not.toContain('13800000000')
    expect(text).not.toContain('骗保（测试）')
    const audit = await exportsIn('complaints')
    expect(audit.length).toBe(before + 1)
    expect(audit.map((e) => e.summary)).toContain('导出信访台账 2 条（不含反映人身份）')
  })

  it('with identity=1 an officer gets the reporter, and the audit entry says so', async () => {
    const { sheet } = await download('officer', '/complaints/export-ledger?identity=1')
    const a = records(sheet!).find((r) => r['查询码'] === codes.A)!
    expect(a['反映人']).toBe('举报人A某')
    expect((await exportsIn('complaints')).map((e) => e.summary)).toContain('导出信访台账 2 条（含反映人身份）')
  })

  it('a township officer’s ledger holds only their township', async () => {
    const { sheet } = await download('officerA', '/complaints/export-ledger')
    expect(records(sheet!).map((r) => r['查询码'])).toEqual([codes.A])
  })

  it('editors and reviewers may not export complaints; a wrong date is refused in Chinese', async () => {
    for (const who of ['editorA', 'reviewer']) {
      const r = await download(who, '/complaints/export-ledger')
      expect(r.status).toBe(403)
      expect(r.json?.error).toContain('没有查看投诉举报的权限')
    }
    const bad = await download('officer', '/complaints/export-ledger?from=2026-13-01')
    expect(bad.status).toBe(400)
    expect(bad.json?.error).toContain('起始日期“2026-13-01”格式不对')
  })
})

describe('a month’s recipient lists (.xlsx)', () => {
  it('a township editor gets only their township’s lists, ID numbers masked unless full=1', async () => {
    const { status, sheet } = await download('editorA', '/recipient-lists/export-month?month=2026-11')
    expect(status).toBe(200)
    expect(headers(sheet!)).toEqual(['名单', '救助类别', '名单地区', '状态', '序号', '村（社区）', '户主姓名', '身份证号（已遮蔽）', '保障人数', '金额（元）', '类别/档次'])
    const rows = records(sheet!)
    expect(rows).toHaveLength(3)
    expect(new Set(rows.map((r) => r['名单地区']))).toEqual(new Set(['甲镇']))
    const first = rows.find((r) => r['序号'] === 1)!
    expect(first).toMatchObject({ '户主姓名': rowsOf.A[0].headName, '村（社区）': '甲一村', '保障人数': rowsOf.A[0].householdSize, '金额（元）': rowsOf.A[0].amount, '状态': '草稿' })
    expect(first['身份证号（已遮蔽）']).toBe(maskIdNumber(rowsOf.A[0].idNumber!))
    expect(JSON.stringify(rows)).not.toContain(rowsOf.A[0].idNumber!)
    expect(JSON.stringify(rows)).not.toContain('乙户')
    const full = records((await download('editorA', '/recipient-lists/export-month?month=2026-11&full=1')).sheet!)
    expect(full.find((r) => r['序号'] === 1)!['身份证号']).toBe(rowsOf.A[0].idNumber)
    expect((await exportsIn('recipient-lists')).map((e) => e.summary)).toEqual(expect.arrayContaining(['导出 2026-11 救助名单 1 份 3 户（身份证号已遮蔽）', '导出 2026-11 救助名单 1 份 3 户（含完整身份证号）']))
  })

  it('a complaint officer gets masked names and no ID numbers at all, even asking for them', async () => {
    const { sheet } = await download('officer', '/recipient-lists/export-month?month=2026-11&full=1')
    expect(headers(sheet!).some((h) => h.includes('身份证'))).toBe(false)
    const rows = records(sheet!)
    expect(rows).toHaveLength(6)
    expect(rows.map((r) => r['户主姓名'])).toContain(maskName(rowsOf.B[0].headName))
    expect(JSON.stringify(rows)).not.toContain(rowsOf.B[0].headName)
  })

  it('a month is required, in Chinese', async () => {
    const r = await download('editorA', '/recipient-lists/export-month?month=11月')
    expect(r.status).toBe(400)
    expect(r.json?.error).toContain('请选择要导出的月份（格式 YYYY-MM')
  })
})

describe('the audit log (.xlsx)', () => {
  it('an admin gets it in words: Chinese collection names, record titles, names, China time', async () => {
    const { status, sheet } = await download('admin', '/audit-log/export')
    expect(status).toBe(200)
    expect(headers(sheet!)).toEqual(['时间（北京时间）', '操作', '对象类型', '对象', '操作人', '来源地址', '摘要', '理由'])
    const rows = records(sheet!)
    const exported = rows.find((r) => r['操作'] === '导出' && r['对象类型'] === '投诉举报与异议')
    expect(exported).toBeTruthy()
    expect(String(exported!['时间（北京时间）'])).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    expect(String(exported!['操作人'])).toMatch(/^测试用户\d+$/)
    const text = JSON.stringify(rows)
    expect(text).not.toMatch(/"(complaints|recipient-lists|audit-log)"/)
  })

  it('no one but an admin may export it', async () => {
    for (const who of ['officer', 'editorA', 'reviewer']) expect((await download(who, '/audit-log/export')).status).toBe(403)
  })
})
