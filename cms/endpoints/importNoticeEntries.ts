import type { Endpoint } from 'payload'
import { handleImportRequest } from './importRequest'

/**
 * POST /api/notices/:id/import-entries (multipart): replaces a notice's entries (公示对象) with the
 * households of the file, as a new draft version. Fields as for the list import, without
 * programme/region/month (the notice has them).
 */
export const importNoticeEntriesEndpoint: Endpoint = {
  path: '/:id/import-entries',
  method: 'post',
  handler: (req) =>
    handleImportRequest(
      req,
      () => ({ kind: 'notice', noticeId: String(req.routeParams?.id ?? '') }),
      (id) => `${req.payload.config.routes.admin}/collections/notices/${id}`,
    ),
}
