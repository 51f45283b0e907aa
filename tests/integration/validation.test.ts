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
    ['a list cannot be published before its import completes', 'recipient-lists', () => ({ title: '名单', kind: 'disbursement', programme, region: r.townA, month: '2026-10', _status: 'published' }), /尚未完整导入/],
  ]
  for (const [name, collection, data, message] of cases) {
    it(name, async () => {
      const err = await create(collection, data()).then(() => null, (e: Error & { data?: { errors?: { message: string }[] } }) => e)
      expect(err, 'should be refused').not.toBeNull()
      expect(`${err!.message} ${(err!.data?.errors ?? []).map((e) => e.message).join(' ')}`).toMatch(message)
    })
  }

  it('a region’s path follows its parents (used for editors’ scope)', async () => {
    const v = await t.payload.findByID({ collection: 'regions', id: r.villageA, overrideAccess: true })
    expect(v.path).toBe('990199/990199001/990199001201')
  })
})
