import type { CollectionConfig } from 'payload'
import { anyone, collectionAccess, isAdmin, nobody, opensAdmin } from '../../access'
import { STANDARD_UNITS } from '../../domain/units'
import { stagesField } from '../../fields/stages'
import { auditChange, auditDelete } from '../../hooks/audit'
import { checkPublishableText } from '../../hooks/privacyCheck'
import { publishOnChange } from '../../publish/autoPublish'


/** 救助类别 are data: a county adds 教育救助 or 取暖救助 here, with its own publicity stages. */
export const Programmes: CollectionConfig = {
  slug: 'programmes',
  labels: { singular: '救助类别', plural: '救助类别' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'code', 'unit', 'publicityRequired'], group: '基础数据' },
  access: collectionAccess({ read: anyone, readVersions: nobody, create: isAdmin, update: isAdmin, delete: isAdmin, unlock: nobody, admin: opensAdmin }),
  hooks: { beforeChange: [checkPublishableText('programmes')], afterChange: [auditChange, publishOnChange], afterDelete: [auditDelete] },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'name', type: 'text', label: '名称', required: true, maxLength: 40 },
        { name: 'shortName', type: 'text', label: '简称', required: true, maxLength: 10 },
        {
          name: 'code',
          type: 'text',
          label: '代码',
          required: true,
          unique: true,
          validate: (v: unknown) => (typeof v === 'string' && /^[a-z][a-z0-9-]{1,31}$/.test(v) ? true : '代码用小写英文字母、数字和连字符，如 dibao-urban。'),
        },
      ],
    },
    { name: 'unit', type: 'select', label: '标准单位', required: true, options: STANDARD_UNITS.map((u) => ({ ...u })) },
    { name: 'description', type: 'textarea', label: '说明' },
    {
      name: 'publicityRequired',
      type: 'checkbox',
      label: '审批前须公示',
      defaultValue: true,
      admin: { description: '急难型临时救助可先行救助、事后公布，取消勾选。' },
    },
    stagesField(),
    {
      name: 'regionOverrides',
      type: 'array',
      label: '地区差异化公示设置',
      labels: { singular: '地区设置', plural: '地区差异化公示设置' },
      admin: { description: '某个乡镇或村采用不同的公示阶段或天数时在此设置；未设置的地区使用上面的默认阶段。', initCollapsed: true },
      fields: [{ name: 'region', type: 'relationship', relationTo: 'regions', label: '地区', required: true }, stagesField('stages', '该地区的公示阶段')],
    },
  ],
}
