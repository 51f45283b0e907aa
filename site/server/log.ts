/** One JSON line per event; paths only (no query strings: a tracking code must not reach a log), no client addresses. */
export const log = (level: 'info' | 'warn' | 'error', msg: string, extra: Record<string, unknown> = {}) =>
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...extra })}\n`)
