import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { EXPORTER_USER } from '../access/roles'
import { nowIso, today as clockToday } from '../domain/clock'
import { readListRows } from '../storage/rowStore'
import { assembleSnapshot, type ExportResult, type PublishedDocuments } from './assemble'
import { COMPLAINT_STAT_FIELDS } from './public/complaintStats'
import { richTextToPublicHtml } from './richText'

export type { ExportResult } from './assemble'

/**
 * Reads what the `exporter` identity may read (access enforced: published only; entries visible
 * to it so they can be masked) and assembles the snapshot from the public projections
 * (cms/export/public/*) under the disclosure rules (cms/domain/disclosure.ts). Nothing else leaves
 * the database, and the result is validated against the strict schema before it is returned.
 */
export async function buildSnapshot(payload: Payload, { asOf = clockToday() }: { asOf?: string } = {}): Promise<ExportResult> {
  const as = { overrideAccess: false, user: EXPORTER_USER as never, draft: false, pagination: false, context: { skipAudit: true } } as const
  const published = { _status: { equals: 'published' } } as const
  const [settings, regions, programmes, policies, standards, guides, notices, lists, categories, complaints, interpretations] = await Promise.all([
    payload.findGlobal({ slug: 'site-settings', overrideAccess: false, user: EXPORTER_USER as never, depth: 0 }),
    payload.find({ collection: 'regions', ...as, depth: 0, sort: 'path' }),
    payload.find({ collection: 'programmes', ...as, depth: 0 }),
    payload.find({ collection: 'policies', ...as, depth: 1, sort: '-publishedOn', where: published }),
    payload.find({ collection: 'standards', ...as, depth: 0, sort: '-effectiveFrom', where: published }),
    payload.find({ collection: 'guides', ...as, depth: 0, where: published }),
    payload.find({ collection: 'notices', ...as, depth: 0, sort: '-postedOn', where: published }),
    payload.find({ collection: 'recipient-lists', ...as, depth: 0, sort: '-month', where: published }),
    payload.find({ collection: 'complaint-categories', ...as, depth: 0, sort: 'createdAt' }),
    // The exporter cannot read complaints; the statistics read only category and dates, deliberately.
    payload.find({ collection: 'complaints', overrideAccess: true, pagination: false, depth: 0, select: COMPLAINT_STAT_FIELDS, context: { skipAudit: true } }),
    payload.find({ collection: 'policy-interpretations', ...as, depth: 0, sort: '-publishedOn', where: published }),
  ])
  const docs: PublishedDocuments = {
    settings,
    regions: regions.docs,
    programmes: programmes.docs,
    policies: policies.docs,
    interpretations: interpretations.docs,
    standards: standards.docs,
    guides: guides.docs,
    notices: notices.docs,
    lists: lists.docs,
    complaints: complaints.docs,
    complaintCategories: categories.docs,
  }
  return assembleSnapshot(docs, { asOf, generatedAt: nowIso(), richTextHtml: richTextToPublicHtml, readRows: (ids) => readListRows(payload, ids) })
}

/** Writes the snapshot and its list files atomically (temp + rename) so a reader never sees half a file. */
export function writeSnapshot(result: Pick<ExportResult, 'snapshot' | 'listFiles'>, file: string): string[] {
  const dir = path.dirname(file)
  fs.mkdirSync(path.join(dir, 'lists'), { recursive: true })
  const written: string[] = []
  const put = (target: string, data: unknown) => {
    const tmp = `${target}.${process.pid}.tmp`
    fs.writeFileSync(tmp, JSON.stringify(data))
    fs.renameSync(tmp, target)
    written.push(target)
  }
  for (const f of result.listFiles) put(path.join(dir, 'lists', `${f.listId}.json`), f)
  put(file, result.snapshot)
  return written
}
