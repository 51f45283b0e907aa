import fs from 'node:fs'
import path from 'node:path'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadWorkCalendar } from '../../cms/calendar/workCalendar'
import { thisMonth, today } from '../../cms/domain/clock'
import { isProvisionalYear } from '../../cms/domain/calendar'
import { addMonths, yearOf } from '../../cms/domain/dates'
import { sendDailyDigests } from '../../cms/ops/digest'
import { workItems } from '../../cms/ops/workItems'
import { seedDemoContent } from '../../cms/seed/seedDemo'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
beforeAll(async () => {
  t = await startTestPayload()
  await seedDemoContent(t.payload)
}, 240_000)
afterAll(async () => {
  await t?.close()
})

const userReq = async (email: string) => {
  const u = (await t.payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })).docs[0]
  return createLocalReq({ user: { ...u, collection: 'users' } as never }, t.payload)
}

describe('work dashboard', () => {
  it('shows the admin every place’s monthly disclosure, and a township editor only theirs', async () => {
    const admin = await workItems(t.payload, await userReq('admin@example.com'))
    expect(admin.disclosures).toHaveLength(3)
    expect(new Set(admin.disclosures.map((d) => d.state))).toEqual(new Set(['已完成'])) // the demo published last month's lists
    const editor = await workItems(t.payload, await userReq('editor@example.com'))
    expect(editor.disclosures).toHaveLength(1)
    expect(editor.disclosures[0].region).toContain('街道')
    expect(editor.complaintsOverdue).toEqual([])
    expect(editor.release?.live?.release ?? null).toBe(admin.release?.live?.release ?? null) // editors see when the site went live
  })

  it('officers see the seeded cases that are overdue or due, and which dates are provisional', async () => {
    const officer = await workItems(t.payload, await userReq('officer@example.com'))
    // The payment complaint received 20 days ago and never acknowledged (5 working days) is overdue.
    expect(officer.complaintsOverdue.map((c) => c.what)).toContain('告知受理')
    const cal = await loadWorkCalendar(t.payload)
    // Whatever today is: a due date is listed as provisional exactly when its year is not entered.
    const due = [...officer.complaintsOverdue, ...officer.complaintsDueSoon, ...(officer.provisionalComplaints ?? [])]
    for (const c of due) expect(c.provisional, `${c.code} ${c.due}`).toBe(isProvisionalYear(cal, yearOf(c.due)))
    const admin = await workItems(t.payload, await userReq('admin@example.com'))
    const y = yearOf(today())
    const missing = isProvisionalYear(cal, y) || (Number(today().slice(5, 7)) >= 10 && isProvisionalYear(cal, y + 1))
    expect(admin.calendarWarning !== null).toBe(missing)
    if (missing) expect(admin.calendarWarning).toContain('粘贴国务院通知录入')
    const editor = await workItems(t.payload, await userReq('editor@example.com'))
    expect(editor.calendarWarning).toBeNull() // only admins enter the calendar
  })

  it('a month later, an unpublished list is late, and the digest says so', async () => {
    const later = `${addMonths(thisMonth(), 1)}-20`
    const items = await workItems(t.payload, await userReq('admin@example.com'), later)
    expect(items.disclosures.every((d) => d.state === '已逾期')).toBe(true)
    const outbox = path.join(t.dataDir, 'mail-outbox')
    const { sent } = await sendDailyDigests(t.payload, later)
    expect(sent).toBeGreaterThanOrEqual(2)
    const mails = fs.readdirSync(outbox).map((f) => JSON.parse(fs.readFileSync(path.join(outbox, f), 'utf8')))
    const toAdmin = mails.find((m) => m.to === 'admin@example.com')
    expect(toAdmin.subject).toContain('阳光救助待办事项')
    expect(toAdmin.text).toContain('已逾期')
    const toOfficer = mails.find((m) => m.to === 'officer@example.com')
    expect(toOfficer.text).toContain('【投诉举报期限】') // the seeded open cases are overdue by then
    expect(toOfficer.text).not.toContain('每月5日前') // and nothing of the editors' work
  })
})
