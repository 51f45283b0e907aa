import type { CollectionConfig } from 'payload'
import { authenticatedOrPublished, collectionAccess, isContentStaff, nobody, opensAdmin, staffVersions } from '../../access'
import { changeNotesField, internalRemarksField, reviewFields } from '../../fields/review'
import { auditChange, auditDelete } from '../../hooks/audit'
import { checkPublishableText, privacyFields } from '../../hooks/privacyCheck'
import { enforceTwoPersonRule, guardDeletingPublished, rememberSaveMode } from '../../hooks/twoPersonRule'
import { publishOnChange, publishOnDelete } from '../../publish/autoPublish'

/**
 * 政策解读: reviewed and published exactly as policies are (the same hooks and access as
 * cms/collections/Policies). The policy's public page links to its interpretations; the link is
 * computed from the snapshot, so the policy itself does not change.
 */
export const PolicyInterpretations: CollectionConfig = {
  slug: 'policy-interpretations',
  labels: { singular: '政策解读', plural: '政策解读' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'policy', 'publishedOn', '_status'],
    components: { edit: { PublishButton: '/components/review/ReviewPublishButton#ReviewPublishButton' } },
    group: '内容',
    description: '政策文件的解读（三同步：与政策同步起草、同步审核、同步发布）。公开页面与所解读的政策互相链接。',
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
    beforeChange: [enforceTwoPersonRule, checkPublishableText('policy-interpretations')],
    afterChange: [auditChange, publishOnChange],
    afterDelete: [auditDelete, publishOnDelete],
  },
  defaultSort: '-publishedOn',
  fields: [
    { name: 'title', type: 'text', label: '标题', required: true, maxLength: 200 },
    {
      name: 'policy',
      type: 'relationship',
      relationTo: 'policies',
      label: '所解读的政策',
      required: true,
      admin: { description: '政策发布后，解读才会出现在网站上；政策页面会显示“政策解读”链接。' },
    },
    {
      type: 'row',
      fields: [
        { name: 'issuer', type: 'text', label: '解读机构', required: true, maxLength: 100 },
        { name: 'publishedOn', type: 'date', label: '发布日期', required: true, defaultValue: () => new Date().toISOString(), admin: { date: { pickerAppearance: 'dayOnly' } } },
      ],
    },
    { name: 'summary', type: 'textarea', label: '摘要', maxLength: 500 },
    { name: 'body', type: 'richText', label: '正文' },
    changeNotesField(),
    internalRemarksField(),
    ...reviewFields(),
    ...privacyFields(),
  ],
}
