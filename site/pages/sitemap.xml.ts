import type { APIRoute } from 'astro'
import { catalog } from '../lib/catalog'
import { villagePageHref } from '../lib/listPages'
import { xmlEscape } from '../lib/xml'

/**
 * Every page a search engine should know: sections, documents, notices, lists and the first page
 * of each village list (paged and re-sorted copies are left out, so a county of 100,000 households
 * stays far below the 50,000-URL limit of one sitemap).
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
    ...s.notices.map((n) => [`/notices/${n.id}/`, n.postedOn] as [string, string]),
    ...c.months.map((m) => [`/lists/month/${m}/`, null] as [string, null]),
    ...s.lists.flatMap((l) => [
      [`/lists/${l.id}/`, l.publishedOn] as [string, string],
      ...l.byVillage.filter((v) => v.households !== 0).map((v) => [villagePageHref(l.id, v.villageCode), l.publishedOn] as [string, string]),
    ]),
  ]
  const body = urls
    .map(([p, d]) => `<url><loc>${xmlEscape(new URL(p, base).href)}</loc>${d ? `<lastmod>${d}</lastmod>` : ''}</url>`)
    .join('\n')
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } })
}
