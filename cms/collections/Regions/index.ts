import { type CollectionBeforeChangeHook, type CollectionConfig } from 'payload'
import { anyone, collectionAccess, isAdmin, nobody, opensAdmin } from '../../access'
import { isOfficeAddress } from '../../domain/disclosure'
import { validatePhoneField } from '../../fields/phone'
import { auditChange, auditDelete } from '../../hooks/audit'
import { refusal } from '../../hooks/refuse'

export const REGION_LEVELS = [
  { value: 'county', label: '县（市、区）' },
  { value: 'township', label: '乡镇（街道）' },
  { value: 'village', label: '村（社区）' },
] as const
const parentLevel = { township: 'county', village: 'township' } as const

/** The materialized path (codes from the county down) lets scope checks find a subtree without joins. */
const computePath: CollectionBeforeChangeHook = async ({ data, req, originalDoc }) => {
  const level = data.level ?? originalDoc?.level
  const code = data.code ?? originalDoc?.code
  const parentId = data.parent === undefined ? originalDoc?.parent : data.parent
  if (level === 'county') {
    if (parentId) throw refusal('县级行政区划不能有上级。', { field: 'parent', collection: 'regions', req })
    return { ...data, path: String(code) }
  }
  if (!parentId) throw refusal('乡镇和村（社区）必须选择上级行政区划。', { field: 'parent', collection: 'regions', req })
  const parent = await req.payload.findByID({
    collection: 'regions',
    id: typeof parentId === 'object' ? parentId.id : parentId,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const expected = parentLevel[level as keyof typeof parentLevel]
  if (parent.level !== expected) {
    throw refusal(`上级行政区划层级不对：${level === 'village' ? '村（社区）的上级应是乡镇（街道）' : '乡镇（街道）的上级应是县'}。`, { field: 'parent', collection: 'regions', req })
  }
  return { ...data, path: `${parent.path}/${code}` }
}

export const Regions: CollectionConfig = {
  slug: 'regions',
  labels: { singular: '行政区划', plural: '行政区划' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'code', 'level', 'parent'], group: '基础数据' },
  access: collectionAccess({ read: anyone, readVersions: nobody, create: isAdmin, update: isAdmin, delete: isAdmin, unlock: nobody, admin: opensAdmin }),
  hooks: { beforeChange: [computePath], afterChange: [auditChange], afterDelete: [auditDelete] },
  defaultSort: 'path',
  fields: [
    { name: 'name', type: 'text', label: '名称', required: true, maxLength: 50 },
    {
      name: 'code',
      type: 'text',
      label: '区划代码',
      required: true,
      unique: true,
      index: true,
      validate: (v: unknown) => (typeof v === 'string' && /^\d{6,12}$/.test(v) ? true : '区划代码应为6到12位数字。'),
    },
    { name: 'level', type: 'select', label: '层级', required: true, options: REGION_LEVELS.map((l) => ({ ...l })) },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'regions',
      label: '上级',
      admin: { condition: (data) => data?.level !== 'county' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'officePhone',
          type: 'text',
          label: '办公电话（公开）',
          maxLength: 60,
          admin: { description: '村（居）委会或乡镇（街道）民政办的办公电话，显示在网站上本村、本乡镇的页面。不要填个人手机。' },
          validate: validatePhoneField,
        },
        {
          name: 'officeAddress',
          type: 'text',
          label: '办公地址（公开）',
          maxLength: 100,
          admin: { description: '例如：甲镇人民政府便民服务中心社会救助窗口、甲一村村民委员会。' },
          validate: (v: unknown) =>
            v === null || v === undefined || v === '' || isOfficeAddress(String(v))
              ? true
              : '办公地址应写明办公单位和地点，例如“甲镇人民政府便民服务中心”“甲一村村民委员会”；不要填写个人住址、姓名或电话。',
        },
      ],
    },
    { name: 'path', type: 'text', label: '路径', index: true, admin: { readOnly: true, hidden: true } },
  ],
}
