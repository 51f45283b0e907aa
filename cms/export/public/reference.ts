// The reference data every page uses: the bureau (站点设置, with the disclosure rules residents
// are told), regions and programmes.
import { isOfficeAddress, parsePhoneNumbers, type DisclosureRules } from '../../domain/disclosure'
import { furnitureValue, isIcpNumber, isPoliceRecordNumber, isWebAddress, isWebsiteCode } from '../../domain/siteFurniture'
import { unitLabel } from '../../domain/units'
import type { Programme, Region, SiteSetting } from '../../payload-types'
import type { PublicProgramme, PublicRegion, SiteInfo } from '../../../site/lib/snapshotSchema'
import { textOrNull, type FieldLabels, type ProjectionContext } from './context'

export type SiteSettingsDoc = Pick<SiteSetting, 'bureauName' | 'columnTitle' | 'address' | 'officeHours' | 'consultPhone' | 'supervisePhone' | 'complaintAddress'> &
  Partial<Pick<SiteSetting, 'websiteCode' | 'icpNumber' | 'policeRecordNumber' | 'emblemUrl' | 'applyDisclosureUrl' | 'portalName' | 'portalUrl'>>

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
  websiteCode: '网站标识码',
  icpNumber: 'ICP备案号',
  policeRecordNumber: '公安机关备案号',
  emblemUrl: '党政机关网站标识链接',
  applyDisclosureUrl: '依申请公开网址',
  portalName: '县政府门户网站名称',
  portalUrl: '县政府门户网站网址',
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
    // Only values in their format reach the footer (the settings refuse others at save).
    websiteCode: furnitureValue(s.websiteCode, isWebsiteCode),
    icpNumber: furnitureValue(s.icpNumber, isIcpNumber),
    policeRecordNumber: furnitureValue(s.policeRecordNumber, isPoliceRecordNumber),
    emblemUrl: furnitureValue(s.emblemUrl, isWebAddress),
    applyDisclosureUrl: furnitureValue(s.applyDisclosureUrl, isWebAddress),
    portalName: textOrNull(s.portalName),
    portalUrl: furnitureValue(s.portalUrl, isWebAddress),
  }
}

export type RegionDoc = Pick<Region, 'code' | 'name' | 'level' | 'parent'> & Partial<Pick<Region, 'officePhone' | 'officeAddress'>>

/**
 * A village committee's or township office's contact, only as official contacts
 * (cms/domain/disclosure.ts): a phone field that parses as phone numbers, an office address.
 */
export function regionContact(r: Pick<RegionDoc, 'officePhone' | 'officeAddress'>): PublicRegion['contact'] {
  const phone = parsePhoneNumbers(r.officePhone) ? r.officePhone!.trim() : null
  const address = isOfficeAddress(r.officeAddress) ? r.officeAddress!.trim() : null
  return phone || address ? { phone, address } : null
}

export const publicRegion = (r: RegionDoc, ctx: ProjectionContext): PublicRegion => ({
  code: r.code,
  name: r.name,
  level: r.level,
  parentCode: r.parent ? ctx.regionCode(r.parent) : null,
  contact: regionContact(r),
})

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
