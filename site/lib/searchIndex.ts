// Search without JavaScript (issue 15): a small index written at release time
// (/search-index.json, from the snapshot) and a pure matcher the on-demand page /search/find/
// runs per request. Pagefind stays the enhanced search with JavaScript on /search/.
//
// Hand-written because the page must answer inside the public server with no index service: the
// matcher is a substring and Chinese-bigram match over a few thousand titles (Pagefind's own index
// is built for its browser client). Only titles and place names are indexed, never a household.
import type { Catalog } from './catalog'
import { formatMonth, listKindLabel } from './format'
import { villagePageHref } from './listPages'

export type SearchEntry = {
  /** address */
  u: string
  /** title */
  t: string
  /** kind: 政策 / 指南 / 公示 / 名单 / 村（社区） … */
  k: string
  /** more words it is found by (place names, document number) */
  w: string
  /** filters: programme short name, township name, month label */
  p: string[]
  r: string[]
  m: string[]
  /** sort key: newer first within equal scores */
  d: string
  /** names this page is THE page of (a village's name and full name): an exact query ranks it first */
  n?: string[]
}

export function buildSearchIndex(c: Catalog): SearchEntry[] {
  const out: SearchEntry[] = []
  const townOf = (code: string) => c.townshipOf(code)?.name ?? null
  const latestLists = new Map<string, (typeof c.listsSorted)[number]>()
  for (const l of c.listsSorted) {
    const key = `${l.programmeCode}|${l.regionCode}|${l.kind}`
    if (!latestLists.has(key)) latestLists.set(key, l)
  }
  for (const p of c.policiesSorted) {
    out.push({ u: `/policies/${p.id}/`, t: p.title, k: '政策法规', w: [p.documentNumber, p.issuer, p.summary].filter(Boolean).join(' '), p: p.programmeCodes.map(c.programmeName), r: [], m: [], d: p.publishedOn })
  }
  for (const g of c.snapshot.guides) out.push({ u: `/guides/${g.programmeCode}/`, t: g.title, k: '办事指南', w: `${c.programmeName(g.programmeCode)} 怎样申请 办事指南`, p: [c.programmeName(g.programmeCode)], r: [], m: [], d: '' })
  for (const n of c.noticesSorted) {
    const villages = [...new Set(n.entries.map((e) => e.villageCode))].map((v) => c.regionFullName(v))
    const towns = [...c.noticeTownships(n)].map((t) => c.regionName(t))
    out.push({ u: `/notices/${n.id}/`, t: n.title, k: `公示（${n.status}）`, w: [c.regionFullName(n.regionCode), ...villages, n.stage.label].join(' '), p: [c.programmeName(n.programmeCode)], r: towns, m: [formatMonth(n.postedOn.slice(0, 7))], d: n.postedOn })
  }
  for (const l of c.listsSorted) {
    const t = townOf(l.regionCode) ?? c.regionName(l.regionCode)
    out.push({ u: `/lists/${l.id}/`, t: `${formatMonth(l.month)}${c.regionName(l.regionCode)}${c.programmeName(l.programmeCode)}${listKindLabel[l.kind]}`, k: '救助名单', w: c.regionFullName(l.regionCode), p: [c.programmeName(l.programmeCode)], r: [t], m: [formatMonth(l.month)], d: l.month })
  }
  // One entry per village and the latest list of each programme: a resident types the village name.
  for (const l of latestLists.values()) {
    for (const v of l.byVillage) {
      if (!v.households) continue
      const name = c.regionFullName(v.villageCode)
      out.push({ u: villagePageHref(l.id, v.villageCode), t: `${name}${formatMonth(l.month)}${c.programmeName(l.programmeCode)}${listKindLabel[l.kind]}`, k: '本村名单', w: `${c.regionName(v.villageCode)} ${name}`, p: [c.programmeName(l.programmeCode)], r: [townOf(v.villageCode) ?? ''], m: [formatMonth(l.month)], d: l.month })
    }
  }
  // 按村查找: a page per township and village, found by its name (its title is the full name).
  for (const r of c.snapshot.regions) {
    if (r.level === 'county') continue
    const t = r.level === 'village' ? townOf(r.code) : r.name
    out.push({ u: `/regions/${r.code}/`, t: c.regionFullName(r.code), k: r.level === 'village' ? '村（社区）' : '乡镇（街道）', w: `${r.name} 公示 名单 联系电话`, p: [], r: t ? [t] : [], m: [], d: '', n: [r.name, c.regionFullName(r.code)] })
  }
  out.push({ u: '/regions/', t: '按村查找', k: '栏目', w: '村 社区 乡镇 街道 本村', p: [], r: [], m: [], d: '' })
  for (const i of c.snapshot.interpretations) {
    const p = c.policy(i.policy.id)
    out.push({ u: `/interpretations/${i.id}/`, t: i.title, k: '政策解读', w: [i.policy.title, i.issuer, i.summary, '解读'].filter(Boolean).join(' '), p: (p?.programmeCodes ?? []).map(c.programmeName), r: [], m: [], d: i.publishedOn })
  }
  out.push({ u: '/standards/', t: '保障标准', k: '栏目', w: '低保标准 特困供养标准 临时救助标准', p: [], r: [], m: [], d: '' })
  out.push({ u: '/stats/', t: '统计数据', k: '栏目', w: '户数 人数 金额', p: [], r: [], m: [], d: '' })
  out.push({ u: '/interact/', t: '投诉举报和异议', k: '栏目', w: '投诉 举报 异议 查询 办理进度', p: [], r: [], m: [], d: '' })
  return out
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '')

/** Words of a query: runs of Chinese become bigrams (a single character stays itself), others stay whole. */
export function queryTerms(q: string): string[] {
  const terms: string[] = []
  for (const part of q.normalize('NFKC').toLowerCase().split(/[\s,，、;；]+/).filter(Boolean)) {
    for (const run of part.match(/\p{Script=Han}+|[^\p{Script=Han}]+/gu) ?? []) {
      if (!/\p{Script=Han}/u.test(run)) terms.push(run)
      else if (run.length === 1) terms.push(run)
      else for (let i = 0; i + 1 < run.length; i++) terms.push(run.slice(i, i + 2))
    }
  }
  return [...new Set(terms)]
}

export type SearchFilters = { programme?: string; region?: string; month?: string }

/** Entries matching every term (title counts more than other words), newest first among equals. */
export function searchEntries(index: SearchEntry[], q: string, f: SearchFilters = {}): SearchEntry[] {
  const terms = queryTerms(q)
  if (!terms.length) return []
  const whole = norm(q)
  const scored: Array<{ e: SearchEntry; score: number }> = []
  for (const e of index) {
    if (f.programme && !e.p.includes(f.programme)) continue
    if (f.region && !e.r.includes(f.region)) continue
    if (f.month && !e.m.includes(f.month)) continue
    const title = norm(e.t)
    const all = title + norm(e.w)
    if (!terms.every((t) => all.includes(t))) continue
    // A page whose title is exactly the query (a village's own page for its name) comes first.
    const score = (title === whole || e.n?.some((x) => norm(x) === whole) ? 8 : title.includes(whole) ? 4 : all.includes(whole) ? 2 : 0) + terms.filter((t) => title.includes(t)).length / terms.length
    scored.push({ e, score })
  }
  return scored.sort((a, b) => b.score - a.score || b.e.d.localeCompare(a.e.d) || a.e.u.localeCompare(b.e.u)).map((x) => x.e)
}

/** The filter values a search form offers (from the index, so they match what it can find). */
export function filterValues(index: SearchEntry[]): { programme: string[]; region: string[]; month: string[] } {
  const collect = (pick: (e: SearchEntry) => string[]) => [...new Set(index.flatMap(pick).filter(Boolean))]
  const monthKey = (m: string) => m.replace(/(\d+)年(\d+)月/, (_, y: string, mo: string) => `${y}-${mo.padStart(2, '0')}`)
  return { programme: collect((e) => e.p), region: collect((e) => e.r), month: collect((e) => e.m).sort((a, b) => monthKey(b).localeCompare(monthKey(a))) }
}
