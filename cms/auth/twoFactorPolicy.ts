import type { PayloadRequest } from 'payload'
import { accountGate, TWO_FACTOR_ROLES, type AccountGate, type GatedUser } from '../access/accountGate'

const KEY = 'twoFactorRequired'

const needsLookup = (user: GatedUser) =>
  Boolean(user && user.collection === 'users' && !user.totpEnabled && user.roles?.some((r) => (TWO_FACTOR_ROLES as readonly string[]).includes(r)))

/**
 * Whether 安全设置 requires a second factor (read once per request, and only for an admin or
 * reviewer without TOTP — everyone else's gate does not depend on it).
 */
export async function twoFactorRequired(req: PayloadRequest): Promise<boolean> {
  const cached = req.context?.[KEY]
  if (typeof cached === 'boolean') return cached
  const doc = (await req.payload.db.findGlobal({ slug: 'security-settings', req }).catch(() => null)) as { requireTwoFactor?: boolean } | null
  const value = Boolean(doc?.requireTwoFactor)
  if (req.context) req.context[KEY] = value
  return value
}

/** The account gate of the request's user, with the bureau's two-factor policy applied. */
export async function gateOf(req: PayloadRequest | undefined, user: GatedUser = req?.user as GatedUser): Promise<AccountGate> {
  if (!req || !needsLookup(user)) return accountGate(user)
  return accountGate(user, { twoFactorRequired: await twoFactorRequired(req) })
}
