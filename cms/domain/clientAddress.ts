import net from 'node:net'

/**
 * Who is asking, by one trusted-proxy rule shared by the public server (rate limits) and the CMS
 * (audit log, forgot-password throttle): the socket's peer, or — only across proxies the deployment
 * declares — the address that proxy saw. X-Forwarded-For is read from the right: each trusted hop
 * appended the address it received the request from, and everything left of the last trusted hop
 * was written by the client and proves nothing (a spoofed leftmost entry buys no new budget).
 */
export type ProxyTrust = {
  /** How many proxies stand in front of this server (TRUST_PROXY; 0 = none, X-Forwarded-For ignored). */
  hops: number
  /** Addresses those proxies connect from (TRUSTED_PROXIES); a hop is taken only when its sender is one of these. */
  trusted: net.BlockList
}

const LOOPBACK = ['127.0.0.0/8', '::1/128']

/** Parses `TRUST_PROXY` (a hop count; `true`/`yes` read as 1) and `TRUSTED_PROXIES` (addresses or CIDR ranges; loopback by default). */
export function parseProxyTrust(hopsText: string | undefined, trustedText: string | undefined): ProxyTrust {
  const t = (hopsText ?? '').trim().toLowerCase()
  const hops = t === '' || t === '0' || t === 'false' || t === 'no' ? 0 : t === 'true' || t === 'yes' ? 1 : Number(t)
  if (!Number.isInteger(hops) || hops < 0 || hops > 5) throw new Error(`TRUST_PROXY 的值“${hopsText}”不对：应为代理的层数（0 到 5 的整数；nginx 在本机时为 1）。`)
  const trusted = new net.BlockList()
  const entries = (trustedText ?? '').split(/[\s,]+/).filter(Boolean)
  for (const e of entries.length ? entries : LOOPBACK) {
    const [addr, bits] = e.split('/')
    const family = net.isIP(addr)
    if (!family) throw new Error(`TRUSTED_PROXIES 中的“${e}”不是 IP 地址或 CIDR 网段（例如 10.0.0.5 或 10.0.0.0/24）。`)
    const type = family === 6 ? 'ipv6' : 'ipv4'
    if (bits === undefined) trusted.addAddress(addr, type)
    else {
      const prefix = Number(bits)
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) throw new Error(`TRUSTED_PROXIES 中的“${e}”网段位数不对。`)
      trusted.addSubnet(addr, prefix, type)
    }
  }
  return { hops, trusted }
}

/** `::ffff:1.2.3.4` → `1.2.3.4`; `[::1]:80` or `1.2.3.4:5678` → the address; anything else that is not an IP → null. */
export function normaliseAddress(raw: string | undefined | null): string | null {
  if (!raw) return null
  let a = raw.trim()
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(a)
  if (bracket) a = bracket[1]
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.replace(/:\d+$/, '')
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(a)) a = a.slice(7)
  return net.isIP(a) ? a.toLowerCase() : null
}

const isTrusted = (trust: ProxyTrust, addr: string) => trust.trusted.check(addr, net.isIP(addr) === 6 ? 'ipv6' : 'ipv4')

/** Whether the socket's peer is a proxy the deployment trusts (so its X-Forwarded-* headers count). */
export function isTrustedPeer(trust: ProxyTrust, socketAddress: string | undefined): boolean {
  const addr = normaliseAddress(socketAddress)
  return trust.hops > 0 && addr !== null && isTrusted(trust, addr)
}

/** The client's address as the rate limiter should see it. */
export function clientAddressOf(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trust: ProxyTrust): string {
  let addr = normaliseAddress(socketAddress) ?? 'unknown'
  if (trust.hops === 0 || forwardedFor === undefined) return addr
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').map((s) => s.trim()).filter(Boolean)
  for (let hop = 0; hop < trust.hops; hop++) {
    if (addr === 'unknown' || !isTrusted(trust, addr)) break
    const next = normaliseAddress(chain.pop())
    if (!next) break
    addr = next
  }
  return addr
}

/**
 * The key a limiter counts under: an IPv4 address as is; an IPv6 address by its /64 network (one
 * household or phone usually holds a whole /64 and can rotate through it at will).
 */
export function addressKey(addr: string): string {
  if (net.isIP(addr) !== 6) return addr
  const [head, tail = ''] = addr.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = addr.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`
}

/** Headers a proxy adds: seeing them while no proxy is trusted means every resident shares one budget. */
export const PROXY_HEADERS = ['x-forwarded-for', 'x-real-ip', 'forwarded'] as const

/**
 * The client's address for a server that cannot see its socket (the CMS under Next.js, which keeps a
 * client-sent X-Forwarded-For as it is). It listens only where its proxy reaches it (CMS_HOST=127.0.0.1
 * behind nginx), so the nearest hop is taken to be that proxy: with no proxy declared nothing is
 * known (null — a header the client wrote is no evidence); otherwise the entry the nearest proxy
 * wrote, and further left only across further trusted proxies, never the leftmost on its own.
 *
 *   XFF "6.6.6.6, 203.0.113.9", TRUST_PROXY=1 → 203.0.113.9 (6.6.6.6 was written by the client)
 */
export function clientAddressBehindProxy(forwardedFor: string | string[] | null | undefined, trust: ProxyTrust): string | null {
  if (trust.hops === 0 || forwardedFor == null) return null
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').map((s) => s.trim()).filter(Boolean)
  let addr = normaliseAddress(chain.pop())
  for (let hop = 1; hop < trust.hops && addr && isTrusted(trust, addr); hop++) {
    const next = normaliseAddress(chain.pop())
    if (!next) break
    addr = next
  }
  return addr
}
