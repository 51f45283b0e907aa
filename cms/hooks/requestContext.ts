import type { PayloadRequest } from 'payload'

/**
 * Payload merges an operation's `context` into the shared `req.context` when `req` is passed
 * along (to stay in the same transaction). A nested write with `{ skipAudit: true }` would then
 * silence every later audit entry of the request. This restores the caller's context afterwards.
 */
export async function keepingRequestContext<T>(req: PayloadRequest | undefined, fn: () => Promise<T>): Promise<T> {
  if (!req) return fn()
  const saved = req.context
  try {
    return await fn()
  } finally {
    req.context = saved
  }
}
