import { thisMonth, today as clockToday } from '../domain/clock'
import crypto from 'node:crypto'
import type { Payload } from 'payload'
import { demoPolicies } from '../../content/demoPolicies'
import { demoGuides, demoProgrammes, demoStages, demoStandards } from '../../content/demoContent'
import { generateCounty, generateHouseholds, type DemoHousehold, type DemoProgramme } from '../../content/demo/generate'
import { loadWorkCalendar, seedWorkCalendar } from '../calendar/workCalendar'
import { seedComplaintCategories } from '../complaints/categories'
import type { WorkCalendar } from '../domain/calendar'
import { addDays, addMonths, storedDay } from '../domain/dates'
import { publicityPeriodEnd, type StageConfig } from '../domain/publicity'
import { hashIdNumber } from '../domain/idNumber'
import { unitValue } from '../domain/units'
import { storeListDraft } from '../lists/storeList'
import { idHashKey } from '../secret'
import { seedDemoComplaints } from './demoComplaints'
import { paragraphsToRichText } from './richText'
import { oneTimePasswordFields } from '../auth/accountHooks'

export const DEMO_ADMIN_EMAIL = 'admin@example.com'
export const DEMO_ACCOUNTS = [
  { email: DEMO_ADMIN_EMAIL, name: '演示管理员', roles: ['admin'] },
  { email: 'reviewer@example.com', name: '演示审核人', roles: ['reviewer'] },
  { email: 'editor@example.com', name: '演示经办人（城关街道）', roles: ['editor'], township: 0 },
  { email: 'officer@example.com', name: '演示信访人员', roles: ['complaintOfficer'] },
] as const

/** A password nobody can guess and nobody ships: shown once, never stored in clear. */
export const randomPassword = () => crypto.randomBytes(12).toString('base64url')

export type SeedResult = { seeded: boolean; adminPassword?: string; accounts?: { email: string; name: string; password: string }[] }

const system = { disableAutoPublish: true, skipAudit: true, system: true }
const day = storedDay

/**
 * Posting days for a batch through its stages, relative to today: every stage but the last has
 * ended before the next was posted, and the last is running today — whatever today is (a stage
 * whose end is pushed past a long holiday is posted earlier).
 */
export function stagePostingDays(cal: WorkCalendar, stages: Pick<StageConfig, 'days' | 'unit'>[], today: string): string[] {
  const posted: string[] = []
  let next = addDays(today, -3) // the running stage: ends at least four days from now
  posted.unshift(next)
  for (let i = stages.length - 2; i >= 0; i--) {
    let p = addDays(next, -(stages[i].days + 4))
    while (publicityPeriodEnd(cal, p, stages[i]) >= next) p = addDays(p, -1)
    posted.unshift(p)
    next = p
  }
  return posted
}

/** Seeds the synthetic demo county into an EMPTY database; does nothing when content exists. */
export async function seedDemoContent(payload: Payload, opts: { households?: number } = {}): Promise<SeedResult> {
  const [{ totalDocs: users }, { totalDocs: policies }] = await Promise.all([
    payload.count({ collection: 'users', overrideAccess: true }),
    payload.count({ collection: 'policies', overrideAccess: true }),
  ])
  if (users > 0 || policies > 0) return { seeded: false }
  const ctx = system

  await seedWorkCalendar(payload)
  await seedComplaintCategories(payload)
  await payload.create({
    collection: 'reply-templates',
    context: ctx,
    overrideAccess: true,
    data: { title: '已核实，情况属实', body: '您好！您于{收到日期}反映的问题（查询码 {编号}）已收悉。经调查核实，情况属实，我们已依规处理。感谢您对社会救助工作的监督。' },
  })

  // Regions
  const county = generateCounty('demo')
  const regionId = new Map<string, string>()
  const make = async (code: string, name: string, level: string, parentCode?: string, contact: { officePhone?: string; officeAddress?: string } = {}) => {
    const doc = await payload.create({ collection: 'regions', context: ctx, overrideAccess: true, data: { code, name, level: level as 'county', parent: parentCode ? regionId.get(parentCode) : undefined, ...contact } })
    regionId.set(code, String(doc.id))
  }
  await make(county.code, county.name, 'county')
  // Office contacts of the township offices and village committees (fictional 0000- numbers, like the settings' placeholders).
  for (const [ti, t] of county.townships.entries()) {
    const office = /街道$/.test(t.name) ? `${t.name}办事处便民服务中心社会救助窗口` : `${t.name}人民政府便民服务中心社会救助窗口`
    await make(t.code, t.name, 'township', county.code, { officePhone: `0000-62${String(ti + 1).padStart(2, '0')}000`, officeAddress: office })
    for (const [vi, v] of t.villages.entries()) {
      await make(v.code, v.name, 'village', t.code, { officePhone: `0000-62${String(ti + 1).padStart(2, '0')}${String(vi + 1).padStart(3, '0')}`, officeAddress: `${v.name}${/社区$/.test(v.name) ? '居民' : '村民'}委员会` })
    }
  }

  // Accounts (random one-time passwords)
  const accounts: { email: string; name: string; password: string }[] = []
  for (const a of DEMO_ACCOUNTS) {
    const password = randomPassword()
    await payload.create({
      collection: 'users',
      context: ctx,
      overrideAccess: true,
      data: {
        email: a.email,
        password,
        name: a.name,
        roles: [...a.roles],
        regions: 'township' in a ? [regionId.get(county.townships[a.township].code)!] : [],
        // Printed once by `npm start`: to be changed at first login, void after 72 hours.
        ...oneTimePasswordFields(),
      },
    })
    accounts.push({ email: a.email, name: a.name, password })
  }

  // Programmes
  const programmeId = new Map<string, string>()
  for (const p of demoProgrammes) {
    const stages = p.code === 'linshi' ? [{ key: 'single' as const, label: '事后公布', days: 30, unit: 'calendar' as const }] : demoStages
    const doc = await payload.create({ collection: 'programmes', context: ctx, overrideAccess: true, data: { ...p, unit: unitValue(p.unit), stages } })
    programmeId.set(p.code, String(doc.id))
  }

  // Policies (replacements first so a superseded policy can point at its successor)
  const policyId = new Map<string, string>()
  const ordered = [...demoPolicies].sort((a, b) => Number(Boolean(a.supersededByKey)) - Number(Boolean(b.supersededByKey)))
  for (const p of ordered) {
    const doc = await payload.create({
      collection: 'policies',
      draft: !p.published,
      context: ctx,
      overrideAccess: true,
      data: {
        title: p.title,
        indexNumber: p.indexNumber,
        documentNumber: p.documentNumber || undefined,
        issuer: p.issuer,
        writtenOn: day(p.writtenOn),
        publishedOn: day(p.publishedOn),
        validity: p.validity,
        supersededBy: p.supersededByKey ? policyId.get(p.supersededByKey) : undefined,
        programmes: p.key.startsWith('dibao') ? [programmeId.get('dibao-urban')!, programmeId.get('dibao-rural')!] : p.key.startsWith('linshi') ? [programmeId.get('linshi')!] : [programmeId.get('tekun')!],
        summary: p.summary,
        body: paragraphsToRichText(p.paragraphs) as never,
        _status: p.published ? 'published' : 'draft',
      },
    })
    policyId.set(p.key, String(doc.id))
  }
  // 政策解读 published with its policy (三同步); the policy's page links to it.
  await payload.create({
    collection: 'policy-interpretations',
    context: ctx,
    overrideAccess: true,
    data: {
      title: '《清河县城乡最低生活保障实施办法》政策解读',
      policy: policyId.get('dibao-2026')!,
      issuer: '清河县民政局',
      publishedOn: day('2026-01-15'),
      summary: '谁可以申请低保、怎样申请、多长时间办结、公示怎样进行。',
      body: paragraphsToRichText([
        '一、为什么制定《实施办法》：统一城乡低保的申请条件和审核确认程序，让困难群众应保尽保。',
        '二、谁可以申请：共同生活的家庭成员人均收入低于当地低保标准、家庭财产状况符合规定的家庭。',
        '三、怎样申请：向户籍所在地乡镇人民政府（街道办事处）提出，也可以委托村（居）民委员会代为提出。',
        '四、公示：初审意见在申请人所在村（社区）公示7天，任何人都可以提出异议。',
      ]) as never,
      _status: 'published',
    },
  })

  // Standards and guides
  for (const s of demoStandards) {
    await payload.create({
      collection: 'standards',
      context: ctx,
      overrideAccess: true,
      data: {
        title: s.title,
        programme: programmeId.get(s.programme)!,
        region: regionId.get(county.code)!,
        tier: s.tier ?? undefined,
        amount: s.amount,
        unit: unitValue(s.unit),
        effectiveFrom: day(s.from),
        effectiveTo: s.to ? day(s.to) : undefined,
        policy: s.policyKey ? policyId.get(s.policyKey) : undefined,
        _status: 'published',
      },
    })
  }
  for (const g of demoGuides) {
    await payload.create({
      collection: 'guides',
      context: ctx,
      overrideAccess: true,
      data: {
        title: g.title,
        programme: programmeId.get(g.programme)!,
        applicableTo: g.applicableTo,
        conditions: g.conditions.map((text) => ({ text })),
        exclusions: g.exclusions.map((text) => ({ text })),
        materials: g.materials.map((m) => ({ name: m.name, note: m.note, required: m.required ?? true })),
        steps: g.steps.map((s) => ({ ...s })),
        statutoryWorkingDays: g.statutoryWorkingDays,
        promisedWorkingDays: g.promisedWorkingDays,
        fee: '不收费',
        place: '户籍所在地乡镇人民政府（街道办事处）社会救助窗口',
        window: '便民服务中心 3 号窗口',
        hours: '工作日 8:30—12:00，14:30—17:30',
        consultPhone: '0000-1234567',
        supervisePhone: '0000-7654321',
        basis: g.basisKeys.map((k) => policyId.get(k)!).filter(Boolean),
        _status: 'published',
      },
    })
  }

  // Three-stage publicity of one batch (two stages ended, the county stage running), plus one that
  // starts next week; all relative to today, so the demo always shows each status.
  const today = clockToday()
  const cal = await loadWorkCalendar(payload)
  const rural = county.townships[1]
  const village = rural.villages[0]
  const batchHouseholds = generateHouseholds({ seed: 'notice', count: 8, villages: [village.code], programme: 'dibao-rural', month: thisMonth() })
  const entries = batchHouseholds.map((h) => ({
    headName: h.headName,
    idNumber: h.idNumber,
    householdSize: h.householdSize,
    amount: h.amount,
    category: h.category,
    village: regionId.get(h.villageCode)!,
  }))
  const stagesPlan = [
    { stage: 'village' as const, region: village.code, label: '村级' },
    { stage: 'township' as const, region: rural.code, label: '乡镇级' },
    { stage: 'county' as const, region: county.code, label: '县级' },
  ]
  const postedOn = stagePostingDays(cal, demoStages, today)
  let previous: string | undefined
  const noticeIds: string[] = []
  for (const [i, s] of stagesPlan.entries()) {
    const doc = await payload.create({
      collection: 'notices',
      context: ctx,
      overrideAccess: true,
      data: {
        title: `关于${rural.name}${village.name}农村低保拟纳入对象的公示（${s.label}）`,
        programme: programmeId.get('dibao-rural')!,
        kind: 'apply',
        stage: s.stage,
        region: regionId.get(s.region)!,
        batch: `${today.slice(0, 4)}-农村低保-第4批`,
        previousNotice: previous,
        postedOn: day(postedOn[i]),
        objectionContact: `对公示对象有异议的，请在公示期内向${rural.name}民政办或县民政局反映，电话 0000-7654321；也可在本网站在线提出异议。`,
        boardPostedAt: new Date(`${postedOn[i]}T09:30:00+08:00`).toISOString(),
        entries,
        _status: 'published',
      },
    })
    previous = String(doc.id)
    noticeIds.push(previous)
  }
  const urban = county.townships[0]
  const upcoming = generateHouseholds({ seed: 'upcoming', count: 5, villages: urban.villages.slice(0, 2).map((v) => v.code), programme: 'dibao-urban', month: thisMonth() })
  await payload.create({
    collection: 'notices',
    context: ctx,
    overrideAccess: true,
    data: {
      title: `关于${urban.name}城市低保拟纳入对象的公示（社区级）`,
      programme: programmeId.get('dibao-urban')!,
      kind: 'apply',
      stage: 'village',
      region: regionId.get(urban.villages[0].code)!,
      postedOn: day(addDays(today, 7)),
      objectionContact: `对公示对象有异议的，请在公示期内向${urban.name}社会救助窗口反映，电话 0000-1234567。`,
      entries: upcoming.map((h) => ({ headName: h.headName, idNumber: h.idNumber, householdSize: h.householdSize, amount: h.amount, category: h.category, village: regionId.get(h.villageCode)! })),
      _status: 'published',
    },
  })

  // Monthly disbursement lists for the last three months, with month-over-month changes.
  const key = idHashKey()
  const months = [3, 2, 1].map((back) => addMonths(thisMonth(), -back))
  const plans: { programme: DemoProgramme; township: (typeof county.townships)[number]; count: number }[] = [
    { programme: 'dibao-urban', township: county.townships[0], count: opts.households ?? 60 },
    { programme: 'dibao-rural', township: county.townships[1], count: opts.households ?? 80 },
    { programme: 'dibao-rural', township: county.townships[2], count: opts.households ?? 70 },
  ]
  for (const plan of plans) {
    let households: DemoHousehold[] = generateHouseholds({ seed: `list-${plan.township.code}`, count: plan.count, villages: plan.township.villages, programme: plan.programme, month: months[0] })
    for (const [i, month] of months.entries()) {
      if (i > 0) households = nextMonth(households, `${plan.township.code}-${month}`, plan)
      const rows = households.map((h, n) => ({
        no: n + 1,
        headName: h.headName,
        idNumber: h.idNumber,
        idHash: hashIdNumber(h.idNumber, key),
        householdSize: h.householdSize,
        amount: h.amount,
        category: h.category,
        villageId: regionId.get(h.villageCode)!,
      }))
      const programme = demoProgrammes.find((p) => p.code === plan.programme)!
      const list = await storeListDraft(payload, {
        title: `${plan.township.name}${month.replace('-', '年')}月${programme.shortName}资金发放公示`,
        kind: 'disbursement',
        programmeId: programmeId.get(plan.programme)!,
        regionId: regionId.get(plan.township.code)!,
        month,
      }, rows)
      await payload.update({ collection: 'recipient-lists', id: list.id, context: ctx, overrideAccess: true, data: { _status: 'published' } })
    }
  }

  // Complaints, reports and objections at each stage of their handling.
  await seedDemoComplaints(payload, { villageNoticeId: noticeIds[0], villageRegionId: regionId.get(village.code)!, officerEmail: 'officer@example.com' })

  return { seeded: true, adminPassword: accounts[0].password, accounts }
}

/** The next month of a list: a few households leave, a few join, a few amounts change. */
function nextMonth(prev: DemoHousehold[], seed: string, plan: { programme: DemoProgramme; township: { villages: { code: string }[] } }): DemoHousehold[] {
  const leaving = new Set([1, 7, 13].map((i) => i % prev.length))
  const kept = prev.filter((_, i) => !leaving.has(i)).map((h, i) => (i % 11 === 3 ? { ...h, amount: h.amount + 50 } : i % 17 === 5 ? { ...h, amount: Math.max(10, h.amount - 40) } : h))
  const joining = generateHouseholds({ seed: `join-${seed}`, count: 4, villages: plan.township.villages, programme: plan.programme, month: '2026-01' })
  return [...kept, ...joining]
}
