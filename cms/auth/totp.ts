import { Secret, TOTP } from 'otpauth'

/** TOTP (RFC 6238, the codes of 微信/支付宝-style authenticator apps) for admins and reviewers, via otpauth. */
const ISSUER = '阳光救助管理后台'

export const newTotpSecret = () => new Secret({ size: 20 }).base32

const totpOf = (secret: string, label = 'account') =>
  new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) })

export const totpUri = (secret: string, email: string) => totpOf(secret, email).toString()

/** Accepts the current code and the one before or after (clock drift of a phone). */
export function verifyTotp(secret: string | null | undefined, code: unknown): boolean {
  if (!secret || typeof code !== 'string') return false
  const token = code.replace(/\s/g, '')
  if (!/^\d{6}$/.test(token)) return false
  return totpOf(secret).validate({ token, window: 1 }) !== null
}

/** The current code (tests, and the e2e walk through a second-factor login). */
export const currentTotp = (secret: string) => totpOf(secret).generate()

/** Roles that are offered (and, when 安全设置 says so, required) a second factor. */
export { TWO_FACTOR_ROLES } from '../access/accountGate'
