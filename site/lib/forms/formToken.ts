import crypto from 'node:crypto'

/**
 * Server-signed form timestamps: the form carries `<issued at>.<HMAC(issued at, tracking code)>`
 * instead of a client-written `startedAt`, so a script cannot claim to have spent a minute on the
 * form, nor reuse one token for many submissions (it is bound to the form's tracking code).
 */
export type TokenCheck = 'ok' | 'too-fast' | 'expired' | 'invalid'

export type FormTokens = {
  issue(trackingCode: string): string
  check(token: string, trackingCode: string): TokenCheck
}

/** A person needs more than a couple of seconds to fill in the form; a script does not. */
export const MIN_FILL_MS = 2500
/** A form left open longer than this is re-shown (text kept) with a fresh token. */
export const MAX_FORM_AGE_MS = 24 * 3_600_000
const CLOCK_SKEW_MS = 60_000

export function createFormTokens(key: Uint8Array, now: () => number, { minFillMs = MIN_FILL_MS, maxAgeMs = MAX_FORM_AGE_MS } = {}): FormTokens {
  const mac = (issued: string, code: string) => crypto.createHmac('sha256', key).update(`form.v1.${issued}.${code.toUpperCase()}`).digest().subarray(0, 18).toString('base64url')
  return {
    issue(trackingCode) {
      const issued = Math.floor(now()).toString(36)
      return `${issued}.${mac(issued, trackingCode)}`
    },
    check(token, trackingCode) {
      const m = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{24})$/.exec(token ?? '')
      if (!m) return 'invalid'
      const expected = Buffer.from(mac(m[1], trackingCode))
      const given = Buffer.from(m[2])
      if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return 'invalid'
      const age = now() - parseInt(m[1], 36)
      if (age < -CLOCK_SKEW_MS) return 'invalid'
      if (age < minFillMs) return 'too-fast'
      if (age > maxAgeMs) return 'expired'
      return 'ok'
    },
  }
}

/** The form-token key, derived from the public-form key (one secret to manage; a rotation only re-shows open forms). */
export const formTokenKey = (publicFormKey: string): Buffer => Buffer.from(crypto.hkdfSync('sha256', publicFormKey, 'ygjz', 'form timestamps v1', 32))
