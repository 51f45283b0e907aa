/**
 * Which address a request came from, by the trusted-proxy rule shared by the CMS (audit log) and
 * the public server (rate limits): with `trustedHops` proxies in front that each append the address
 * they received from, the client is the entry that many places from the right of X-Forwarded-For;
 * entries further left were written by the client and are never trusted. With no trusted proxy the
 * header is ignored and the socket address is the answer.
 *
 *   socket 10.0.0.2 (nginx), XFF "6.6.6.6, 203.0.113.9", 1 hop  → 203.0.113.9 (6.6.6.6 was spoofed)
 */
export function clientAddress(input: { socketAddress?: string | null; forwardedFor?: string | null; trustedHops: number }): string | null {
  const socket = input.socketAddress?.trim() || null
  const hops = Number.isInteger(input.trustedHops) && input.trustedHops > 0 ? input.trustedHops : 0
  if (hops === 0) return socket
  const chain = (input.forwardedFor ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  // The nearest proxy appended the address it saw; `hops` proxies wrote the last `hops` entries.
  const entry = chain.length >= hops ? chain[chain.length - hops] : chain[0]
  return entry ? stripPort(entry) : socket
}

/** `TRUST_PROXY`: a number of proxy hops; `1`/`true` mean one; unset, `0` or anything else: none. */
export function trustedHopsFrom(value: string | undefined | null): number {
  if (!value) return 0
  if (value === 'true') return 1
  const n = Number(value)
  return Number.isInteger(n) && n > 0 && n < 10 ? n : 0
}

function stripPort(entry: string): string {
  const v6 = /^\[([^\]]+)\](?::\d+)?$/.exec(entry)
  if (v6) return v6[1]
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry)
  return v4 ? v4[1] : entry
}
