import type { CollectionConfig } from 'payload'
import { authenticatedOrPublished, collectionAccess, isContentStaff, nobody, opensAdmin, staffVersions } from '../../access'
import { changeNotesField, internalRemarksField, reviewFields } from '../../fields/review'
import { auditChange, auditDelete } from '../../hooks/audit'
import { checkPublishableText, privacyFields } from '../../hooks/privacyCheck'
import { enforceTwoPersonRule, guardDeletingPublished, rememberSaveMode } from '../../hooks/twoPersonRule'
import { publishOnChange, publishOnDelete } from '../../publish/autoPublish'

export const POLICY_VALIDITY = [
  { value: 'current', label: '现行有效' },
  { value: 'amended', label: '已修订' },
  { value: 'repealed', label: '已废止' },
] as const

/** 政策法规: published policies are public; drafts and versions stay in the CMS. */
export const Policies: CollectionConfig = {
  slug: 'policies',
  labels: { singular: '政策法规', plural: '政策法规' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'documentNumber', 'validity', 'publishedOn', '_status'],
    components: { edit: { PublishButton: '/components/review/ReviewPublishButton#ReviewPublishButton' } },
    group: '内容',
  },
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
    beforeChange: [enforceTwoPersonRule, checkPublishableText('policies')],
    afterChange: [auditChange, publishOnChange],
    afterDelete: [auditDelete, publishOnDelete],
  },
  defaultSort: '-publishedOn',
  fields: [
    { name: 'title', type: 'text', label: '标题', required: true, maxLength: 200 },
    {
      type: 'row',
      fields: [
        { name: 'indexNumber', type: 'text', label: '索引号', maxLength: 60 },
        { name: 'documentNumber', type: 'text', label: '文号', maxLength: 60 },
        { name: 'issuer', type: 'text', label: '发布机构', required: true, maxLength: 100 },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'writtenOn', type: 'date', label: '成文日期', admin: { date: { pickerAppearance: 'dayOnly' } } },
        { name: 'publishedOn', type: 'date', label: '发布日期', required: true, defaultValue: () => new Date().toISOString(), admin: { date: { pickerAppearance: 'dayOnly' } } },
      ],
    },
    {
      name: 'validity',
      type: 'select',
      label: '有效性',
      required: true,
      defaultValue: 'current',
      options: POLICY_VALIDITY.map((v) => ({ ...v })),
    },
    {
      name: 'supersededBy',
      type: 'relationship',
      relationTo: 'policies',
      label: '替代文件',
      admin: {
        condition: (data) => data?.validity && data.validity !== 'current',
        description: '已修订或已废止时，请选择取而代之的文件；公开页面顶部会提示并链接到它。',
      },
    },
    { name: 'programmes', type: 'relationship', relationTo: 'programmes', hasMany: true, label: '涉及救助类别' },
    { name: 'summary', type: 'textarea', label: '摘要', maxLength: 500 },
    { name: 'body', type: 'richText', label: '正文' },
    { name: 'attachments', type: 'upload', relationTo: 'media', hasMany: true, label: '附件' },
    changeNotesField(),
    internalRemarksField(),
    ...reviewFields(),
    ...privacyFields(),
  ],
}
