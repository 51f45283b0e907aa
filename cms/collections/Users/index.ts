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
  ],
}
