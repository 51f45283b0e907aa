import type { Field } from 'payload'
import { isAdminField, isStaffField } from '../access'

/**
 * The two-person rule's record: who last edited, who published and when, and an admin's written
 * reason when they publish their own edit or override a privacy warning. Staff-only, never exported.
 */
export const TWO_PERSON_EXPLANATION =
  '两人审核（谁经办谁签字，谁签字谁负责）：经办人保存草稿；发布、撤销发布、删除已发布的内容和安排定时发布，都须由另一位审核人（或管理员）操作，最后修改内容的人不能自己操作。定时发布只发布审核时的版本，之后再修改会自动取消定时发布。'

export const reviewFields = (): Field[] => [
  {
    name: 'lastEditedBy',
    type: 'relationship',
    relationTo: 'users',
    label: '最后修改人',
    access: { read: isStaffField, create: () => false, update: () => false },
    admin: { readOnly: true, position: 'sidebar', description: TWO_PERSON_EXPLANATION },
  },
  {
    name: 'publishedBy',
    type: 'relationship',
    relationTo: 'users',
    label: '发布（审核）人',
    access: { read: isStaffField, create: () => false, update: () => false },
    admin: { readOnly: true, position: 'sidebar' },
  },
  {
    name: 'publishedAt',
    type: 'date',
    label: '发布时间',
    access: { read: isStaffField, create: () => false, update: () => false },
    admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
  },
  {
    name: 'scheduleNote',
    type: 'text',
    label: '定时发布提示',
    access: { read: isStaffField, create: () => false, update: () => false },
    admin: { readOnly: true, position: 'sidebar', condition: (data) => Boolean(data?.scheduleNote) },
  },
  {
    name: 'forcePublishReason',
    type: 'textarea',
    label: '强制发布理由（仅管理员）',
    access: { read: isStaffField, create: isAdminField, update: isAdminField },
    admin: {
      position: 'sidebar',
      description: '管理员发布或撤销发布自己修改的内容、或忽略隐私检查提示时必须填写，理由会记入审计日志。',
    },
  },
]

/** Public "what changed" notes, shown on the site; separate from internal remarks. */
export const changeNotesField = (): Field => ({
  name: 'changeNotes',
  type: 'array',
  label: '公开的修改说明',
  labels: { singular: '修改说明', plural: '公开的修改说明' },
  admin: { description: '在公开页面显示，例如“2026年3月1日 更新了申请材料清单”。', initCollapsed: true },
  fields: [
    { name: 'on', type: 'date', label: '日期', required: true, admin: { date: { pickerAppearance: 'dayOnly' } } },
    { name: 'note', type: 'text', label: '说明', required: true, maxLength: 200 },
  ],
})

/** Internal remarks: staff-only, never exported. */
export const internalRemarksField = (): Field => ({
  name: 'internalRemarks',
  type: 'textarea',
  label: '内部备注（不公开）',
  access: { read: isStaffField, create: isStaffField, update: isStaffField },
  admin: { position: 'sidebar' },
})
