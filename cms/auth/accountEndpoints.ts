import type { Endpoint, PayloadRequest } from 'payload'
import { hasRole } from '../access/roles'
import { passwordProblem } from '../domain/passwordPolicy'
import { writeAudit } from '../hooks/audit'
import { encryptIdentifier } from '../security/fieldEncryption'
import { newTotpSecret, totpUri, TWO_FACTOR_ROLES, verifyTotp } from './totp'
import { gateOf } from './twoFactorPolicy'

/**
 * The account-security screen's endpoints (/api/users/…): change one's own password (also while the
 * one-time-password gate is closed), and TOTP two-factor enrolment and verification for admins and
 * reviewers. They act on the caller's own account only.
 */
const json = (status: number, body: unknown) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } })
const fail = (status: number, message: string, field?: string) => json(status, { ok: false, message, errors: [{ message, field }] })

type Me = { id: string | number; collection?: 'users'; email?: string; name?: string; roles?: string[]; totpEnabled?: boolean; totpSecret?: string | null; totpPendingSecret?: string | null; twoFactorSessions?: unknown; _sid?: string }

async function me(req: PayloadRequest): Promise<Me | null> {
  if (!req.user || req.user.collection !== 'users') return null
  const doc = await req.payload.findByID({ collection: 'users', id: req.user.id, depth: 0, overrideAccess: true, showHiddenFields: true, req })
  return { ...(doc as unknown as Me), collection: 'users', _sid: (req.user as { _sid?: string })._sid }
}

async function body(req: PayloadRequest): Promise<Record<string, unknown>> {
  try {
    return ((await req.json?.()) as Record<string, unknown>) ?? {}
  } catch {
    return {}
  }
}

const changePassword: Endpoint = {
  path: '/change-password',
  method: 'post',
  handler: async (req) => {
    const user = await me(req)
    if (!user) return fail(401, '请先登录。')
    if ((await gateOf(req, user as never)) === 'secondFactor') return fail(403, '请先完成两步验证。')
    const b = await body(req)
    const password = typeof b.password === 'string' ? b.password : ''
    if (b.confirm !== undefined && b.confirm !== password) return fail(400, '两次输入的新密码不一致，请重新输入。', 'confirm')
    const problem = passwordProblem(password, user)
    if (problem) return fail(400, problem, 'password')
    await req.payload.update({ collection: 'users', id: user.id, data: { password } as never, overrideAccess: true, req, context: { selfPasswordChange: true } })
    return json(200, { ok: true, message: '密码已修改。' })
  },
}

const mayUseTwoFactor = (user: Me) => hasRole(user as never, ...TWO_FACTOR_ROLES)

/** Starts enrolment: a new secret (kept pending until a code from it is entered). */
const setupTwoFactor: Endpoint = {
  path: '/two-factor/setup',
  method: 'post',
  handler: async (req) => {
    const user = await me(req)
    if (!user) return fail(401, '请先登录。')
    // Setting up the second factor is what the 'enrolSecondFactor' gate asks for; other gates come first.
    const gate = await gateOf(req, user as never)
    if (gate && gate !== 'enrolSecondFactor') return fail(403, '请先完成当前的账号安全步骤。')
    if (!mayUseTwoFactor(user)) return fail(403, '两步验证面向系统管理员和审核人。')
    const secret = newTotpSecret()
    // Written past the field hooks, so encrypted here as cms/fields/encrypted.ts would (read back decrypted by them).
    await req.payload.db.updateOne({ collection: 'users', id: user.id, data: { totpPendingSecret: encryptIdentifier(secret, 'totpPendingSecret') }, req })
    return json(200, { ok: true, secret, uri: totpUri(secret, user.email ?? String(user.id)) })
  },
}

/** Finishes enrolment with a code from the new secret; this session counts as verified. */
const enableTwoFactor: Endpoint = {
  path: '/two-factor/enable',
  method: 'post',
  handler: async (req) => {
    const user = await me(req)
    if (!user) return fail(401, '请先登录。')
    if (!user.totpPendingSecret) return fail(400, '请先生成密钥。')
    const b = await body(req)
    if (!verifyTotp(user.totpPendingSecret, b.code)) return fail(400, '动态码不正确：请输入验证器上当前显示的6位数字。', 'code')
    await req.payload.db.updateOne({
      collection: 'users',
      id: user.id,
      data: { totpSecret: encryptIdentifier(user.totpPendingSecret, 'totpSecret'), totpPendingSecret: null, totpEnabled: true, twoFactorSessions: user._sid ? [user._sid] : [] },
      req,
    })
    await writeAudit(req, { action: 'twoFactor', collection: 'users', id: user.id, summary: '启用两步验证' })
    return json(200, { ok: true, message: '两步验证已启用：以后登录时需输入验证器上的动态码。' })
  },
}

/** The second step of a login: a current code opens this session. */
const verifyTwoFactor: Endpoint = {
  path: '/two-factor/verify',
  method: 'post',
  handler: async (req) => {
    const user = await me(req)
    if (!user) return fail(401, '请先登录。')
    if (!user.totpEnabled) return json(200, { ok: true })
    const b = await body(req)
    if (!verifyTotp(user.totpSecret, b.code)) {
      await writeAudit(req, { action: 'loginFailed', collection: 'users', id: user.id, summary: '两步验证动态码错误' })
      return fail(400, '动态码不正确或已过期：请输入验证器上当前显示的6位数字。', 'code')
    }
    const sessions = Array.isArray(user.twoFactorSessions) ? (user.twoFactorSessions as string[]) : []
    await req.payload.db.updateOne({ collection: 'users', id: user.id, data: { twoFactorSessions: [...sessions.slice(-19), user._sid] }, req })
    return json(200, { ok: true })
  },
}

export const accountEndpoints: Endpoint[] = [changePassword, setupTwoFactor, enableTwoFactor, verifyTwoFactor]
