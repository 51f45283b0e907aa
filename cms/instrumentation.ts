/**
 * Next.js start-up hook of the admin server, where the CMS publishes (AUTO_PUBLISH=1, as set by
 * `npm start`): the daily tasks run on Payload's job queue (cms/jobs/dailyTasks.ts); here only the
 * start-up catch-up is queued when the live release describes an earlier day.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.AUTO_PUBLISH !== '1') return
  const [{ getPayload }, { default: config }, { queueCatchUpRelease }] = await Promise.all([
    import('payload'),
    import('@payload-config'),
    import('./jobs/dailyTasks'),
  ])
  const payload = await getPayload({ config })
  await queueCatchUpRelease(payload).catch((err) => payload.logger.error({ msg: 'catch-up release could not be queued', err: (err as Error).message }))
}
