/**
 * An account that has logged in but is not yet fit to work: its one-time password must be changed,
 * or its second factor (TOTP) has not been entered for this session. Until then every access rule
 * answers "no" (the helper in block.ts applies this to every operation of every collection), and
 * the admin sends the person to the account-security screen.
 */
export type AccountGate = 'changePassword' | 'secondFactor' | null

export type GatedUser = {
  collection?: string
  mustChangePassword?: boolean | null
  totpEnabled?: boolean | null
  twoFactorSessions?: unknown
  _sid?: string
} | null | undefined

export function accountGate(user: GatedUser): AccountGate {
  if (!user || user.collection !== 'users') return null
  if (user.mustChangePassword) return 'changePassword'
  if (user.totpEnabled) {
    const verified = Array.isArray(user.twoFactorSessions) ? (user.twoFactorSessions as unknown[]) : []
    if (!user._sid || !verified.includes(user._sid)) return 'secondFactor'
  }
  return null
}

export const ACCOUNT_GATE_MESSAGE: Record<Exclude<AccountGate, null>, string> = {
  changePassword: '请先修改一次性密码：首次登录（或管理员重置密码后）必须设置自己的新密码，才能进行其他操作。',
  secondFactor: '请先输入手机验证器上的6位动态码（两步验证），才能进行其他操作。',
}
