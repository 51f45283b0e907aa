import type { GlobalConfig } from 'payload'
import { isAdmin } from '../access'

/** 站点设置: who publishes the column and how residents reach them. Everything here is public. */
export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: '站点设置',
  admin: { group: '系统管理' },
  access: { read: () => true, update: isAdmin },
  fields: [
    { name: 'bureauName', type: 'text', label: '发布机构（局名）', required: true, defaultValue: '清河县民政局' },
    { name: 'columnTitle', type: 'text', label: '专栏名称', required: true, defaultValue: '阳光救助' },
    { name: 'address', type: 'text', label: '办公地址', defaultValue: '清河县民政局一楼社会救助窗口' },
    { name: 'officeHours', type: 'text', label: '办公时间', defaultValue: '工作日 上午 8:30—12:00，下午 14:30—17:30' },
    {
      type: 'row',
      fields: [
        { name: 'consultPhone', type: 'text', label: '咨询电话', defaultValue: '0000-1234567' },
        { name: 'supervisePhone', type: 'text', label: '监督电话', defaultValue: '0000-7654321' },
      ],
    },
  ],
}
