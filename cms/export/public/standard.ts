// 保障标准 as the public reads it. The fields copied here are the allow-list of a standard.
import { unitLabel } from '../../domain/units'
import type { Standard } from '../../payload-types'
import type { PublicStandard } from '../../../site/lib/snapshotSchema'
import { dayOf, textOrNull, type FieldLabels, type ProjectionContext } from './context'

export type StandardDoc = Pick<Standard, 'id' | 'programme' | 'region' | 'tier' | 'amount' | 'unit' | 'effectiveFrom' | 'effectiveTo' | 'policy'>

export const STANDARD_LABELS: FieldLabels<PublicStandard> = {
  id: '编号',
  programmeCode: '救助类别',
  regionCode: '适用地区',
  tier: '档次/类型',
  amount: '标准金额',
  unit: '单位',
  effectiveFrom: '执行日期',
  effectiveTo: '停止日期',
  isCurrent: '是否现行',
  policy: '依据文件',
}

/** Null when its programme or region is not public. "Current" is derived from the release day. */
export function publicStandard(doc: StandardDoc, ctx: ProjectionContext): PublicStandard | null {
  const programme = ctx.programme(doc.programme)
  const regionCode = ctx.regionCode(doc.region)
  const from = dayOf(doc.effectiveFrom)
  if (!programme || !regionCode || !from) return null
  const to = dayOf(doc.effectiveTo)
  return {
    id: String(doc.id),
    programmeCode: programme.code,
    regionCode,
    tier: textOrNull(doc.tier),
    amount: doc.amount,
    unit: unitLabel(doc.unit),
    effectiveFrom: from,
    effectiveTo: to,
    isCurrent: from <= ctx.asOf && (!to || to >= ctx.asOf),
    policy: ctx.policy(doc.policy),
  }
}
