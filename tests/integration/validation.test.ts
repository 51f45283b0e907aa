import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeProgramme, makeRegions } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let r: Awaited<ReturnType<typeof makeRegions>>
let programme: string
const system = { disableAutoPublish: true, system: true }
beforeAll(async () => {
  t = await startTestPayload()
  r = await makeRegions(t.payload)
  programme = await makeProgramme(t.payload)
})
afterAll(async () => {
  await t?.close()
})

const create = (collection: string, data: Record<string, unknown>) => t.payload.create({ collection: collection as 'regions', data: data as never, context: system })

describe('validation of the reference and content collections', () => {
  const cases: [string, string, () => Record<string, unknown>, RegExp][] = [
    ['a region code must be 6–12 digits', 'regions', () => ({ code: '99-01', name: '错码村', level: 'village', parent: r.townA }), /区划代码应为6到12位数字/],
    ['a village needs a township above it', 'regions', () => ({ code: '990199001299', name: '挂错村', level: 'village', parent: r.county }), /村（社区）的上级应是乡镇/],
    ['a township needs a parent', 'regions', () => ({ code: '990199009', name: '无上级镇', level: 'township' }), /必须选择上级行政区划/],
    ['a county has no parent', 'regions', () => ({ code: '990198', name: '多余县', level: 'county', parent: r.county }), /县级行政区划不能有上级/],
    ['a programme code is lower-case ASCII', 'programmes', () => ({ code: '低保', name: '低保', shortName: '低保', unit: 'person-month' }), /代码用小写英文字母/],
    ['a standard cannot stop before it starts', 'standards', () => ({ title: '标准', programme, region: r.county, amount: 300, unit: 'person-month', effectiveFrom: '2026-06-01T04:00:00.000Z', effectiveTo: '2026-01-01T04:00:00.000Z' }), /停止日期不能早于执行日期/],
    ['a holiday date is YYYY-MM-DD', 'holidays', () => ({ date: '2026/10/01', kind: 'off', name: '国庆节' }), /YYYY-MM-DD/],
    ['a list month is YYYY-MM', 'recipient-lists', () => ({ title: '名单', kind: 'disbursement', programme, region: r.townA, month: '2026-13' }), /YYYY-MM/],
    ['a village office phone is a phone number only (issue 15)', 'regions', () => ({ code: '990199001298', name: '电话村', level: 'village', parent: r.townA, officePhone: '王主任 13912345678' }), /请只填写电话号码/],
    ['a village office address names an office, not a villager (issue 15)', 'regions', () => ({ code: '990199001297', name: '地址村', level: 'village', parent: r.townA, officeAddress: '村民王大山家中' }), /办公地址应写明办公单位和地点/],
    ['a list cannot be published before its import completes', 'recipient-lists', () => ({ title: '名单', kind: 'disbursement', programme, region: r.townA, month: '2026-10', _status: 'published' }), /尚未完整导入/],
  ]
  for (const [name, collection, data, message] of cases) {
    it(name, async () => {
      const err = await create(collection, data()).then(() => null, (e: Error & { data?: { errors?: { message: string }[] } }) => e)
      expect(err, 'should be refused').not.toBeNull()
      expect(`${err!.message} ${(err!.data?.errors ?? []).map((e) => e.message).join(' ')}`).toMatch(message)
    })
  }

  it('a village committee’s phone and address are kept when they are official contacts (issue 15)', async () => {
    const v = await create('regions', { code: '990199001296', name: '新华村', level: 'village', parent: r.townA, officePhone: '0999-6220101', officeAddress: '新华村村民委员会' })
    expect((v as unknown as { officeAddress: string }).officeAddress).toBe('新华村村民委员会')
  })

  it.each([
    ['websiteCode', '99010200', /网站标识码应为10位/],
    ['icpNumber', 'ICP备12345678号', /ICP备案号的格式/],
    ['policeRecordNumber', '京公网安备 123号', /公安机关备案号的格式/],
    ['applyDisclosureUrl', 'www.example.gov.cn', /请填写完整网址/],
    ['portalUrl', 'javascript:alert(1)', /请填写完整网址/],
  ])('the site settings refuse a %s not in its format, saying what is expected (issue 15)', async (field, value, message) => {
    const err = await t.payload.updateGlobal({ slug: 'site-settings', data: { [field]: value } as never, context: system }).then(() => null, (e: Error & { data?: { errors?: { message: string }[] } }) => e)
    expect(err, 'should be refused').not.toBeNull()
    expect(`${err!.message} ${(err!.data?.errors ?? []).map((e) => e.message).join(' ')}`).toMatch(message)
  })

  it('the site settings keep government-site furniture in its format, and empty fields stay empty', async () => {
    const saved = await t.payload.updateGlobal({ slug: 'site-settings', data: { websiteCode: '9901020001', icpNumber: '清ICP备12345678号-1', policeRecordNumber: '清公网安备 99010202000001号', applyDisclosureUrl: 'https://www.example.gov.cn/ysqgk/', portalUrl: '' } as never, context: system })
    expect(saved).toMatchObject({ websiteCode: '9901020001', icpNumber: '清ICP备12345678号-1', policeRecordNumber: '清公网安备 99010202000001号' })
  })

  it('a region’s path follows its parents (used for editors’ scope)', async () => {
    const v = await t.payload.findByID({ collection: 'regions', id: r.villageA, overrideAccess: true })
    expect(v.path).toBe('990199/990199001/990199001201')
  })
})
