import type { APIRoute } from 'astro'
import { catalog } from '../lib/catalog'
import { xmlEscape } from '../lib/xml'

/**
 * The pages a search engine should know: sections, documents, guides, the notice and list
 * indexes and each list's summary page (villages and figures, no names). Pages that show names —
 * a notice, a village page of a list — are left out and carry noindex (site/lib/robots.ts), so no
 * search engine keeps a copy after the household or the notice leaves the site.
 */
export const GET: APIRoute = ({ site }) => {
  const c = catalog()
  const s = c.snapshot
  const base = site ?? new URL('http://localhost:4321')
  const urls: Array<[string, string | null]> = [
    ['/', s.asOf], ['/policies/', null], ['/guides/', null], ['/standards/', null], ['/notices/', s.asOf], ['/lists/', null],
    ['/stats/', null], ['/open-data/', s.asOf], ['/interact/', null], ['/search/', null],
    ...s.policies.map((p) => [`/policies/${p.id}/`, p.updatedAt.slice(0, 10)] as [string, string]),
    ...s.guides.map((g) => [`/guides/${g.programmeCode}/`, g.updatedAt.slice(0, 10)] as [string, string]),
    ...c.months.map((m) => [`/lists/month/${m}/`, null] as [string, null]),
    ...s.lists.map((l) => [`/lists/${l.id}/`, l.publishedOn] as [string, string]),
  ]
  const body = urls
    .map(([p, d]) => `<url><loc>${xmlEscape(new URL(p, base).href)}</loc>${d ? `<lastmod>${d}</lastmod>` : ''}</url>`)
    .join('\n')
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } })
}
