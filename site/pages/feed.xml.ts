import type { APIRoute } from 'astro'
import { catalog } from '../lib/catalog'
import { formatDate } from '../lib/format'
import { xmlEscape } from '../lib/xml'

/** Atom feed of 公示 notices, newest posting first. */
export const GET: APIRoute = ({ site }) => {
  const c = catalog()
  const { site: info, generatedAt, asOf } = c.snapshot
  const base = site ?? new URL('http://localhost:4321')
  const abs = (p: string) => new URL(p, base).href
  const notices = [...c.snapshot.notices].sort((a, b) => b.postedOn.localeCompare(a.postedOn) || a.id.localeCompare(b.id))
  const ts = (d: string) => `${d}T00:00:00+08:00`
  // Dates are true dates (issue 15): a notice announced ahead of its posting day was last changed
  // no later than the snapshot's day, and the feed was updated when its newest entry was.
  const changedOn = (n: (typeof notices)[number]) => [n.changeNotes.map((x) => x.on).sort().pop() ?? n.postedOn, asOf].sort()[0]
  const updated = notices.length ? ts(notices.map(changedOn).sort().pop()!) : generatedAt
  const entries = notices.map((n) => {
    const summary = `${n.status}。${n.stage.label}，公示期${formatDate(n.postedOn)}至${formatDate(n.endsOn)}，${c.regionFullName(n.regionCode)}，${n.totals.households}户。`
    return `  <entry>
    <id>${xmlEscape(abs(`/notices/${n.id}/`))}</id>
    <title>${xmlEscape(n.title)}</title>
    <link rel="alternate" type="text/html" href="${xmlEscape(abs(`/notices/${n.id}/`))}"/>
    ${n.postedOn <= asOf ? `<published>${ts(n.postedOn)}</published>\n    ` : ''}<updated>${ts(changedOn(n))}</updated>
    <category term="${xmlEscape(c.programmeName(n.programmeCode))}"/>
    <summary>${xmlEscape(summary)}</summary>
  </entry>`
  })
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${xmlEscape(abs('/notices/'))}</id>
  <title>${xmlEscape(`${info.columnTitle}公示公告 - ${info.bureauName}`)}</title>
  <link rel="self" type="application/atom+xml" href="${xmlEscape(abs('/feed.xml'))}"/>
  <link rel="alternate" type="text/html" href="${xmlEscape(abs('/notices/'))}"/>
  <author><name>${xmlEscape(info.bureauName)}</name></author>
  <updated>${updated}</updated>
${entries.join('\n')}
</feed>
`
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } })
}
