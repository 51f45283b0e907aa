// Names people read instead of ids in exports and the audit log: collection names in Chinese, the
// title of a record (its `useAsTitle`), a staff member's name. Looked up with overrideAccess but
// only for these labels (a region's name, a category's label, a colleague's name), never content.
import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

/** The Chinese plural label of a collection (e.g. `complaints` → 投诉举报与异议); the slug when it has none. */
export function collectionLabel(payload: Payload, slug: string): string {
  const config = payload.collections[slug as CollectionSlug]?.config
  const label = config?.labels?.plural ?? config?.labels?.singular
  if (typeof label === 'string') return label
  if (label && typeof label === 'object') return String((label as Record<string, unknown>).zh ?? Object.values(label)[0] ?? slug)
  return slug
}

/** `field` of the records `ids` of `collection`, by id (one query; missing ones are left out). */
export async function labelsById(req: PayloadRequest, collection: string, ids: Iterable<unknown>, field: string): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((v) => v !== null && v !== undefined && v !== '').map((v) => String(typeof v === 'object' ? (v as { id: unknown }).id : v)))]
  const out = new Map<string, string>()
  if (!wanted.length || !req.payload.collections[collection as CollectionSlug]) return out
  const { docs } = await req.payload.find({
    collection: collection as CollectionSlug,
    where: { id: { in: wanted } },
    pagination: false,
    depth: 0,
    select: { [field]: true } as never,
    overrideAccess: true,
    context: { skipAudit: true },
    req,
  })
  for (const d of docs as Record<string, unknown>[]) if (d[field] !== undefined && d[field] !== null) out.set(String(d.id), String(d[field]))
  return out
}

/** The title field of a collection (`admin.useAsTitle`), or null when it shows ids. */
export function titleField(payload: Payload, slug: string): string | null {
  const t = payload.collections[slug as CollectionSlug]?.config?.admin?.useAsTitle
  return t && t !== 'id' ? t : null
}

export const idOf = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(typeof v === 'object' ? (v as { id: unknown }).id : v))
