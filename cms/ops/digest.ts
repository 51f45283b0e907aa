import { today as clockToday } from '../domain/clock'
import { createLocalReq, type Payload } from 'payload'
import { chinaDate } from '../domain/dates'
import { digestText, workItems } from './workItems'

/** The morning digest: each user gets what is due in their regions; nobody gets an empty mail. */
export async function sendDailyDigests(payload: Payload, today = clockToday()): Promise<{ sent: number }> {
  const users = await payload.find({ collection: 'users', overrideAccess: true, pagination: false, depth: 0 })
  let sent = 0
  for (const user of users.docs) {
    if (!user.roles?.length) continue
    const req = await createLocalReq({ user: { ...user, collection: 'users' } as never }, payload)
    const text = digestText(await workItems(payload, req, today), user.name)
    if (!text) continue
    await payload.sendEmail({ to: user.email, subject: `阳光救助待办事项（${today}）`, text })
    sent++
  }
  return { sent }
}
