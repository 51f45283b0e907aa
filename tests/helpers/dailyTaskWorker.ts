/**
 * One "CMS process" for the daily-task test: boots Payload on DATABASE_URI / DATA_DIR, waits for
 * the common start time, queues the nightly release and runs the daily queue, prints what it did.
 */
export {}
const { getPayload } = await import('payload')
const { default: config } = await import('../../cms/payload.config')
const { DAILY_QUEUE } = await import('../../cms/jobs/dailyTasks')
const payload = await getPayload({ config, key: `worker-${process.pid}` })
const startAt = Number(process.env.START_AT)
await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())))
await payload.jobs.queue({ task: 'nightlyRelease', queue: DAILY_QUEUE, input: { why: `worker ${process.pid}` } })
const result = await payload.jobs.run({ queue: DAILY_QUEUE })
console.log(JSON.stringify({ pid: process.pid, result }))
await payload.destroy()
process.exit(0)
