import type { GlobalConfig } from 'payload'
import { anyone, globalAccess, isAdmin, nobody } from '../access'
import { validatePhoneField } from '../fields/phone'
import { checkSiteSettingsText } from '../hooks/privacyCheck'

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
