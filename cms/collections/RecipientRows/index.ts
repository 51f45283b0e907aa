import type { CollectionConfig, FieldHook } from 'payload'
import { collectionAccess, isContentStaffField, nobody, nobodyField, opensAdmin, staffInRegion } from '../../access'
import { hasRole } from '../../access/roles'
import { encryptedText } from '../../fields/encrypted'
import { mayReadIdNumbers } from '../../access'
import { validateIdNumber } from '../../domain/idNumber'
import { maskName, NameMaskError } from '../../domain/masking'
import { auditRead } from '../../hooks/audit'

/** A complaint officer checks a complaint against the list; lists of rows show masked names, an opened row the name. */
const maskNameForOfficersInLists: FieldHook = ({ value, req, findMany }) => {
  if (!findMany || typeof value !== 'string' || hasRole(req.user, 'admin', 'editor', 'reviewer')) return value
  try {
    return maskName(value)
  } catch (e) {
    if (e instanceof NameMaskError) return '*'
    throw e
  }
}

/**
 * One household line of a recipient list: raw personal data, staff-only (region-scoped), every view
 * audited. Written in bulk by the row store on import and never changed afterwards: no API and no
 * admin screen can create, change or delete a row (a correction is a new list, imported and reviewed).
 * The ID number is stored encrypted (cms/fields/encrypted.ts); households are matched by idHash.
 * Complaint officers see rows only as a complaint needs them: masked names in lists, no ID numbers.
 */
export const RecipientRows: CollectionConfig = {
  slug: 'recipient-rows',
  labels: { singular: '名单明细', plural: '名单明细' },
  admin: {
    useAsTitle: 'no',
    defaultColumns: ['no', 'headName', 'householdSize', 'amount', 'village', 'list'],
    group: '公示与名单',
    description: '名单明细由导入生成，不能手工新建、修改或删除；发现错误请重新导入更正后的名单，经审核后发布新版本。',
  },
  access: collectionAccess({
    read: staffInRegion,
    readVersions: nobody,
    create: nobody,
    update: nobody,
    delete: nobody,
    unlock: nobody,
    admin: opensAdmin,
  }),
  disableDuplicate: true,
  disableBulkEdit: true,
  hooks: { afterOperation: [auditRead] },
  defaultSort: 'no',
  fields: [
    { name: 'list', type: 'relationship', relationTo: 'recipient-lists', label: '所属名单', required: true, index: true },
    { name: 'no', type: 'number', label: '序号', required: true },
    { name: 'headName', type: 'text', label: '户主姓名', required: true, hooks: { afterRead: [maskNameForOfficersInLists] } },
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
    { name: 'idHash', type: 'text', label: '身份证号密钥散列', index: true, access: { read: nobodyField }, admin: { readOnly: true, hidden: true } },
    { name: 'householdSize', type: 'number', label: '保障人数', required: true, min: 1 },
    { name: 'amount', type: 'number', label: '金额（元）', required: true, min: 0 },
    { name: 'category', type: 'text', label: '类别/档次' },
    { name: 'village', type: 'relationship', relationTo: 'regions', label: '村（社区）', required: true },
    { name: 'region', type: 'relationship', relationTo: 'regions', label: '名单地区', required: true, index: true, admin: { readOnly: true } },
  ],
}
