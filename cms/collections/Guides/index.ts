import type { CollectionConfig, Field } from 'payload'
import { authenticatedOrPublished, collectionAccess, isContentStaff, nobody, opensAdmin, staffVersions } from '../../access'
import { changeNotesField, internalRemarksField, reviewFields } from '../../fields/review'
import { auditChange, auditDelete } from '../../hooks/audit'
import { checkPublishableText, privacyFields } from '../../hooks/privacyCheck'
import { enforceTwoPersonRule, guardDeletingPublished, rememberSaveMode } from '../../hooks/twoPersonRule'
import { publishOnChange, publishOnDelete } from '../../publish/autoPublish'
import { validatePhoneField } from '../../fields/phone'

const textList = (name: string, label: string, itemLabel: string): Field => ({
  name,
  type: 'array',
  label,
  labels: { singular: itemLabel, plural: label },
  fields: [{ name: 'text', type: 'textarea', label: itemLabel, required: true }],
})

/** 办事指南, structured (domain.md §5): a resident can print it and bring every material in one visit. */
export const Guides: CollectionConfig = {
  slug: 'guides',
  labels: { singular: '办事指南', plural: '办事指南' },
  admin: { components: { edit: { PublishButton: '/components/review/ReviewPublishButton#ReviewPublishButton' } }, useAsTitle: 'title', defaultColumns: ['title', 'programme', 'promisedWorkingDays', '_status'], group: '内容' },
  access: collectionAccess({
    read: authenticatedOrPublished,
    readVersions: staffVersions,
    create: isContentStaff,
    update: isContentStaff,
    delete: isContentStaff,
    unlock: nobody,
    admin: opensAdmin,
  }),
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
  hooks: {
    beforeOperation: [rememberSaveMode],
    beforeDelete: [guardDeletingPublished],
    beforeChange: [enforceTwoPersonRule, checkPublishableText('guides')],
    afterChange: [auditChange, publishOnChange],
    afterDelete: [auditDelete, publishOnDelete],
  },
  fields: [
    { name: 'title', type: 'text', label: '事项名称', required: true, maxLength: 100 },
    { name: 'programme', type: 'relationship', relationTo: 'programmes', label: '救助类别', required: true },
    { name: 'applicableTo', type: 'textarea', label: '适用对象', required: true },
    textList('conditions', '申请条件', '条件'),
    textList('exclusions', '不予受理或不符合的情形', '情形'),
    {
      name: 'materials',
      type: 'array',
      label: '所需材料',
      labels: { singular: '材料', plural: '所需材料' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'name', type: 'text', label: '材料名称', required: true },
            { name: 'required', type: 'checkbox', label: '必须提供', defaultValue: true },
          ],
        },
        { name: 'note', type: 'text', label: '说明（份数、原件/复印件等）' },
      ],
    },
    {
      name: 'steps',
      type: 'array',
      label: '办理流程',
      labels: { singular: '步骤', plural: '办理流程' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'title', type: 'text', label: '环节', required: true },
            { name: 'actor', type: 'text', label: '办理人/部门', required: true },
            { name: 'workingDays', type: 'number', label: '时限（工作日）', min: 0, max: 365 },
          ],
        },
        { name: 'description', type: 'textarea', label: '说明' },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'statutoryWorkingDays', type: 'number', label: '法定时限（工作日）', min: 0, max: 365 },
        { name: 'promisedWorkingDays', type: 'number', label: '承诺时限（工作日）', min: 0, max: 365 },
        { name: 'fee', type: 'text', label: '收费', required: true, defaultValue: '不收费' },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'place', type: 'text', label: '办理地点' },
        { name: 'window', type: 'text', label: '窗口' },
        { name: 'hours', type: 'text', label: '办理时间' },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'consultPhone', type: 'text', label: '咨询电话', validate: validatePhoneField },
        { name: 'supervisePhone', type: 'text', label: '监督电话', validate: validatePhoneField },
      ],
    },
    { name: 'basis', type: 'relationship', relationTo: 'policies', hasMany: true, label: '办理依据' },
    changeNotesField(),
    internalRemarksField(),
    ...reviewFields(),
    ...privacyFields(),
  ],
}
