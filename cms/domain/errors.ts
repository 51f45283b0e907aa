// Errors of the domain rules: a refusal a person can act on, with its Chinese message.
// They are public by construction (`status` 4xx, `isPublic`), so Payload hands the message to the
// admin on REST and GraphQL without any try/catch in the hooks; `cms/hooks/publicErrors.ts` is the
// one place that also recognises them when wrapped or thrown by an older class (see there).
// The brand is a global symbol, not `instanceof`: the admin's Next build can load this module twice.

const BRAND = Symbol.for('ygjz.domainError')

export class DomainError extends Error {
  /** HTTP status Payload answers with (400 unless the rule says otherwise). */
  readonly status: number
  /** Payload shows the message of an error marked public instead of "Something went wrong.". */
  readonly isPublic = true
  readonly [BRAND] = true

  constructor(message: string, status = 400) {
    super(message)
    this.name = 'DomainError'
    this.status = status
  }
}

/** True for a DomainError from any copy of this module. */
export function isDomainError(err: unknown): err is DomainError {
  return typeof err === 'object' && err !== null && (err as Record<symbol, unknown>)[BRAND] === true
}

/** Names of the domain error classes (their `name`), for log levels and for errors seen only by name. */
export const DOMAIN_ERROR_NAMES = ['DomainError', 'InvalidDateError', 'CalendarEntryError', 'HolidayNoticeError'] as const
