import type { Payload } from 'payload'
import { seedWorkCalendar } from '../../cms/calendar/workCalendar'
import { DEFAULT_STAGES } from '../../cms/domain/publicity'

const ctx = { disableAutoPublish: true, skipAudit: true, system: true }

/** A tiny fictional county: two townships with one village each (codes are fictional, 99…). */
export async function makeRegions(payload: Payload) {
  const mk = async (code: string, name: string, level: 'county' | 'township' | 'village', parent?: string) =>
    String((await payload.create({ collection: 'regions', context: ctx, data: { code, name, level, parent } })).id)
  const county = await mk('990199', '测试县', 'county')
  const townA = await mk('990199001', '甲镇', 'township', county)
  const villageA = await mk('990199001201', '甲一村', 'village', townA)
  const townB = await mk('990199002', '乙镇', 'township', county)
  const villageB = await mk('990199002201', '乙一村', 'village', townB)
  return { county, townA, villageA, townB, villageB }
}

export async function makeProgramme(payload: Payload, code = 'dibao-rural') {
  return String(
    (
      await payload.create({
        collection: 'programmes',
        context: ctx,
        data: { code, name: '农村最低生活保障', shortName: '农村低保', unit: 'person-year', publicityRequired: true, stages: DEFAULT_STAGES.map((s) => ({ ...s, key: s.key as 'village' })) },
      })
    ).id,
  )
}

let n = 0
export async function makeUser(payload: Payload, roles: string[], regions: string[] = []) {
  n++
  const doc = await payload.create({
    collection: 'users',
    context: ctx,
    data: { email: `user${n}-${roles.join('-')}@example.com`, password: 'test-password-long-1', name: `测试用户${n}`, roles: roles as never, regions },
  })
  return { ...doc, collection: 'users' as const }
}

export async function withCalendar(payload: Payload) {
  await seedWorkCalendar(payload, 2025)
}

export { seedComplaintCategories } from '../../cms/complaints/categories'
