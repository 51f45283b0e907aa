import type { APIRoute } from 'astro'
import { releaseRoutes } from '../lib/robots'
import { loadSnapshot } from '../lib/snapshot'

/** Removed pages (410 Gone) and noindex patterns for the public server; public notes only. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(releaseRoutes(loadSnapshot())), { headers: { 'content-type': 'application/json; charset=utf-8' } })
