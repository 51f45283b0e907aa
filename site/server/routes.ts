import { FORM_BODY_LIMIT, FORM_PARSE_LIMITS, TRACK_BODY_LIMIT, TRACK_PARSE_LIMITS } from '../lib/forms/limits'
import type { ParseLimits } from '../lib/forms/parseForm'

/** Which routes take a body, how much, and how it is parsed. Everything else is static and takes none. */
export type Route = { kind: 'form' | 'track'; bodyLimit: number; parse: ParseLimits } | { kind: 'static'; bodyLimit: 0 }

const FORM_ROUTE = /^\/interact\/(objection|report|complaint|other)\/?$/
const TRACK_ROUTE = /^\/interact\/track\/?$/

export function routeOf(pathname: string): Route {
  if (FORM_ROUTE.test(pathname)) return { kind: 'form', bodyLimit: FORM_BODY_LIMIT, parse: FORM_PARSE_LIMITS }
  if (TRACK_ROUTE.test(pathname)) return { kind: 'track', bodyLimit: TRACK_BODY_LIMIT, parse: TRACK_PARSE_LIMITS }
  return { kind: 'static', bodyLimit: 0 }
}

/**
 * Short notice addresses typed from paper are case-insensitive (issue 15): `/n/k7m2qx` answers a
 * permanent redirect to `/n/K7M2QX/`. Returns the address to redirect to, or null when the path is
 * not a short address or is already in its canonical form.
 */
export function shortUrlRedirect(pathname: string): string | null {
  const m = /^\/n\/([0-9A-Za-z]{6,12})(\/?)$/.exec(pathname)
  if (!m) return null
  const canonical = `/n/${m[1].toUpperCase()}/`
  return canonical === pathname ? null : canonical
}
