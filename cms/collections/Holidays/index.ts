import type { CollectionConfig } from 'payload'
import { anyone, collectionAccess, isAdmin, nobody, opensAdmin } from '../../access'
import { invalidateWorkCalendar } from '../../calendar/workCalendar'
import { auditChange, auditDelete } from '../../hooks/audit'

/** 节假日日历: one record per date that is a statutory rest day or a make-up working day (调休). */
export const Holidays: CollectionConfig = {
  slug: 'holidays',
  labels: { singular: '节假日', plural: '节假日日历' },
  admin: { useAsTitle: 'date', defaultColumns: ['date', 'kind', 'name', 'source'], group: '基础数据' },
  access: collectionAccess({ read: anyone, readVersions: nobody, create: isAdmin, update: isAdmin, delete: isAdmin, unlock: nobody, admin: opensAdmin }),
  hooks: {
    afterChange: [auditChange, () => invalidateWorkCalendar()],
    afterDelete: [auditDelete, () => invalidateWorkCalendar()],
  },
  defaultSort: 'date',
  fields: [
    {
      name: 'date',
      type: 'text',
      label: '日期',
      required: true,
      unique: true,
      index: true,
      admin: { description: '格式 2026-10-01' },
      validate: (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? true : '日期格式应为 YYYY-MM-DD，例如 2026-10-01。'),
    },
    {
      name: 'kind',
      type: 'select',
      label: '类型',
      required: true,
      options: [
        { value: 'off', label: '法定节假日休息' },
        { value: 'makeup', label: '调休上班（周末补班）' },
      ],
    },
    { name: 'name', type: 'text', label: '节日名称', required: true },
    { name: 'source', type: 'text', label: '来源', admin: { description: '例如：国务院办公厅关于2026年部分节假日安排的通知' } },
  ],
}

export const CalendarYears: CollectionConfig = {
  slug: 'calendar-years',
  labels: { singular: '日历年度', plural: '日历年度' },
  admin: { useAsTitle: 'year', defaultColumns: ['year', 'published', 'source'], group: '基础数据' },
  access: collectionAccess({ read: anyone, readVersions: nobody, create: isAdmin, update: isAdmin, delete: isAdmin, unlock: nobody, admin: opensAdmin }),
  hooks: {
    afterChange: [auditChange, () => invalidateWorkCalendar()],
    afterDelete: [auditDelete, () => invalidateWorkCalendar()],
  },
  defaultSort: '-year',
  fields: [
    { name: 'year', type: 'number', label: '年度', required: true, unique: true, min: 2000, max: 2100 },
    {
      name: 'published',
      type: 'checkbox',
      label: '已录入国务院公布的节假日安排',
      defaultValue: false,
      admin: { description: '未勾选的年度，系统拒绝计算落在该年度的工作日期限。' },
    },
    { name: 'source', type: 'text', label: '来源' },
  ],
}
