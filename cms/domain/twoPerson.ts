/**
 * 谁经办谁签字，谁签字谁负责: what changes the public site is decided by two people. The person who
 * acts (publishes, takes down, deletes, schedules, replaces a published file) must be a reviewer or
 * an admin, and not the person who last edited the content; nothing may be edited in the same step.
 * An admin may act on their own edit with a written reason (at least 5 characters), which is kept.
 * A future "submitted for review" state sits on top of this: it only adds who asked.
 */
export type ReviewAction = 'publish' | 'unpublish' | 'delete' | 'restore' | 'schedule' | 'replaceFile' | 'deleteFile'

export type ReviewInput = {
  action: ReviewAction
  actorId: string
  actorRoles: readonly string[]
  /** Who last edited the content (null: made by the system — seed, import job — or unknown). */
  lastEditorId: string | null
  /** Whether this same step also changes the content. */
  changesContent?: boolean
  /** An admin's written reason for acting on their own edit. */
  reason?: string | null
  /** What the refusal should name (e.g. the published pages that use a file). */
  detail?: string
}

export type ReviewDecision = { ok: true; forcedReason: string | null } | { ok: false; message: string }

export const MIN_REASON_LENGTH = 5

const VERB: Record<ReviewAction, string> = {
  publish: '发布',
  unpublish: '撤销发布',
  delete: '删除',
  restore: '恢复并发布',
  schedule: '安排定时发布',
  replaceFile: '替换此文件',
  deleteFile: '删除此文件',
}

const EDITOR_REFUSAL: Record<ReviewAction, (detail?: string) => string> = {
  publish: () => '经办人不能直接发布：请保存草稿，由审核人审核后发布。',
  unpublish: () => '经办人不能撤销发布：撤下已公开的内容须由另一位审核人（或管理员）操作，请联系审核人。',
  delete: () => '经办人不能删除已发布（或曾经发布）的内容：须由另一位审核人（或管理员）操作，请联系审核人。',
  restore: () => '经办人不能直接恢复已发布的版本：请勾选“恢复为草稿”，再由审核人审核发布。',
  schedule: () => '经办人不能安排定时发布：请保存草稿，由审核人审核后安排定时发布。',
  replaceFile: (d) => `此文件正被已发布的内容使用（${d ?? ''}）：替换文件须由另一位审核人（或管理员）操作。`,
  deleteFile: (d) => `此文件正被已发布的内容使用（${d ?? ''}）：删除文件须由另一位审核人（或管理员）操作；也可先撤下使用它的内容。`,
}

/** Actions that take something off the public site: content the system made may be taken down by any reviewer. */
const TAKEDOWN: ReadonlySet<ReviewAction> = new Set(['unpublish', 'delete', 'replaceFile', 'deleteFile'])

export function reviewDecision(input: ReviewInput): ReviewDecision {
  const { action, actorId, actorRoles, lastEditorId, changesContent, reason, detail } = input
  const verb = VERB[action]
  const isAdmin = actorRoles.includes('admin')
  if (action === 'restore') {
    return { ok: false, message: '两人审核：恢复旧版本不能直接发布。请勾选“恢复为草稿”，恢复后由另一位审核人审核发布。' }
  }
  if (!isAdmin && !actorRoles.includes('reviewer')) return { ok: false, message: EDITOR_REFUSAL[action](detail) }
  if (changesContent) {
    return { ok: false, message: `两人审核：${verb}时不能同时修改内容。请先“保存草稿”，再由另一位审核人${verb}。` }
  }
  const ownWork = lastEditorId === null ? !TAKEDOWN.has(action) : lastEditorId === actorId
  if (!ownWork) return { ok: true, forcedReason: null }
  const written = typeof reason === 'string' ? reason.trim() : ''
  if (isAdmin && written.length >= MIN_REASON_LENGTH) return { ok: true, forcedReason: written }
  const who = lastEditorId === null ? '此内容没有记录经办人（系统导入或早期数据）' : '最后修改此内容的是您本人'
  const how = action === 'delete' || action === 'deleteFile' ? '在删除请求中写明理由' : '在“强制发布理由”中写明理由'
  return { ok: false, message: `两人审核：${who}，需由另一位审核人${verb}。管理员可${how}（至少${MIN_REASON_LENGTH}个字）后${verb}。` }
}
