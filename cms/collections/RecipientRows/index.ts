import type { CollectionConfig } from 'payload'
import { mayReadIdNumbers, regionScopedContentStaff } from '../../access'
import { encryptedText } from '../../fields/encrypted'
import { isStaffUser } from '../../access/roles'
import { regionScopeWhere } from '../../access/regionScope'
import { validateIdNumber } from '../../domain/idNumber'
import { auditChange, auditDelete, auditRead } from '../../hooks/audit'

/**
 * One household line of a recipient list: raw personal data, staff-only (region-scoped), every view
 * audited. Written in bulk by the row store; never read by the public or by the site build. The ID
 * number is stored encrypted (cms/fields/encrypted.ts); households are matched by idHash.
 */
export const RecipientRows: CollectionConfig = {
  slug: 'recipient-rows',
  labels: { singular: '名单明细', plural: '名单明细' },
  admin: { useAsTitle: 'headName', defaultColumns: ['no', 'headName', 'householdSize', 'amount', 'village', 'list'], group: '公示与名单' },
  access: {
    read: async ({ req }) => (isStaffUser(req.user) ? regionScopeWhere(req) : false),
    create: regionScopedContentStaff,
    update: regionScopedContentStaff,
    delete: regionScopedContentStaff,
  },
  hooks: { afterChange: [auditChange], afterDelete: [auditDelete], afterOperation: [auditRead] },
  defaultSort: 'no',
  fields: [
    { name: 'list', type: 'relationship', relationTo: 'recipient-lists', label: '所属名单', required: true, index: true },
    { name: 'no', type: 'number', label: '序号', required: true },
    { name: 'headName', type: 'text', label: '户主姓名', required: true },
    encryptedText(
      {
        name: 'idNumber',
        type: 'text',
        label: '身份证号',
        validate: (v: unknown) => {
          if (!v) return true
          const r = validateIdNumber(String(v))
          return r.ok ? true : r.message
        },
      },
      'idNumber',
      mayReadIdNumbers,
    ),
    { name: 'idHash', type: 'text', label: '身份证号密钥散列', index: true, admin: { readOnly: true, hidden: true } },
    { name: 'householdSize', type: 'number', label: '保障人数', required: true, min: 1 },
    { name: 'amount', type: 'number', label: '金额（元）', required: true, min: 0 },
    { name: 'category', type: 'text', label: '类别/档次' },
    { name: 'village', type: 'relationship', relationTo: 'regions', label: '村（社区）', required: true },
    { name: 'region', type: 'relationship', relationTo: 'regions', label: '名单地区', required: true, index: true, admin: { readOnly: true } },
  ],
}
