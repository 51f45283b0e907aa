import type { Payload } from 'payload'

/** Defaults: 信访工作条例 limits, with the shorter working-day promises counties make for objections and payments. */
export const DEFAULT_COMPLAINT_CATEGORIES = [
  { code: 'objection', label: '对公示对象有异议', kind: 'objection', acknowledgeDays: 3, acknowledgeUnit: 'working', resolveDays: 15, resolveUnit: 'working', extensionDays: 15, description: '认为公示中的家庭不符合条件，或金额、人数有误。请尽量在公示期内提出。' },
  { code: 'fraud', label: '骗保、人情保、关系保', kind: 'report', acknowledgeDays: 15, acknowledgeUnit: 'calendar', resolveDays: 60, resolveUnit: 'calendar', extensionDays: 30, description: '举报隐瞒收入财产骗取救助，或因人情、关系违规享受救助。' },
  { code: 'conduct', label: '工作人员作风问题', kind: 'report', acknowledgeDays: 15, acknowledgeUnit: 'calendar', resolveDays: 60, resolveUnit: 'calendar', extensionDays: 30, description: '吃拿卡要、推诿拖延、态度恶劣等。' },
  { code: 'payment', label: '救助金发放问题', kind: 'complaint', acknowledgeDays: 5, acknowledgeUnit: 'working', resolveDays: 15, resolveUnit: 'working', extensionDays: 10, description: '救助金未按时足额发放、被截留挪用等。' },
  { code: 'other', label: '其他投诉或建议', kind: 'other', acknowledgeDays: 15, acknowledgeUnit: 'calendar', resolveDays: 60, resolveUnit: 'calendar', extensionDays: 30, description: null },
] as const

export async function seedComplaintCategories(payload: Payload): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  for (const c of DEFAULT_COMPLAINT_CATEGORIES) {
    const existing = await payload.find({ collection: 'complaint-categories', where: { code: { equals: c.code } }, limit: 1, overrideAccess: true })
    const doc = existing.docs[0] ?? (await payload.create({ collection: 'complaint-categories', data: { ...c, description: c.description ?? undefined }, overrideAccess: true, context: { skipAudit: true } }))
    ids.set(c.code, String(doc.id))
  }
  return ids
}
