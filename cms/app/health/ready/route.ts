import config from '@payload-config'
import { getPayload } from 'payload'
import { readReleaseStatus } from '../../../publish/release'

/** Readiness: the database answers; also reports the last release (for monitoring, no personal data). */
export const dynamic = 'force-dynamic'

export async function GET() {
  const release = readReleaseStatus()
  try {
    const payload = await getPayload({ config })
    await payload.count({ collection: 'regions', overrideAccess: true })
    return Response.json(
      { status: 'ready', database: 'ok', release: release.live?.release ?? null, lastPublish: release.lastAttempt ? { ok: release.lastAttempt.ok, at: release.lastAttempt.at } : null },
      { headers: { 'cache-control': 'no-store' } },
    )
  } catch {
    return Response.json({ status: 'not ready', database: 'unreachable' }, { status: 503, headers: { 'cache-control': 'no-store' } })
  }
}
