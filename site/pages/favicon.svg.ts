import type { APIRoute } from 'astro'
import { loadSnapshot } from '../lib/snapshot'
import { iconSvg } from '../lib/siteIcon'

export const GET: APIRoute = () => {
  const { site } = loadSnapshot()
  return new Response(iconSvg(site.columnTitle, site.bureauName), { headers: { 'content-type': 'image/svg+xml' } })
}
