import {
  isolateObjectProperty,
  type CollectionAfterChangeHook,
  type CollectionAfterDeleteHook,
  type CollectionAfterOperationHook,
  type PayloadRequest,
} from 'payload'
import { isStaffUser } from '../access/roles'
import { clientAddressBehindProxy, parseProxyTrust } from '../domain/clientAddress'
import { nowIso } from '../domain/clock'
import { keepingRequestContext } from './requestContext'
import { reviewRecordOf } from './twoPersonRule'

export type AuditAction =
  | 'create' | 'update' | 'publish' | 'forcePublish' | 'unpublish' | 'delete' | 'restore' | 'schedule' | 'scheduleCancel'
  | 'view' | 'viewVersions' | 'denied' | 'export' | 'import' | 'unlock' | 'login' | 'loginFailed' | 'passwordChange' | 'passwordReset' | 'twoFactor'

/**
 * The client address of a CMS request, by the trusted-proxy rule the public server uses
 * (cms/domain/clientAddress.ts; TRUST_PROXY hops, TRUSTED_PROXIES): the entry the nearest trusted
 * proxy wrote, never the leftmost; without TRUST_PROXY, nothing (the CMS under Next.js cannot see
 * its socket, and a client-written X-Forwarded-For is not evidence). Used by the audit log and the
 * forgot-password throttle.
 */
export function requestAddress(req: PayloadRequest): string | undefined {
  const forwardedFor = req.headers?.get?.('x-forwarded-for') ?? null
  return clientAddressBehindProxy(forwardedFor, parseProxyTrust(process.env.TRUST_PROXY, process.env.TRUSTED_PROXIES)) ?? undefined
}

/** Writes one audit entry. Summaries name the record by title/id only, never by personal data. */
export async function writeAudit(
  req: PayloadRequest,
  entry: { action: AuditAction; collection: string; id?: string | number; summary?: string; reason?: string; actor?: { id: string | number; name?: string | null; email?: string | null } },
): Promise<void> {
  const user = (entry.actor ? { ...entry.actor, collection: 'users' } : req.user) as { id: string; collection?: string; name?: string; email?: string } | null
  const isAccount = user?.collection === 'users' && !String(user.id).startsWith('system-')
  // Inside a write, the entry joins its transaction (committed or rolled back with the change; on
  // SQLite a second writer would wait for the first forever). Outside one — a read, often from inside
  // Payload's relationship loader while it populates a document — the entry gets its own transaction
  // on an isolated copy of the request: starting one on the caller's request changes its
  // transactionID mid-read, and the loader then no longer finds the documents it fetched.
  const auditReq = req.transactionID ? req : isolateObjectProperty(req, ['transactionID'])
  await keepingRequestContext(req, () => req.payload.create({
    collection: 'audit-log',
    overrideAccess: true,
    req: auditReq,
    depth: 0,
    context: { skipAudit: true },
    data: {
      at: nowIso(),
      action: entry.action,
      targetCollection: entry.collection,
      targetId: entry.id === undefined ? undefined : String(entry.id),
      actor: isAccount ? user!.id : undefined,
      actorName: user ? (user.name ?? user.email ?? String(user.id)) : '系统',
      ip: requestAddress(req),
      summary: entry.summary?.slice(0, 200),
      reason: entry.reason,
    },
  }))
}

const titleOf = (doc: Record<string, unknown>) => String(doc.title ?? doc.name ?? doc.code ?? doc.id ?? '')

/** create / update / publish / unpublish / restore, as the two-person rule classified the save, with an admin's force reason. */
export const auditChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req, collection, context }) => {
  if (context.skipAudit) return doc
  const review = reviewRecordOf(req, collection.slug, doc.id) ?? reviewRecordOf(req, collection.slug, undefined)
  let action: AuditAction = operation === 'create' ? 'create' : 'update'
  if (review && review.action !== 'edit') action = review.action
  else if (!review && doc?._status === 'published' && (operation === 'create' || previousDoc?._status !== 'published')) action = 'publish'
  const reason = review?.reason ?? (typeof context.forcePublished === 'string' ? context.forcePublished : undefined)
  await writeAudit(req, {
    action,
    collection: collection.slug,
    id: doc.id,
    summary: `${review?.scheduled ? '定时发布：' : ''}${titleOf(doc)}`,
    reason: reason ?? undefined,
  })
  return doc
}

export const auditDelete: CollectionAfterDeleteHook = async ({ doc, req, collection, context }) => {
  if (context.skipAudit) return doc
  const reason = (req.context.deleteReasons as Record<string, string> | undefined)?.[`${collection.slug}:${doc.id}`]
  const status = doc?._status === 'published' ? '（已发布）' : ''
  await writeAudit(req, { action: 'delete', collection: collection.slug, id: doc.id, summary: `${titleOf(doc)}${status}`, reason })
  return doc
}

/** Views of sensitive records by staff, versions included (one entry per read operation, not per row). */
export const auditRead: CollectionAfterOperationHook = async ({ operation, result, req, collection, args }) => {
  if (!isStaffUser(req.user) || req.context?.skipAudit) return result
  if (operation === 'findByID' || operation === 'findVersionByID') {
    const id = (args as { id?: string }).id
    const versions = operation === 'findVersionByID'
    await writeAudit(req, { action: versions ? 'viewVersions' : 'view', collection: collection.slug, id, summary: `查看${versions ? '历史版本' : ''} ${collection.slug} ${id}` })
  } else if (operation === 'find' || operation === 'findVersions') {
    const docs = (result as { docs?: { id: string; parent?: unknown }[] }).docs ?? []
    if (docs.length) {
      const versions = operation === 'findVersions'
      const ids = docs.slice(0, 20).map((d) => d.id).join(',')
      await writeAudit(req, {
        action: versions ? 'viewVersions' : 'view',
        collection: collection.slug,
        summary: `查看${versions ? '历史版本' : ''}列表 ${docs.length} 条：${ids}${docs.length > 20 ? '…' : ''}`,
      })
    }
  }
  return result
}

/** Collections whose records are personal data: a refused or out-of-scope request for them is audited. */
export const SENSITIVE_COLLECTIONS = new Set(['notices', 'recipient-rows', 'recipient-lists', 'complaints', 'complaint-files', 'users', 'audit-log'])

/**
 * A staff request for a sensitive record that was refused (403) or not found in the caller's scope
 * (404: another township's notice) leaves an entry: who tried what, never the data itself.
 */
export async function auditRefusal(req: PayloadRequest | undefined, error: unknown, slug?: string): Promise<void> {
  if (!req?.user || !slug || !SENSITIVE_COLLECTIONS.has(slug)) return
  const status = (error as { status?: number })?.status
  if (status !== 403 && status !== 404) return
  const url = (() => {
    try {
      return new URL(req.url ?? '', 'http://cms.invalid').pathname
    } catch {
      return ''
    }
  })()
  await writeAudit(req, { action: 'denied', collection: slug, summary: `${req.method ?? ''} ${url} → ${status}`.slice(0, 200) }).catch(() => {})
}
