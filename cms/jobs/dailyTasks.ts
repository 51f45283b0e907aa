import { countRunnableOrActiveJobsForQueue, type Payload, type TaskConfig } from 'payload'
import { now, nowMs, today } from '../domain/clock'
import { liveReleaseAsOf, msUntilNextNightly } from '../publish/nightly'
import { runOnce } from './runOnce'

/**
 * The daily tasks on Payload's job queue (queue "daily"): the nightly release at 00:05 and the
 * morning digest at 07:30, China time. Payload records each job (visible to admins under 系统),
 * retries a failed one, and any CMS process may pick it up; runOnce makes each run once per day
 * however many processes share the database.
 */
export const DAILY_QUEUE = 'daily'
type BeforeScheduleFn = NonNullable<NonNullable<NonNullable<TaskConfig['schedule']>[number]['hooks']>['beforeSchedule']>

/**
 * Payload's cron has no time zone (it follows the server's); the time of the next run is computed
 * here in China time instead (UTC+8 all year), and only one pending scheduled job is kept per task.
 */
const atChinaTime = (hour: number, minute: number): BeforeScheduleFn => async ({ queueable, req }) => {
  const pending = await countRunnableOrActiveJobsForQueue({ onlyScheduled: true, queue: queueable.scheduleConfig.queue, req, taskSlug: queueable.taskConfig?.slug })
  const at = now()
  return { input: {}, shouldSchedule: pending === 0, waitUntil: new Date(at.getTime() + msUntilNextNightly(at, hour, minute)) }
}

export async function runNightlyRelease(payload: Payload, why: string) {
  const { fullReleaseDue, publishRelease, readReleaseStatus } = await import('../publish/release')
  // Once a week the nightly release takes nothing from the one before (every file scanned and compressed anew).
  const full = fullReleaseDue(readReleaseStatus(), nowMs())
  const r = await runOnce(payload, { task: 'nightlyRelease', day: today() }, () => publishRelease(payload, { full }), (x) => `${x.full ? '完整' : ''}发布 ${x.id}，${x.pages} 个页面，${(x.durationMs / 1000).toFixed(1)} 秒`)
  if (r.ran) payload.logger.info({ msg: 'daily release published', why, release: r.result.id, ms: r.result.durationMs, full: r.result.full })
  else payload.logger.info({ msg: 'daily release skipped', why, reason: r.reason })
  return r.ran ? { ran: true, release: r.result.id } : { ran: false, reason: r.reason }
}

export async function runMorningDigest(payload: Payload) {
  const { sendDailyDigests } = await import('../ops/digest')
  const r = await runOnce(payload, { task: 'morningDigest', day: today() }, () => sendDailyDigests(payload), (x) => `发送 ${x.sent} 封`)
  if (r.ran) payload.logger.info({ msg: 'daily digests sent', sent: r.result.sent })
  return r.ran ? { ran: true, sent: r.result.sent } : { ran: false, reason: r.reason }
}

export const dailyTasks: TaskConfig<any>[] = [ // eslint-disable-line @typescript-eslint/no-explicit-any -- task slugs are typed by payload-types
  {
    slug: 'nightlyRelease',
    label: '每日发布（北京时间 00:05）',
    retries: 3,
    schedule: [{ cron: '5 0 * * *', queue: DAILY_QUEUE, hooks: { beforeSchedule: atChinaTime(0, 5) } }],
    inputSchema: [{ name: 'why', type: 'text' }],
    outputSchema: [
      { name: 'ran', type: 'checkbox' },
      { name: 'release', type: 'text' },
      { name: 'reason', type: 'text' },
    ],
    handler: async ({ input, req }) => ({ output: await runNightlyRelease(req.payload, String((input as { why?: string }).why || 'nightly')) }),
  },
  {
    slug: 'morningDigest',
    label: '每日待办提醒（北京时间 07:30）',
    retries: 2,
    schedule: [{ cron: '30 7 * * *', queue: DAILY_QUEUE, hooks: { beforeSchedule: atChinaTime(7, 30) } }],
    outputSchema: [
      { name: 'ran', type: 'checkbox' },
      { name: 'sent', type: 'number' },
      { name: 'reason', type: 'text' },
    ],
    handler: async ({ req }) => ({ output: await runMorningDigest(req.payload) }),
  },
]

/**
 * Start-up catch-up: when the live release describes an earlier day (the CMS was down at midnight),
 * a nightly release is queued to run now; runOnce keeps it to one across processes.
 */
export async function queueCatchUpRelease(payload: Payload, dir?: string): Promise<boolean> {
  const asOf = liveReleaseAsOf(dir)
  if (!asOf || asOf >= today()) return false
  await payload.jobs.queue({ task: 'nightlyRelease' as never, queue: DAILY_QUEUE, input: { why: `live release describes ${asOf}` } as never })
  return true
}
