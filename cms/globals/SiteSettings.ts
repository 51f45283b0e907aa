import type { GlobalConfig } from 'payload'
import { anyone, globalAccess, isAdmin, nobody } from '../access'
import { validatePhoneField } from '../fields/phone'
import { checkSiteSettingsText } from '../hooks/privacyCheck'
import { isIcpNumber, isPoliceRecordNumber, isWebAddress, isWebsiteCode } from '../domain/siteFurniture'

/** An optional field that, when set, must have its format; the message says what is expected. */
const optionalFormat = (valid: (s: string) => boolean, message: string) => (value: unknown): true | string =>
  value === null || value === undefined || value === '' || (typeof value === 'string' && valid(value)) ? true : message

/** 站点设置: who publishes the column and how residents reach them. Everything here is public. */
export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: '站点设置',
  admin: { group: '系统管理' },
  access: globalAccess({ read: anyone, readDrafts: nobody, readVersions: nobody, update: isAdmin }),
  hooks: { beforeChange: [checkSiteSettingsText] },
  fields: [
    { name: 'bureauName', type: 'text', label: '发布机构（局名）', required: true, defaultValue: '清河县民政局' },
    { name: 'columnTitle', type: 'text', label: '专栏名称', required: true, defaultValue: '阳光救助' },
    { name: 'address', type: 'text', label: '办公地址', defaultValue: '清河县民政局一楼社会救助窗口' },
    { name: 'officeHours', type: 'text', label: '办公时间', defaultValue: '工作日 上午 8:30—12:00，下午 14:30—17:30' },
    {
      type: 'row',
      fields: [
        { name: 'consultPhone', type: 'text', label: '咨询电话', defaultValue: '0000-1234567', validate: validatePhoneField },
        { name: 'supervisePhone', type: 'text', label: '监督电话', defaultValue: '0000-7654321', validate: validatePhoneField },
      ],
    },
    { name: 'complaintAddress', type: 'text', label: '投诉举报受理地址', defaultValue: '清河县民政局社会救助股（一楼窗口）' },
    {
      type: 'collapsible',
      label: '网站标识和链接（显示在网站页脚，未填写的不显示）',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'websiteCode', type: 'text', label: '网站标识码', maxLength: 10, validate: optionalFormat(isWebsiteCode, '网站标识码应为10位，例如 9901020001（部门网站如 bm01000001）。请按政府网站标识码证书填写。') },
            { name: 'icpNumber', type: 'text', label: 'ICP备案号', maxLength: 30, validate: optionalFormat(isIcpNumber, 'ICP备案号的格式应如“京ICP备12345678号”或“京ICP备12345678号-1”，请按工业和信息化部备案信息填写。') },
            { name: 'policeRecordNumber', type: 'text', label: '公安机关备案号', maxLength: 30, validate: optionalFormat(isPoliceRecordNumber, '公安机关备案号的格式应如“京公网安备 11010502030143号”（14位数字），请按公安机关备案信息填写。') },
          ],
        },
        { name: 'emblemUrl', type: 'text', label: '党政机关网站标识链接', admin: { description: '党政机关网站标识（红色标识）指向的认证网址，以 https:// 开头。' }, validate: optionalFormat(isWebAddress, '请填写完整网址，以 https:// 或 http:// 开头，例如 https://bszs.conac.cn/sitename?method=show&id=…') },
        { name: 'applyDisclosureUrl', type: 'text', label: '依申请公开网址', validate: optionalFormat(isWebAddress, '请填写完整网址，以 https:// 或 http:// 开头。') },
        {
          type: 'row',
          fields: [
            { name: 'portalName', type: 'text', label: '县政府门户网站名称', maxLength: 60, admin: { description: '例如：清河县人民政府' } },
            { name: 'portalUrl', type: 'text', label: '县政府门户网站网址', validate: optionalFormat(isWebAddress, '请填写完整网址，以 https:// 或 http:// 开头。') },
          ],
        },
      ],
    },
    {
      type: 'collapsible',
      label: '公开与保留',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'smallCountThreshold', type: 'number', label: '小数目不单独显示的阈值（户）', defaultValue: 3, min: 1, max: 20, required: true },
            { name: 'noticeRetentionDays', type: 'number', label: '公示结束后保留天数', defaultValue: 30, min: 0, max: 3650, required: true },
            { name: 'listRetentionMonths', type: 'number', label: '名单公开保留月数', defaultValue: 12, min: 1, max: 120, required: true },
          ],
        },
      ],
    },
  ],
}
