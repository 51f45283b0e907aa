// The audit log as people read it: the collection's Chinese name, the record's title instead of its
// id, the acting person's name, China time. Shared by the admin list (virtual fields) and the export.
import type { PayloadRequest } from 'payload'
import { AUDIT_ACTIONS } from '../collections/AuditLog'
import { chinaDateTime } from '../domain/dates'
import { collectionLabel, labelsById, titleField } from './labels'

type Entry = Record<string, unknown>

/** A staff account is named by its name (its title, the e-mail, is not shown). */
const TITLE_OVERRIDES: Record<string, string> = { users: 'name' }

export const actionLabel = (a: unknown) => AUDIT_ACTIONS.find((x) => x.value === a)?.label ?? String(a ?? '')

/** Titles of the records `entries` point at, by `collection:id` (one query per collection). */
export async function auditTargetTitles(req: PayloadRequest, entries: Entry[]): Promise<Map<string, string>> {
  const byCollection = new Map<string, string[]>()
  for (const e of entries) {
    if (!e.targetId) continue
    const slug = String(e.targetCollection ?? '')
    byCollection.set(slug, [...(byCollection.get(slug) ?? []), String(e.targetId)])
  }
  const out = new Map<string, string>()
  for (const [slug, ids] of byCollection) {
    const field = TITLE_OVERRIDES[slug] ?? titleField(req.payload, slug)
    if (!field) continue
    const titles = await labelsById(req, slug, ids, field).catch(() => new Map<string, string>())
    for (const [id, title] of titles) out.set(`${slug}:${id}`, title)
  }
  return out
}

/** One entry in words: what the list and the export show. */
export function readableAuditEntry(req: PayloadRequest, e: Entry, titles: Map<string, string>) {
  const slug = String(e.targetCollection ?? '')
  const id = e.targetId ? String(e.targetId) : ''
  return {
    at: e.at ? chinaDateTime(String(e.at)) : '',
    action: actionLabel(e.action),
    collection: collectionLabel(req.payload, slug),
    // A record that no longer exists (or has no title) is named by its kind, never by its UUID.
    record: id ? (titles.get(`${slug}:${id}`) ?? '（已删除或无标题的记录）') : '',
    actor: String(e.actorName ?? '系统'),
    ip: String(e.ip ?? ''),
    summary: String(e.summary ?? ''),
    reason: String(e.reason ?? ''),
  }
}

/** Per request, the titles already looked up for the admin list (one query per record at most). */
const TITLE_CACHE = Symbol.for('ygjz.auditTitles')

/** The title of an entry's record for the admin (virtual field `targetTitle`). */
export async function auditTargetTitle(req: PayloadRequest, e: Entry): Promise<string> {
  if (!e.targetId) return ''
  const ctx = req.context as Record<symbol, Map<string, string> | undefined>
  const cache = (ctx[TITLE_CACHE] ??= new Map<string, string>())
  const key = `${String(e.targetCollection)}:${String(e.targetId)}`
  if (!cache.has(key)) {
    const titles = await auditTargetTitles(req, [e])
    cache.set(key, titles.get(key) ?? '（已删除或无标题的记录）')
  }
  return cache.get(key)!
}
