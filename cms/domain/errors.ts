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
    rememberRefusal(message)
  }
}

// The messages of the last refusals made in this process. Payload's job runner re-throws a task's
// error as a bare TaskError carrying only the message; this is how its log line is still
// recognised as an expected refusal (cms/hooks/publicErrors.ts).
const recent: string[] = []

/** Notes that `message` was a refusal to a person (called by the refusal classes' constructors). */
export function rememberRefusal(message: string): void {
  recent.push(message)
  if (recent.length > 200) recent.shift()
}

export function wasRefusal(message: unknown): boolean {
  return typeof message === 'string' && recent.includes(message)
}

/** True for a DomainError from any copy of this module. */
export function isDomainError(err: unknown): err is DomainError {
  return typeof err === 'object' && err !== null && (err as Record<symbol, unknown>)[BRAND] === true
}

/** Names of the domain error classes (their `name`), for log levels and for errors seen only by name. */
export const DOMAIN_ERROR_NAMES = ['DomainError', 'InvalidDateError', 'CalendarEntryError', 'HolidayNoticeError'] as const
