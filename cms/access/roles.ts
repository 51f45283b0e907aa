/** The roles a bureau user can hold. Stored as values; labels are what the admin shows. */
export const ROLES = [
  { value: 'admin', label: '系统管理员' },
  { value: 'editor', label: '经办人' },
  { value: 'reviewer', label: '审核人' },
  { value: 'complaintOfficer', label: '信访/纪检人员' },
] as const

/**
 * System identities that are not accounts: `exporter` is what the publish step reads as (published
 * documents only, access enforced); `publicForm` is the public server's key (create complaints, read
 * their public status).
 */
export type SystemRole = 'exporter' | 'publicForm'
export type Role = (typeof ROLES)[number]['value'] | SystemRole

type MaybeUser = { roles?: readonly string[] | null } | null | undefined

export const hasRole = (user: MaybeUser, ...roles: Role[]): boolean =>
  Boolean(user?.roles?.some((r) => (roles as string[]).includes(r)))

/** Bureau staff who may see raw records in their region (never the system identities). */
export const isStaffUser = (user: MaybeUser) => hasRole(user, 'admin', 'editor', 'reviewer', 'complaintOfficer')

export const EXPORTER_USER = Object.freeze({
  id: 'system-exporter',
  collection: 'users',
  email: 'exporter@system.invalid',
  name: '发布导出（系统）',
  roles: ['exporter'],
})
