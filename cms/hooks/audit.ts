import { nowIso } from '../domain/clock'
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionAfterOperationHook,
  PayloadRequest,
} from 'payload'
import { isStaffUser } from '../access/roles'
import { keepingRequestContext } from './requestContext'

type Action = 'create' | 'update' | 'publish' | 'forcePublish' | 'unpublish' | 'delete' | 'view' | 'export' | 'import'

function clientAddress(req: PayloadRequest): string | undefined {
  const h = req.headers
  const fwd = h?.get?.('x-forwarded-for')?.split(',')[0]?.trim()
  return fwd || h?.get?.('x-real-ip') || undefined
}

/** Writes one audit entry. Summaries name the record by title/id only, never by personal data. */
export async function writeAudit(
  req: PayloadRequest,
  entry: { action: Action; collection: string; id?: string | number; summary?: string; reason?: string },
): Promise<void> {
  const user = req.user as { id: string; collection?: string; name?: string; email?: string } | null
  const isAccount = user?.collection === 'users' && !String(user.id).startsWith('system-')
  await keepingRequestContext(req, () => req.payload.create({
    collection: 'audit-log',
    overrideAccess: true,
    req,
    context: { skipAudit: true },
    data: {
      at: nowIso(),
      action: entry.action,
      targetCollection: entry.collection,
      targetId: entry.id === undefined ? undefined : String(entry.id),
      actor: isAccount ? user!.id : undefined,
      actorName: user ? (user.name ?? user.email ?? String(user.id)) : '系统',
      ip: clientAddress(req),
      summary: entry.summary?.slice(0, 200),
      reason: entry.reason,
    },
  }))
}

const titleOf = (doc: Record<string, unknown>) => String(doc.title ?? doc.name ?? doc.code ?? doc.id ?? '')

/** create / update / publish / unpublish, with an admin's force reason when there was one. */
export const auditChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req, collection, context }) => {
  if (context.skipAudit) return doc
  const now = doc?._status
  const before = previousDoc?._status
  let action: Action = operation === 'create' ? 'create' : 'update'
  if (now === 'published' && (operation === 'create' || before !== 'published' || context.forcePublished)) action = 'publish'
  if (now === 'published' && context.forcePublished) action = 'forcePublish'
  if (operation === 'update' && before === 'published' && now === 'draft' && !req.query?.draft) action = 'unpublish'
  await writeAudit(req, {
    action,
    collection: collection.slug,
    id: doc.id,
    summary: titleOf(doc),
    reason: typeof context.forcePublished === 'string' ? context.forcePublished : undefined,
  })
  return doc
}

export const auditDelete: CollectionAfterDeleteHook = async ({ doc, req, collection, context }) => {
  if (!context.skipAudit) await writeAudit(req, { action: 'delete', collection: collection.slug, id: doc.id, summary: titleOf(doc) })
  return doc
}

/** Views of sensitive records by staff (one entry per read operation, not per row). */
export const auditRead: CollectionAfterOperationHook = async ({ operation, result, req, collection, args }) => {
  if (!isStaffUser(req.user) || req.context?.skipAudit) return result
  if (operation === 'findByID') {
    const id = (args as { id?: string }).id
    await writeAudit(req, { action: 'view', collection: collection.slug, id, summary: `查看 ${collection.slug} ${id}` })
  } else if (operation === 'find') {
    const docs = (result as { docs?: { id: string }[] }).docs ?? []
    if (docs.length) {
      const ids = docs.slice(0, 20).map((d) => d.id).join(',')
      await writeAudit(req, {
        action: 'view',
        collection: collection.slug,
        summary: `查看列表 ${docs.length} 条：${ids}${docs.length > 20 ? '…' : ''}`,
      })
    }
  }
  return result
}
