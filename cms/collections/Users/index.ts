import type { CollectionConfig } from 'payload'
import { isAdmin, isAdminField, isAdminOrSelf } from '../../access'
import { ROLES } from '../../access/roles'
import { isFerretDB } from '../../database'
import { ensureFirstUserIsAdmin } from './hooks/ensureFirstUserIsAdmin'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: '用户', plural: '用户' },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['name', 'email', 'roles'],
    group: '系统管理',
  },
  auth: {
    // FerretDB cannot run the findAndModify Payload sends to count failed logins; on real
    // MongoDB and SQLite accounts lock after five failures.
    maxLoginAttempts: isFerretDB() ? 0 : 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
  },
  access: {
    admin: ({ req: { user } }) => Boolean(user?.roles?.length),
    read: isAdminOrSelf,
    create: isAdmin,
    update: isAdminOrSelf,
    delete: isAdmin,
  },
  hooks: {
    beforeChange: [ensureFirstUserIsAdmin],
  },
  fields: [
    { name: 'name', type: 'text', label: '姓名', required: true },
    {
      name: 'roles',
      type: 'select',
      label: '角色',
      hasMany: true,
      required: true,
      defaultValue: ['editor'],
      options: ROLES.map((r) => ({ value: r.value, label: r.label })),
      access: { create: isAdminField, update: isAdminField },
      saveToJWT: true,
    },
    {
      name: 'regions',
      type: 'relationship',
      relationTo: 'regions',
      hasMany: true,
      label: '负责地区',
      admin: { description: '乡镇经办人只能查看和编辑所负责地区（含下属村、社区）的公示和名单；县级人员留空。' },
      access: { create: isAdminField, update: isAdminField },
      saveToJWT: true,
    },
  ],
}
