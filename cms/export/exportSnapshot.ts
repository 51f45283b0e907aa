import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { SNAPSHOT_SCHEMA_VERSION, snapshotSchema, type PublicPolicy, type Snapshot } from '../../site/lib/snapshotSchema'
import { richTextToPublicHtml } from './richText'

const shanghaiDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
/** Calendar day in China of a stored timestamp (a day picked in the admin is stored as a UTC instant). */
export const dayOf = (v: unknown): string | null => (typeof v === 'string' && v ? shanghaiDay.format(new Date(v)) : null)
const textOrNull = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null)

/**
 * Reads what an anonymous visitor may read (access enforced, published only) and copies the
 * allow-listed fields into the snapshot shape. Nothing else leaves the database.
 */
export async function buildSnapshot(payload: Payload): Promise<Snapshot> {
  const asPublic = { overrideAccess: false, user: null, draft: false } as const
  const settings = await payload.findGlobal({ slug: 'site-settings', ...asPublic, depth: 0 })
  const { docs } = await payload.find({
    collection: 'policies',
    ...asPublic,
    where: { _status: { equals: 'published' } },
    pagination: false,
    depth: 1,
    sort: '-publishedOn',
  })
  const publishedIds = new Set(docs.map((d) => String(d.id)))

  const policies: PublicPolicy[] = docs.map((doc) => {
    const replacement = doc.supersededBy && typeof doc.supersededBy === 'object' ? doc.supersededBy : null
    return {
      id: String(doc.id),
      title: doc.title,
      indexNumber: textOrNull(doc.indexNumber),
      documentNumber: textOrNull(doc.documentNumber),
      issuer: doc.issuer,
      writtenOn: dayOf(doc.writtenOn),
      publishedOn: dayOf(doc.publishedOn)!,
      validity: doc.validity,
      // Link only to a replacement the public can see.
      supersededBy:
        replacement && publishedIds.has(String(replacement.id))
          ? { id: String(replacement.id), title: replacement.title }
          : null,
      summary: textOrNull(doc.summary),
      bodyHtml: richTextToPublicHtml(doc.body),
      programmeCodes: [],
      changeNotes: [],
      attachments: (doc.attachments ?? [])
        .filter((m): m is Exclude<typeof m, string> => typeof m === 'object' && m !== null)
        .map((m) => ({
          title: m.alt || m.filename || '附件',
          url: `/files/${m.filename}`,
          mimeType: m.mimeType ?? 'application/octet-stream',
          filesize: m.filesize ?? 0,
        })),
      updatedAt: doc.updatedAt,
    }
  })

  return snapshotSchema.parse({
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    generatedAt: new Date().toISOString(),
    asOf: dayOf(new Date().toISOString())!,
    regions: [],
    programmes: [],
    standards: [],
    guides: [],
    notices: [],
    lists: [],
    monthlyStats: [],
    complaintStats: [],
    withdrawals: [],
    disclosures: [],
    site: {
      bureauName: settings.bureauName,
      columnTitle: settings.columnTitle,
      address: textOrNull(settings.address),
      officeHours: textOrNull(settings.officeHours),
      consultPhone: textOrNull(settings.consultPhone),
      supervisePhone: textOrNull(settings.supervisePhone),
      complaintAddress: textOrNull(settings.address),
    },
    policies,
  })
}

/** Writes the snapshot atomically (temp file + rename) so a reader never sees half a file. */
export function writeSnapshot(snapshot: Snapshot, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  fs.writeFileSync(tmp, JSON.stringify(snapshot))
  fs.renameSync(tmp, file)
}
