import crypto from 'node:crypto'
import type { PayloadRequest } from 'payload'

/**
 * Login and forgot-password answer in the same time whether or not the account exists: an unknown
 * e-mail still costs one password hash (Payload's PBKDF2 parameters), and every answer is padded to
 * a floor well above the real work. Real time (not the domain clock): this measures the machine.
 */
export const AUTH_ANSWER_FLOOR_MS = Number(process.env.AUTH_ANSWER_FLOOR_MS ?? 900)

const KEY = 'authAnswerStartedAt'

export function startAuthAnswer(req: PayloadRequest) {
  req.context[KEY] ??= performance.now()
}

/** Waits until the answer's floor has passed (no-op for requests that did not start the clock). */
export async function padAuthAnswer(req: PayloadRequest | undefined) {
  const started = req?.context?.[KEY]
  if (typeof started !== 'number') return
  delete req!.context[KEY]
  const wait = AUTH_ANSWER_FLOOR_MS - (performance.now() - started)
  if (wait > 0) await new Promise((r) => setTimeout(r, wait))
}

/** The same work Payload does to check a password, for an account that does not exist. */
export function dummyPasswordHash(password: string): Promise<void> {
  return new Promise((resolve) => crypto.pbkdf2(password, crypto.randomBytes(32), 600_000, 32, 'sha256', () => resolve()))
}
