/**
 * An account that has logged in but is not yet fit to work: its one-time password must be changed,
 * its second factor (TOTP) has not been entered for this session, or — when 安全设置 requires it —
 * an admin or reviewer has not set up a second factor yet. Until then every access rule
 * answers "no" (the helper in block.ts applies this to every operation of every collection), and
 * the admin sends the person to the account-security screen.
 */
export type AccountGate = 'changePassword' | 'secondFactor' | 'enrolSecondFactor' | null

export type GatedUser = {
  collection?: string
  mustChangePassword?: boolean | null
  roles?: readonly string[] | null
  totpEnabled?: boolean | null
  twoFactorSessions?: unknown
  _sid?: string
} | null | undefined

/** Roles a second factor is offered to, and required of when 安全设置 says so (等保: administrators). */
export const TWO_FACTOR_ROLES = ['admin', 'reviewer'] as const

export function accountGate(user: GatedUser, policy: { twoFactorRequired?: boolean } = {}): AccountGate {
  if (!user || user.collection !== 'users') return null
  if (user.mustChangePassword) return 'changePassword'
  if (user.totpEnabled) {
    const verified = Array.isArray(user.twoFactorSessions) ? (user.twoFactorSessions as unknown[]) : []
    if (!user._sid || !verified.includes(user._sid)) return 'secondFactor'
  } else if (policy.twoFactorRequired && user.roles?.some((r) => (TWO_FACTOR_ROLES as readonly string[]).includes(r))) return 'enrolSecondFactor'
  return null
}

export const ACCOUNT_GATE_MESSAGE: Record<Exclude<AccountGate, null>, string> = {
  changePassword: '请先修改一次性密码：首次登录（或管理员重置密码后）必须设置自己的新密码，才能进行其他操作。',
  secondFactor: '请先输入手机验证器上的6位动态码（两步验证），才能进行其他操作。',
  enrolSecondFactor: '本单位要求系统管理员和审核人使用两步验证：请先在“账号安全”页面用手机验证器完成设置，才能进行其他操作。',
}
