/**
 * Per-address limits without a third-party CAPTCHA: a sliding window of event times per key.
 * In memory (per public-server process): enough against a flood from one address.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>()
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records an event; false when the key is over its limit (the event is then not counted). */
  take(key: string, now = Date.now()): boolean {
    const since = now - this.windowMs
    const times = (this.hits.get(key) ?? []).filter((t) => t > since)
    if (times.length >= this.limit) {
      this.hits.set(key, times)
      return false
    }
    times.push(now)
    this.hits.set(key, times)
    if (this.hits.size > 50_000) this.sweep(now)
    return true
  }

  /** Seconds until the key may act again. */
  retryAfter(key: string, now = Date.now()): number {
    const times = this.hits.get(key) ?? []
    if (times.length < this.limit) return 0
    return Math.max(1, Math.ceil((times[0] + this.windowMs - now) / 1000))
  }

  private sweep(now: number) {
    for (const [k, v] of this.hits) if (!v.some((t) => t > now - this.windowMs)) this.hits.delete(k)
  }
}

/** Shared across the form routes of one process (module state). */
export const submitLimiter = new RateLimiter(Number(process.env.FORM_SUBMIT_LIMIT ?? 5), 10 * 60_000)
export const trackLimiter = new RateLimiter(Number(process.env.FORM_TRACK_LIMIT ?? 20), 60 * 60_000)

export function clientAddress(request: Request, fallback?: string): string {
  // Only trust X-Forwarded-For when the deployment says a proxy sets it.
  if (process.env.TRUST_PROXY === '1') {
    const fwd = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim()
    if (fwd) return fwd
  }
  return fallback ?? 'unknown'
}
