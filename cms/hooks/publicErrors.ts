// The one place where a refusal's Chinese message is made to reach the person, whatever the path.
// Domain errors (cms/domain/errors.ts) are public 4xx by construction, which is enough for REST and
// GraphQL. This root `afterError` hook covers the rest: a domain error wrapped by a library (found
// on the `cause` chain), and the older error classes of the domain that predate DomainError
// (masking, ID numbers) — their messages are written for people, so they are shown, not hidden
// behind "Something went wrong.". Local API callers (hooks, jobs, scripts) get the error itself.
import type { AfterErrorHook } from 'payload'
import { DOMAIN_ERROR_NAMES, isDomainError, wasRefusal } from '../domain/errors'

const PEOPLE_FACING = new Set<string>([...DOMAIN_ERROR_NAMES, 'NameMaskError', 'IdNumberError', 'TwoPersonRuleError'])

/** The error a person should read, if `err` is or wraps one. */
export function publicDomainError(err: unknown): { message: string; status: number } | null {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown; originalError?: unknown }).originalError ?? (e as { cause?: unknown }).cause, depth++) {
    const name = (e as { name?: unknown }).name
    if (isDomainError(e) || (typeof name === 'string' && PEOPLE_FACING.has(name))) {
      const status = Number((e as { status?: unknown }).status)
      return { message: String((e as Error).message), status: status >= 400 && status < 500 ? status : 400 }
    }
  }
  return null
}

/** Log levels: a refusal is not an incident, so it is logged at info, not error. */
export const refusalLogLevels = Object.fromEntries([...PEOPLE_FACING].map((n) => [n, 'info' as const]))

/**
 * A pino `logMethod` hook with the same effect where Payload logs a wrapper rather than the error:
 * GraphQL logs a GraphQLError around the refusal, the job runner a TaskError with its message only
 * (a scheduled publish refused by the two-person rule), so the name-based levels cannot see them.
 */
export function refusalsAtInfo(this: { info: (...a: unknown[]) => void }, args: unknown[], method: (...a: unknown[]) => void, level: number) {
  const first = args[0] as { err?: { message?: unknown } } | undefined
  const err = first && typeof first === 'object' ? first.err : undefined
  if (level >= 50 && err && (publicDomainError(err) || wasRefusal(err.message))) return this.info(...args)
  return method.apply(this, args)
}

export const showDomainErrors: AfterErrorHook = ({ error, graphqlResult, result }) => {
  const found = publicDomainError(error)
  if (!found) return
  if (graphqlResult) return { graphqlResult: { ...graphqlResult, message: found.message, extensions: { ...graphqlResult.extensions, statusCode: found.status } } }
  return { response: { ...(result ?? {}), errors: [{ message: found.message }] }, status: found.status }
}
