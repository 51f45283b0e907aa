// The reference data every page uses: the bureau (站点设置, with the disclosure rules residents
// are told), regions and programmes.
import type { DisclosureRules } from '../../domain/disclosure'
import { unitLabel } from '../../domain/units'
import type { Programme, Region, SiteSetting } from '../../payload-types'
import type { PublicProgramme, PublicRegion, SiteInfo } from '../../../site/lib/snapshotSchema'
import { textOrNull, type FieldLabels, type ProjectionContext } from './context'

export type SiteSettingsDoc = Pick<SiteSetting, 'bureauName' | 'columnTitle' | 'address' | 'officeHours' | 'consultPhone' | 'supervisePhone' | 'complaintAddress'>

export const SITE_LABELS: FieldLabels<SiteInfo> = {
  bureauName: '发布机构（局名）',
  columnTitle: '专栏名称',
  address: '办公地址',
  officeHours: '办公时间',
  consultPhone: '咨询电话',
  supervisePhone: '监督电话',
  complaintAddress: '投诉举报受理地址',
  smallCountThreshold: '小数目不单独显示的阈值',
  noticeRetentionDays: '公示结束后保留天数',
  listRetentionMonths: '名单公开保留月数',
}

export function publicSiteInfo(s: SiteSettingsDoc, rules: DisclosureRules): SiteInfo {
  return {
    bureauName: s.bureauName,
    columnTitle: s.columnTitle,
    address: textOrNull(s.address),
    officeHours: textOrNull(s.officeHours),
    consultPhone: textOrNull(s.consultPhone),
    supervisePhone: textOrNull(s.supervisePhone),
    complaintAddress: textOrNull(s.complaintAddress),
    ...rules,
  }
}

export type RegionDoc = Pick<Region, 'code' | 'name' | 'level' | 'parent'>

export const publicRegion = (r: RegionDoc, ctx: ProjectionContext): PublicRegion => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent ? ctx.regionCode(r.parent) : null })

export type ProgrammeDoc = Pick<Programme, 'code' | 'name' | 'shortName' | 'unit' | 'description' | 'publicityRequired'>

export const PROGRAMME_LABELS: FieldLabels<PublicProgramme> = {
  code: '代码',
  name: '名称',
  shortName: '简称',
  unit: '标准单位',
  description: '说明',
  publicityRequired: '审批前须公示',
}

export const publicProgramme = (p: ProgrammeDoc): PublicProgramme => ({
  code: p.code,
  name: p.name,
  shortName: p.shortName,
  unit: unitLabel(p.unit),
  description: textOrNull(p.description),
  publicityRequired: p.publicityRequired ?? true,
})
