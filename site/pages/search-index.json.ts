import type { APIRoute } from 'astro'
import { catalog } from '../lib/catalog'
import { buildSearchIndex } from '../lib/searchIndex'

/** The index of the search that works without JavaScript (site/pages/search/find.astro), built with the release. */
export const GET: APIRoute = () => new Response(JSON.stringify(buildSearchIndex(catalog())), { headers: { 'content-type': 'application/json; charset=utf-8' } })
