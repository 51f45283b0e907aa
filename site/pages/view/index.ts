import type { APIRoute } from 'astro'
import { applyViewChange, parseViewPrefs, safeBack, serialiseViewPrefs, VIEW_COOKIE } from '../../lib/viewPrefs'

// Runs per request: a link (no JavaScript) that turns large text or high contrast on or off, keeps
// the choice for a year in a cookie, and sends the resident back to the page they were on.
export const prerender = false

export const GET: APIRoute = ({ request, url }) => {
  const next = applyViewChange(parseViewPrefs(request.headers.get('cookie')), url.searchParams)
  const secure = url.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https' ? '; Secure' : ''
  return new Response(null, {
    status: 303,
    headers: {
      location: safeBack(url.searchParams.get('back')),
      'set-cookie': `${VIEW_COOKIE}=${serialiseViewPrefs(next)}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly${secure}`,
      'cache-control': 'no-store',
    },
  })
}
