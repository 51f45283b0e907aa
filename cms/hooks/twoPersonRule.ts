import { nowIso } from '../domain/clock'
import { rememberRefusal } from '../domain/errors'
import { APIError, type CollectionBeforeChangeHook } from 'payload'
import { hasRole } from '../access/roles'

const META_KEYS = new Set(['id', '_id', 'createdAt', 'updatedAt', '_status', 'lastEditedBy', 'publishedBy', 'publishedAt', 'forcePublishReason', 'piiOverrideReason', 'internalRemarks', 'changeNotes'])

const idOf = (v: unknown): string | null =>
  v == null ? null : typeof v === 'object' ? String((v as { id?: unknown }).id ?? '') || null : String(v)

/** Content compared for "did this save change anything": populated relations become ids, dates days. */
function canonical(value: unknown, top = false): unknown {
  if (Array.isArray(value)) return value.map((v) => canonical(v))
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>
    if (!top && 'id' in obj && ('createdAt' in obj || 'updatedAt' in obj)) return String(obj.id)
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(obj).sort()) {
      if (key === 'id' || key === '_id' || (top && META_KEYS.has(key))) continue
      const v = canonical(obj[key])
      if (v !== undefined && v !== null && v !== '') out[key] = v
    }
    return out
  }
  return value
}

export function contentChanged(data: Record<string, unknown>, original: Record<string, unknown> | undefined): boolean {
  if (!original) return true
  const a = canonical(data, true) as Record<string, unknown>
  const b = canonical(original, true) as Record<string, unknown>
  return Object.keys(a).some((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
}

export class TwoPersonRuleError extends APIError {
  constructor(message: string) {
    super(message, 403, undefined, true)
    rememberRefusal(message)
  }
}

/**
 * 谁经办谁签字，谁签字谁负责: nothing goes public on one person's word. A draft save records its
 * author; a publish must come from a reviewer (or admin) who is not the last editor and who changes
 * nothing in the same step. An admin may force it with a written reason, which is kept.
 * Saves without a user (seed, import jobs, scheduled jobs) are system operations and record no editor.
 */
export const enforceTwoPersonRule: CollectionBeforeChangeHook = ({ data, originalDoc, req, context }) => {
  const user = req.user
  if (!user || context.system || user.collection !== 'users') return data
  const publishing = data._status === 'published'
  // A new draft clears an earlier admin's force reason: each forced publish needs its own.
  if (!publishing) return { ...data, lastEditedBy: user.id, forcePublishReason: null }

  if (!hasRole(user, 'reviewer', 'admin')) {
    throw new TwoPersonRuleError('经办人不能直接发布：请保存草稿，由审核人审核后发布。')
  }
  const changedNow = contentChanged(data, originalDoc)
  const lastEditor = changedNow ? String(user.id) : idOf(originalDoc?.lastEditedBy)
  const ownWork = lastEditor === null || lastEditor === String(user.id)
  if (ownWork) {
    const reason = typeof data.forcePublishReason === 'string' ? data.forcePublishReason.trim() : ''
    if (!hasRole(user, 'admin') || reason.length < 5) {
      throw new TwoPersonRuleError(
        changedNow
          ? '两人审核：发布时不能同时修改内容。请先“保存草稿”，再由另一位审核人发布。'
          : '两人审核：最后修改此内容的是您本人，需由另一位审核人发布。管理员可在“强制发布理由”中写明理由（至少5个字）后发布。',
      )
    }
    context.forcePublished = reason
  }
  return {
    ...data,
    lastEditedBy: lastEditor ?? user.id,
    publishedBy: user.id,
    publishedAt: nowIso(),
  }
}
