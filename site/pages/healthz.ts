import type { APIRoute } from 'astro'

// Runs per request: proves the release's on-demand side is loaded.
export const prerender = false

export const GET: APIRoute = () =>
  new Response(JSON.stringify({ status: 'ok' }), { headers: { 'content-type': 'application/json' } })
