import type { Endpoint } from 'payload'
import type { ListKind } from '../import/service'
import { handleImportRequest } from './importRequest'

/**
 * POST /api/recipient-lists/import (multipart): file, programme, region, month, kind, [title],
 * [sheet], [mapping], [excludeBadRows], [expectedSha256], action = preview | commit | report.
 */
export const importListEndpoint: Endpoint = {
  path: '/import',
  method: 'post',
  handler: (req) =>
    handleImportRequest(
      req,
      (f) => ({ kind: 'list', programme: f.programme ?? '', region: f.region ?? '', month: f.month ?? '', listKind: f.kind as ListKind, title: f.title }),
      (id) => `${req.payload.config.routes.admin}/collections/recipient-lists/${id}`,
    ),
}
