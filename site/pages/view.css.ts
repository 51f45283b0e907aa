import type { APIRoute } from 'astro'
import { parseViewPrefs, viewCss } from '../lib/viewPrefs'

// Runs per request: the large-text / high-contrast rules the resident chose (cookie), or nothing.
export const prerender = false

export const GET: APIRoute = ({ request }) =>
  new Response(viewCss(parseViewPrefs(request.headers.get('cookie'))), {
    headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'private, no-cache', vary: 'Cookie' },
  })
