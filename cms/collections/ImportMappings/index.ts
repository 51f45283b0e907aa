import type { CollectionConfig } from 'payload'
import { collectionAccess, nobody, opensAdmin, regionScopedContentStaff, staffInRegion } from '../../access'

/**
 * The column mapping an editor chose for a region's import files (field → header text), so the
 * next month's file from the same system maps the same way without asking again.
 */
export const ImportMappings: CollectionConfig = {
  slug: 'import-mappings',
  labels: { singular: '导入列对应', plural: '导入列对应' },
  admin: {
    useAsTitle: 'label',
    defaultColumns: ['label', 'region', 'target', 'updatedAt'],
    group: '公示与名单',
    description: '导入名单时手动指定过的“列对应”，按地区记住，下次导入同样表头的文件时自动使用。删除即恢复自动识别。',
  },
  access: collectionAccess({
    read: staffInRegion,
    readVersions: nobody,
    create: regionScopedContentStaff,
    update: regionScopedContentStaff,
    delete: regionScopedContentStaff,
    unlock: nobody,
    admin: opensAdmin,
  }),
  fields: [
    { name: 'label', type: 'text', label: '名称', admin: { readOnly: true } },
    { name: 'region', type: 'relationship', relationTo: 'regions', label: '地区', required: true, index: true },
    {
      name: 'target',
      type: 'select',
      label: '用于',
      required: true,
      defaultValue: 'list',
      options: [
        { value: 'list', label: '名单导入' },
        { value: 'notice', label: '公示对象导入' },
      ],
    },
    { name: 'columns', type: 'json', label: '列对应（字段 → 表头）', required: true },
  ],
}
