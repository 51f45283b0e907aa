import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { liveReleaseAsOf } from '../../cms/publish/nightly'
import { publishRelease } from '../../cms/publish/release'
import { makeProgramme, makeRegions, withCalendar } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let dir: string
beforeAll(async () => {
  t = await startTestPayload()
  await withCalendar(t.payload)
  const r = await makeRegions(t.payload)
  const programme = await makeProgramme(t.payload)
  dir = path.join(t.dataDir, 'releases')
  await t.payload.create({
    collection: 'notices',
    context: { disableAutoPublish: true, system: true },
    data: {
      title: '日期驱动的公示',
      programme,
      kind: 'apply',
      stage: 'village',
      region: r.villageA,
      postedOn: '2026-11-02T04:00:00.000Z',
      objectionContact: '向甲镇民政办反映',
      entries: [{ headName: '赵六', householdSize: 2, amount: 300, village: r.villageA }],
      _status: 'published',
    },
  })
}, 120_000)
afterAll(async () => {
  await t?.close()
})

const noticeOf = (releaseDir: string) => JSON.parse(fs.readFileSync(path.join(releaseDir, 'snapshot', 'snapshot.json'), 'utf8')).notices.find((n: { title: string }) => n.title === '日期驱动的公示')

describe('the daily release makes date-driven changes real', () => {
  it('opens, counts down, closes and finally retires a notice as the days pass', async () => {
    const before = await publishRelease(t.payload, { dir, asOf: '2026-11-01' })
    expect(noticeOf(before.dir).status).toBe('未开始')
    const running = await publishRelease(t.payload, { dir, asOf: '2026-11-05' })
    expect(noticeOf(running.dir)).toMatchObject({ status: '公示中', daysLeft: 4, endsOn: '2026-11-09' })
    expect(liveReleaseAsOf(dir)).toBe('2026-11-05')
    const lastDay = await publishRelease(t.payload, { dir, asOf: '2026-11-09' })
    expect(noticeOf(lastDay.dir)).toMatchObject({ status: '公示中', daysLeft: 0 })
    const ended = await publishRelease(t.payload, { dir, asOf: '2026-11-10' })
    expect(noticeOf(ended.dir)).toMatchObject({ status: '已结束', daysLeft: null })
    // Retention (30 days by default) then takes it off the public site.
    const retired = await publishRelease(t.payload, { dir, asOf: '2026-12-10' })
    expect(noticeOf(retired.dir)).toBeUndefined()
  }, 180_000)
})
