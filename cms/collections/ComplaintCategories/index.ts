import type { CollectionConfig } from 'payload'
import { KIND_OPTIONS } from '../../complaints/submission'
import { anyone, collectionAccess, isAdmin, nobody, opensAdmin } from '../../access'
import { auditChange, auditDelete } from '../../hooks/audit'
import { checkPublishableText } from '../../hooks/privacyCheck'

const unitOptions = [
  { value: 'calendar', label: '日（自然日）' },
  { value: 'working', label: '个工作日' },
]

/** 投诉举报类别 with their time limits: a county's own promises, configured per category. */
export const ComplaintCategories: CollectionConfig = {
  slug: 'complaint-categories',
  labels: { singular: '投诉举报类别', plural: '投诉举报类别' },
  admin: { useAsTitle: 'label', defaultColumns: ['label', 'kind', 'acknowledgeDays', 'resolveDays'], group: '投诉举报' },
  access: collectionAccess({ read: anyone, readVersions: nobody, create: isAdmin, update: isAdmin, delete: isAdmin, unlock: nobody, admin: opensAdmin }),
  hooks: { beforeChange: [checkPublishableText('complaint-categories')], afterChange: [auditChange], afterDelete: [auditDelete] },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'label', type: 'text', label: '名称', required: true },
        { name: 'code', type: 'text', label: '代码', required: true, unique: true },
        {
          name: 'kind',
          type: 'select',
          label: '入口',
          required: true,
          options: KIND_OPTIONS.map((k) => ({ ...k })),
        },
      ],
    },
    { name: 'description', type: 'textarea', label: '公开说明（表单上显示）' },
    {
      type: 'row',
      fields: [
        { name: 'acknowledgeDays', type: 'number', label: '告知是否受理的期限', required: true, defaultValue: 15, min: 1, max: 60 },
        { name: 'acknowledgeUnit', type: 'select', label: '单位', required: true, defaultValue: 'calendar', options: unitOptions },
        { name: 'resolveDays', type: 'number', label: '办结期限', required: true, defaultValue: 60, min: 1, max: 180 },
        { name: 'resolveUnit', type: 'select', label: '单位', required: true, defaultValue: 'calendar', options: unitOptions },
        { name: 'extensionDays', type: 'number', label: '可延期（一次）', required: true, defaultValue: 30, min: 0, max: 90 },
      ],
    },
  ],
}
