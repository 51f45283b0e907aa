// 办事指南 as the public reads it (domain.md §5). The fields copied here are the allow-list of a guide.
import type { Guide } from '../../payload-types'
import type { PublicGuide } from '../../../site/lib/snapshotSchema'
import { changeNotesOf, textOrNull, type FieldLabels, type ProjectionContext } from './context'

export type GuideDoc = Pick<Guide, 'id' | 'title' | 'programme' | 'applicableTo' | 'conditions' | 'exclusions' | 'materials' | 'steps' | 'statutoryWorkingDays' | 'promisedWorkingDays' | 'fee' | 'place' | 'window' | 'hours' | 'consultPhone' | 'supervisePhone' | 'basis' | 'changeNotes' | 'updatedAt'>

export const GUIDE_LABELS: FieldLabels<PublicGuide> = {
  id: '编号',
  programmeCode: '救助类别',
  title: '事项名称',
  applicableTo: '适用对象',
  conditions: '申请条件',
  exclusions: '不予受理或不符合的情形',
  materials: '所需材料',
  steps: '办理流程',
  statutoryWorkingDays: '法定时限',
  promisedWorkingDays: '承诺时限',
  fee: '收费',
  place: '办理地点',
  window: '窗口',
  hours: '办理时间',
  consultPhone: '咨询电话',
  supervisePhone: '监督电话',
  basis: '办理依据',
  changeNotes: '公开的修改说明',
  updatedAt: '更新时间',
}

/** Null when the guide's programme is not public (nothing to file it under). */
export function publicGuide(doc: GuideDoc, ctx: ProjectionContext): PublicGuide | null {
  const programme = ctx.programme(doc.programme)
  if (!programme) return null
  return {
    id: String(doc.id),
    programmeCode: programme.code,
    title: doc.title,
    applicableTo: doc.applicableTo,
    conditions: (doc.conditions ?? []).map((c) => c.text),
    exclusions: (doc.exclusions ?? []).map((c) => c.text),
    materials: (doc.materials ?? []).map((m) => ({ name: m.name, note: textOrNull(m.note), required: m.required ?? true })),
    steps: (doc.steps ?? []).map((s) => ({ title: s.title, actor: s.actor, description: textOrNull(s.description), workingDays: s.workingDays ?? null })),
    statutoryWorkingDays: doc.statutoryWorkingDays ?? null,
    promisedWorkingDays: doc.promisedWorkingDays ?? null,
    fee: doc.fee,
    place: textOrNull(doc.place),
    window: textOrNull(doc.window),
    hours: textOrNull(doc.hours),
    consultPhone: textOrNull(doc.consultPhone),
    supervisePhone: textOrNull(doc.supervisePhone),
    basis: (doc.basis ?? []).map((b) => ctx.policy(b)).filter((b): b is { id: string; title: string } => Boolean(b)),
    changeNotes: changeNotesOf(doc.changeNotes),
    updatedAt: doc.updatedAt,
  }
}
