import { loadSnapshot } from '../snapshot'
import type { PublicComplaintCategory, PublicNotice, Snapshot } from '../snapshotSchema'

export const runtimeSnapshot = (): Snapshot => loadSnapshot()

export function categoriesFor(kind: string): PublicComplaintCategory[] {
  return runtimeSnapshot().complaintCategories.filter((c) => c.kind === kind)
}

/** Notices a resident can object to: those running now, and those ended in the last 30 days. */
export function objectableNotices(): PublicNotice[] {
  const snap = runtimeSnapshot()
  return snap.notices.filter((n) => n.status === '公示中' || n.status === '已结束')
}

export function noticeById(id: string | null | undefined): PublicNotice | null {
  if (!id) return null
  return runtimeSnapshot().notices.find((n) => n.id === id) ?? null
}
