import type { Endpoint } from 'payload'
import { hasRole } from '../access/roles'
import { householdChangesWorkbook, listHouseholdChanges, ListNotFound } from '../lists/householdChanges'

const noStore = { 'cache-control': 'no-store' }

/**
 * GET /api/recipient-lists/:id/household-changes[?format=xlsx]: the 新增 / 停保 / 调整 households of a
 * list against the previous published one, as JSON for the admin or as .xlsx to download.
 */
export const householdChangesEndpoint: Endpoint = {
  path: '/:id/household-changes',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return Response.json({ error: '请先登录管理后台。' }, { status: 401, headers: noStore })
    // Names of households: the people who prepare and review lists, not every staff role.
    if (!hasRole(req.user, 'admin', 'editor', 'reviewer')) return Response.json({ error: '只有经办人、审核人和管理员可以查看名单的户级变化。' }, { status: 403, headers: noStore })
    try {
      const changes = await listHouseholdChanges(req.payload, String(req.routeParams?.id ?? ''), req)
      if (req.searchParams.get('format') !== 'xlsx') return Response.json(changes, { headers: noStore })
      const body = await householdChangesWorkbook(changes, req)
      const name = encodeURIComponent(`${changes.list.title}-户级变化.xlsx`)
      return new Response(new Uint8Array(body), {
        headers: { ...noStore, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': `attachment; filename="household-changes.xlsx"; filename*=UTF-8''${name}` },
      })
    } catch (err) {
      if (err instanceof ListNotFound) return Response.json({ error: err.message }, { status: 404, headers: noStore })
      throw err
    }
  },
}
