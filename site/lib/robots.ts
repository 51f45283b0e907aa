// Which addresses search engines may keep. Pages that show names (however masked) — a 公示, a
// village page of a 名单 — and the downloads with names carry `noindex` (a meta tag in the page
// and an X-Robots-Tag header from the public server), and are not in the sitemap: when a
// household or a notice leaves the site, no search engine keeps a copy. They are not disallowed
// in robots.txt on purpose: a crawler must fetch a page to read its noindex.
import type { Snapshot } from './snapshotSchema'

/** Path patterns (regular expressions) whose responses carry X-Robots-Tag: noindex. */
export const NOINDEX_PATTERNS = [
  '^/notices/(?!stage/|programme/|region/)[^/]+/?$',
  '^/lists/(?!month/|programme/|region/)[^/]+/[^/]+/',
  '^/open-data/lists/',
  '^/open-data/notice-entries\\.',
  '^/search/',
  // short addresses of notices (/n/K7M2QX/) only lead on to the notice
  '^/n/',
]

/**
 * The release's routing data for the public server (site/server/publicServer.ts): removed pages,
 * answered with 410 Gone and the short note at `page` (everything under a list's address, and its
 * CSV, goes with it), and the noindex patterns above.
 */
export function releaseRoutes(s: Pick<Snapshot, 'gone'>) {
  const gone = s.gone.flatMap((g) =>
    g.kind === 'notice'
      ? [{ prefix: `/notices/${g.id}/`, page: `/notices/${g.id}/` }]
      : [
          { prefix: `/lists/${g.id}/`, page: `/lists/${g.id}/` },
          { prefix: `/open-data/lists/${g.id}.csv`, page: `/lists/${g.id}/` },
          { prefix: `/open-data/lists/${g.id}/`, page: `/lists/${g.id}/` },
        ],
  )
  return { gone, noindex: NOINDEX_PATTERNS }
}
