import { addressKey } from '../../../cms/domain/clientAddress'

/**
 * Per-key limits without a third-party CAPTCHA: a sliding window of event times per key. The
 * limiters live in the long-lived public-server process (handed to each release's pages through
 * `locals`), so publishing a release — which loads a new server bundle — does not reset them.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>()
  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const since = now - this.windowMs
    const times = (this.hits.get(key) ?? []).filter((t) => t > since)
    if (times.length) this.hits.set(key, times)
    else this.hits.delete(key)
    return times
  }

  /** Seconds until `key` may act again; 0 when it may act now. Records nothing. */
  wait(key: string, now: number): number {
    const times = this.recent(key, now)
    if (times.length < this.limit) return 0
    return Math.max(1, Math.ceil((times[times.length - this.limit] + this.windowMs - now) / 1000))
  }

  record(key: string, now: number): void {
    const times = this.recent(key, now)
    times.push(now)
    this.hits.set(key, times)
    if (this.hits.size > this.maxKeys) this.sweep(now)
  }

  /** Records an event when under the limit; returns the seconds to wait otherwise (then nothing is recorded). */
  take(key: string, now: number): number {
    const wait = this.wait(key, now)
    if (!wait) this.record(key, now)
    return wait
  }

  get size() {
    return this.hits.size
  }

  private sweep(now: number) {
    for (const k of [...this.hits.keys()]) this.recent(k, now)
    // Still too many (a flood of distinct addresses): forget the oldest keys rather than grow without bound.
    for (const k of this.hits.keys()) {
      if (this.hits.size <= this.maxKeys * 0.9) break
      this.hits.delete(k)
    }
  }
}

export type LimitSettings = {
  /** Accepted submissions per address and subject (the notice and entry, or the kind and category). */
  perSubject: number
  /** Accepted submissions per address in an hour, whatever the subject (a village committee's PC, a carrier-grade NAT). */
  perAddress: number
  /** POSTs of any outcome per address in 10 minutes, checked before a body is read (bounds the parsing work of a flood). */
  attempts: number
  /** Status lookups per address and tracking code in 10 minutes (password guessing is also locked out per code by the CMS). */
  lookupsPerCode: number
  /** Status lookups per address in 10 minutes, any code. */
  lookups: number
}

const num = (v: string | undefined, fallback: number) => (v && Number.isFinite(Number(v)) && Number(v) > 0 ? Math.floor(Number(v)) : fallback)

export const limitSettingsFromEnv = (env: NodeJS.ProcessEnv = process.env): LimitSettings => ({
  perSubject: num(env.FORM_SUBMIT_LIMIT, 5),
  perAddress: num(env.FORM_ADDRESS_LIMIT, 30),
  attempts: num(env.FORM_ATTEMPT_LIMIT, 60),
  lookupsPerCode: num(env.FORM_TRACK_CODE_LIMIT, 10),
  lookups: num(env.FORM_TRACK_LIMIT, 60),
})

const TEN_MINUTES = 10 * 60_000

export type FormLimits = ReturnType<typeof createFormLimits>

/**
 * The limits residents meet. Only accepted submissions spend the submission budget (a resident
 * correcting a validation error does not); the attempt budget is generous and exists only so that
 * a flood cannot make the server parse without end.
 */
export function createFormLimits(settings: LimitSettings, now: () => number) {
  const attempts = { form: new RateLimiter(settings.attempts, TEN_MINUTES), track: new RateLimiter(settings.attempts, TEN_MINUTES) }
  const perSubject = new RateLimiter(settings.perSubject, TEN_MINUTES)
  const perAddress = new RateLimiter(settings.perAddress, 6 * TEN_MINUTES)
  const lookupsPerCode = new RateLimiter(settings.lookupsPerCode, TEN_MINUTES)
  const lookups = new RateLimiter(settings.lookups, TEN_MINUTES)
  return {
    settings,
    /** Counts one POST before its body is read; seconds to wait when over. */
    attempt: (route: 'form' | 'track', addr: string) => attempts[route].take(addressKey(addr), now()),
    /** Seconds to wait before this submission may be accepted; 0 = go ahead. */
    submissionWait: (addr: string, subject: string) => Math.max(perSubject.wait(`${addressKey(addr)}|${subject}`, now()), perAddress.wait(addressKey(addr), now())),
    submissionAccepted(addr: string, subject: string) {
      perSubject.record(`${addressKey(addr)}|${subject}`, now())
      perAddress.record(addressKey(addr), now())
    },
    lookupWait: (addr: string, code: string) => Math.max(lookupsPerCode.wait(`${addressKey(addr)}|${code}`, now()), lookups.wait(addressKey(addr), now())),
    lookupMade(addr: string, code: string) {
      lookupsPerCode.record(`${addressKey(addr)}|${code}`, now())
      lookups.record(addressKey(addr), now())
    },
  }
}
