import type { APIRoute } from 'astro'

/**
 * Crawlers may fetch every page (so they read the noindex of pages with names, site/lib/robots.ts),
 * but not the search index fragments, which hold page text in pieces, nor the on-demand routes.
 */
export const GET: APIRoute = ({ site }) => {
  const base = site ?? new URL('http://localhost:4321')
  const body = ['User-agent: *', 'Disallow: /pagefind/', 'Disallow: /interact/track', 'Disallow: /release-routes.json', '', `Sitemap: ${new URL('/sitemap.xml', base).href}`, ''].join('\n')
  return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } })
}
