/** The roles a bureau user can hold. Stored as values; labels are what the admin shows. */
export const ROLES = [
  { value: 'admin', label: '系统管理员' },
  { value: 'editor', label: '经办人' },
  { value: 'reviewer', label: '审核人' },
  { value: 'complaintOfficer', label: '信访/纪检人员' },
] as const

export type Role = (typeof ROLES)[number]['value']

type MaybeUser = { roles?: readonly string[] | null } | null | undefined

export const hasRole = (user: MaybeUser, ...roles: Role[]): boolean =>
  Boolean(user?.roles?.some((r) => (roles as string[]).includes(r)))
