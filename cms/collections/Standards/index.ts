import type { CollectionConfig } from 'payload'
import { authenticatedOrPublished, collectionAccess, nobody, opensAdmin, regionScopedContentStaff, staffVersionsInRegion } from '../../access'
import { changeNotesField, internalRemarksField, reviewFields } from '../../fields/review'
import { auditChange, auditDelete } from '../../hooks/audit'
import { checkPublishableText } from '../../hooks/privacyCheck'
import { enforceTwoPersonRule, guardDeletingPublished, rememberSaveMode } from '../../hooks/twoPersonRule'
import { publishOnChange, publishOnDelete } from '../../publish/autoPublish'
import { STANDARD_UNITS } from '../../domain/units'

/** 保障标准: history is kept (each standard has its own effective period); "current" is derived. */
export const Standards: CollectionConfig = {
  slug: 'standards',
  labels: { singular: '保障标准', plural: '保障标准' },
  admin: { components: { edit: { PublishButton: '/components/review/ReviewPublishButton#ReviewPublishButton' } }, useAsTitle: 'title', defaultColumns: ['title', 'amount', 'unit', 'effectiveFrom', 'effectiveTo', '_status'], group: '内容' },
  access: collectionAccess({
    read: authenticatedOrPublished,
    readVersions: staffVersionsInRegion,
    create: regionScopedContentStaff,
    update: regionScopedContentStaff,
    delete: regionScopedContentStaff,
    unlock: nobody,
    admin: opensAdmin,
  }),
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
  hooks: {
    beforeOperation: [rememberSaveMode],
    beforeDelete: [guardDeletingPublished],
    beforeChange: [enforceTwoPersonRule, checkPublishableText('standards')],
    afterChange: [auditChange, publishOnChange],
    afterDelete: [auditDelete, publishOnDelete],
  },
  defaultSort: '-effectiveFrom',
  fields: [
    { name: 'title', type: 'text', label: '标题', required: true, admin: { description: '例如：2026年城市低保标准' } },
    {
      type: 'row',
      fields: [
        { name: 'programme', type: 'relationship', relationTo: 'programmes', label: '救助类别', required: true },
        { name: 'region', type: 'relationship', relationTo: 'regions', label: '适用地区', required: true },
        { name: 'tier', type: 'text', label: '档次/类型', admin: { description: '如 城市、农村、集中供养、分散供养；只有一档时留空' } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'amount', type: 'number', label: '标准金额（元）', required: true, min: 0, max: 1_000_000 },
        { name: 'unit', type: 'select', label: '单位', required: true, options: STANDARD_UNITS.map((u) => ({ ...u })) },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'effectiveFrom', type: 'date', label: '执行日期', required: true, admin: { date: { pickerAppearance: 'dayOnly' } } },
        {
          name: 'effectiveTo',
          type: 'date',
          label: '停止日期',
          admin: { date: { pickerAppearance: 'dayOnly' }, description: '被新标准取代时填写；现行标准留空' },
          validate: (value: unknown, { siblingData }: { siblingData: { effectiveFrom?: string } }) =>
            !value || !siblingData.effectiveFrom || String(value) >= String(siblingData.effectiveFrom) ? true : '停止日期不能早于执行日期。',
        },
      ],
    },
    { name: 'policy', type: 'relationship', relationTo: 'policies', label: '依据文件' },
    changeNotesField(),
    internalRemarksField(),
    ...reviewFields(),
  ],
}
