import {
  APIError,
  AuthenticationError,
  ValidationError,
  type CollectionAfterLoginHook,
  type CollectionAfterOperationHook,
  type CollectionBeforeChangeHook,
  type CollectionBeforeLoginHook,
  type CollectionBeforeOperationHook,
  type CollectionBeforeValidateHook,
  type PayloadRequest,
} from 'payload'
import { RateLimiterMemory } from 'rate-limiter-flexible'
import { nowMs } from '../domain/clock'
import { passwordProblem } from '../domain/passwordPolicy'
import { requestAddress, writeAudit } from '../hooks/audit'
import { dummyPasswordHash, padAuthAnswer, startAuthAnswer } from './timing'

/**
 * What a refused login says, whether the password was wrong or the account is locked (after
 * `maxLoginAttempts` failures, cms/collections/Users): the same text, so it does not tell that an
 * address has an account, and it says what to do in either case.
 */
export const LOGIN_REFUSED =
  '邮箱或密码不正确，请检查后重试。连续输错 5 次后，账号会暂停登录 10 分钟（期间即使密码正确也无法登录）：请稍后再试，或请系统管理员解锁；忘记密码请使用“忘记密码”。'

/** A password set by someone else (an admin, the seed) is one-time: changed at first login, void after 72 hours. */
export const ONE_TIME_PASSWORD_HOURS = 72

export const oneTimePasswordFields = () => ({
  mustChangePassword: true,
  oneTimePasswordExpiresAt: new Date(nowMs() + ONE_TIME_PASSWORD_HOURS * 3_600_000).toISOString(),
})

const isAccount = (user: unknown): user is { id: string | number; collection: string; roles?: string[] } =>
  Boolean(user && (user as { collection?: string }).collection === 'users' && !String((user as { id: unknown }).id).startsWith('system-'))

const refusePassword = (message: string, collection = 'users') =>
  new ValidationError({ collection, errors: [{ message, path: 'password' }] })

/** Every password that is set, whoever sets it, passes the policy (length, common list, own name). */
export const enforcePasswordPolicy: CollectionBeforeValidateHook = ({ data, originalDoc }) => {
  if (!data || typeof data.password !== 'string' || data.password === '') return data
  const problem = passwordProblem(data.password, { email: data.email ?? originalDoc?.email, name: data.name ?? originalDoc?.name })
  if (problem) throw refusePassword(problem)
  return data
}

/**
 * Who set the password decides what it is: the account itself → its own (gate lifted); an admin for
 * someone else → a one-time password (gate set, 72-hour expiry). System writes pass their own flags.
 */
export const markOneTimePassword: CollectionBeforeChangeHook = ({ data, originalDoc, req, operation, context }) => {
  if (typeof data.password !== 'string' || data.password === '' || context.system) return data
  const self = operation === 'update' && isAccount(req.user) && String(req.user.id) === String(originalDoc?.id)
  if (self || context.selfPasswordChange) {
    context.passwordChanged = 'self'
    return { ...data, mustChangePassword: false, oneTimePasswordExpiresAt: null }
  }
  if (isAccount(req.user)) {
    context.passwordChanged = 'byAdmin'
    return { ...data, ...oneTimePasswordFields() }
  }
  return data
}

export const auditPasswordChange: CollectionAfterOperationHook = async ({ operation, req, result, args }) => {
  if ((operation === 'updateByID' || operation === 'create') && req.context.passwordChanged) {
    const id = (result as { id?: string | number })?.id ?? (args as { id?: string }).id
    const how = req.context.passwordChanged === 'self' ? '本人修改密码' : '管理员设置一次性密码（72小时内有效，首次登录须修改）'
    delete req.context.passwordChanged
    await writeAudit(req, { action: 'passwordChange', collection: 'users', id, summary: how })
  }
  if (operation === 'unlock') {
    await writeAudit(req, { action: 'unlock', collection: 'users', summary: `解锁账号 ${(args as { data?: { email?: string } }).data?.email ?? ''}`.slice(0, 200) })
  }
  if (operation === 'resetPassword') {
    const user = (result as { user?: { id: string | number } })?.user
    if (user) {
      await req.payload.db.updateOne({ collection: 'users', id: user.id, data: { mustChangePassword: false, oneTimePasswordExpiresAt: null }, req })
      await writeAudit(req, { action: 'passwordReset', collection: 'users', id: user.id, summary: '通过找回密码邮件重设密码', actor: user })
    }
  }
  if (operation === 'login' || operation === 'forgotPassword') await padAuthAnswer(req)
  return result
}

/** A one-time password that was not used within 72 hours no longer opens the account. */
export const refuseExpiredOneTimePassword: CollectionBeforeLoginHook = ({ user }) => {
  if (user?.mustChangePassword && user.oneTimePasswordExpiresAt && new Date(user.oneTimePasswordExpiresAt).getTime() < nowMs()) {
    throw new APIError(`一次性密码已过期（超过${ONE_TIME_PASSWORD_HOURS}小时未使用）。请联系系统管理员重新设置。`, 401, undefined, true)
  }
  return user
}

export const auditLogin: CollectionAfterLoginHook = async ({ req, user }) => {
  await writeAudit(req, { action: 'login', collection: 'users', id: user.id, summary: '登录', actor: user })
  return user
}


/** Forgot-password: three mails per address an hour, ten requests per client address a quarter hour. */
const perEmail = new RateLimiterMemory({ points: 3, duration: 3600 })
const perAddress = new RateLimiterMemory({ points: 10, duration: 900 })

/**
 * Login and forgot-password: the answer's clock starts (see timing.ts), an unknown account costs a
 * password hash like a known one, forgot-password is throttled, and a reset's new password passes the policy.
 */
export const guardAuthOperations: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation === 'login') {
    startAuthAnswer(req)
    const data = (args as { data?: { email?: string; password?: string } }).data
    const email = typeof data?.email === 'string' ? data.email.toLowerCase().trim() : ''
    const known = (email ? await req.payload.db.findOne({ collection: 'users', where: { email: { equals: email } }, req }) : null) as { lockUntil?: string | null } | null
    if (!known) await dummyPasswordHash(String(data?.password ?? ''))
    // A locked account answers exactly as a wrong password does (same error, message, status and
    // time), so the answer does not tell that the address has an account; the lock still holds.
    // (Payload sets and checks lockUntil by the machine's clock, so this check does too.)
    else if (known.lockUntil && new Date(known.lockUntil).getTime() > Date.now()) {
      await dummyPasswordHash(String(data?.password ?? ''))
      throw new AuthenticationError(req.t)
    }
  }
  if (operation === 'forgotPassword') {
    startAuthAnswer(req)
    const email = String((args as { data?: { email?: string } }).data?.email ?? '').toLowerCase().trim()
    try {
      await perAddress.consume(requestAddress(req) ?? 'unknown')
      if (email) await perEmail.consume(email)
    } catch {
      await padAuthAnswer(req)
      throw new APIError('找回密码的请求过于频繁：同一邮箱每小时最多 3 次。请稍后再试，或联系系统管理员。', 429, undefined, true)
    }
    // Payload answers an unknown address at once, without an after-operation hook: wait here instead.
    const known = email ? await req.payload.db.findOne({ collection: 'users', where: { email: { equals: email } }, req }) : null
    if (!known) await padAuthAnswer(req)
  }
  if (operation === 'resetPassword') {
    const password = (args as { data?: { password?: string } }).data?.password
    const problem = passwordProblem(password)
    if (problem) throw new APIError(problem, 400, undefined, true)
  }
  return args
}
