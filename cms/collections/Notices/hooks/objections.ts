import { type CollectionBeforeChangeHook, type FieldHook, type PayloadRequest } from 'payload'
import { OPEN_STATUSES } from '../../../complaints/workflow'
import { relationId } from '../../../util/relation'
import { refusal } from '../../../hooks/refuse'


/** Unresolved objections raised against a notice (a count only: editors never see their content). */
export async function openObjectionCount(req: PayloadRequest, noticeId: string): Promise<number> {
  const { totalDocs } = await req.payload.count({
    collection: 'complaints',
    where: { and: [{ notice: { equals: noticeId } }, { kind: { equals: 'objection' } }, { status: { in: OPEN_STATUSES } }] },
    overrideAccess: true,
    req,
  })
  return totalDocs
}

export const openObjectionsField: FieldHook = async ({ originalDoc, req }) => {
  if (!originalDoc?.id || !req.user) return null
  return openObjectionCount(req, String(originalDoc.id))
}

/** A batch cannot advance to its next stage while an objection on the previous stage is unresolved. */
export const blockWhileObjectionsOpen: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (data._status !== 'published') return data
  const previous = relationId(data.previousNotice ?? originalDoc?.previousNotice)
  if (!previous) return data
  const open = await openObjectionCount(req, previous)
  if (open > 0) {
    throw refusal(`上一阶段公示还有 ${open} 件异议尚未办结，不能发布下一阶段公示。请先由信访/纪检人员核实处理异议。`, { status: 409 })
  }
  return data
}
