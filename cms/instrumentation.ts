/**
 * Next.js start-up hook of the admin server: the daily release runs here (only where the CMS
 * publishes, i.e. AUTO_PUBLISH=1 as set by `npm start`).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.AUTO_PUBLISH !== '1') return
  const [{ getPayload }, { default: config }, { startNightlyRelease }] = await Promise.all([
    import('payload'),
    import('@payload-config'),
    import('./publish/nightly'),
  ])
  startNightlyRelease(await getPayload({ config }))
}
