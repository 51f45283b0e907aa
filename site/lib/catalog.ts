// Lookups derived from the snapshot, computed once per build and shared by every page.
import { formatMonth } from './format'
import { loadSnapshot } from './snapshot'
import type { PublicInterpretation, PublicList, PublicNotice, PublicPolicy, PublicProgramme, PublicRegion, Snapshot } from './snapshotSchema'

export type Catalog = {
  snapshot: Snapshot
  programme: (code: string) => PublicProgramme | undefined
  programmeName: (code: string) => string
  region: (code: string) => PublicRegion | undefined
  regionName: (code: string) => string
  /** 柳林镇张庄村: the township name before a village, the name alone otherwise. */
  regionFullName: (code: string) => string
  /** The township a village (or the township itself) belongs to; null for the county. */
  townshipOf: (code: string) => PublicRegion | null
  townships: PublicRegion[]
  /**
   * The townships a notice concerns: its own region's and those of the villages of its entries, so
   * a county-stage notice for 白沙镇西岭村 is found under 白沙镇 (issue 15). Empty for a county-wide
   * notice without village entries.
   */
  noticeTownships: (n: PublicNotice) => Set<string>
  villagesOf: (townshipCode: string) => PublicRegion[]
  /** Whether a notice concerns a region: a village by its own region or its entries, a township by noticeTownships. */
  noticeConcerns: (n: PublicNotice, regionCode: string) => boolean
  /** The newest list of each programme and kind that covers the region (a township's own lists; a village's township lists with rows there). */
  latestListsFor: (regionCode: string) => PublicList[]
  /** 政策解读 of a policy, newest first (the link back from the policy page). */
  interpretationsOf: (policyId: string) => PublicInterpretation[]
  list: (id: string) => PublicList | undefined
  notice: (id: string) => PublicNotice | undefined
  policy: (id: string) => PublicPolicy | undefined
  /** Newest month with published lists (the "this month" of the home page), or null. */
  latestMonth: string | null
  months: string[]
  /** Months newest first, then programme order, then region code. */
  listsSorted: PublicList[]
  noticesSorted: PublicNotice[]
  policiesSorted: PublicPolicy[]
}

let cached: { snapshot: Snapshot; catalog: Catalog } | undefined

export function catalog(): Catalog {
  const snapshot = loadSnapshot()
  if (cached?.snapshot === snapshot) return cached.catalog
  const programmes = new Map(snapshot.programmes.map((p) => [p.code, p]))
  const programmeOrder = new Map(snapshot.programmes.map((p, i) => [p.code, i]))
  const regions = new Map(snapshot.regions.map((r) => [r.code, r]))
  const lists = new Map(snapshot.lists.map((l) => [l.id, l]))
  const notices = new Map(snapshot.notices.map((n) => [n.id, n]))
  const policies = new Map(snapshot.policies.map((p) => [p.id, p]))
  const villagesByTownship = new Map<string, PublicRegion[]>()
  for (const r of snapshot.regions) {
    if (r.level !== 'village' || !r.parentCode) continue
    const xs = villagesByTownship.get(r.parentCode) ?? []
    xs.push(r)
    villagesByTownship.set(r.parentCode, xs)
  }
  const interpretationsByPolicy = new Map<string, PublicInterpretation[]>()
  for (const i of [...snapshot.interpretations].sort((a, b) => b.publishedOn.localeCompare(a.publishedOn))) {
    const xs = interpretationsByPolicy.get(i.policy.id) ?? []
    xs.push(i)
    interpretationsByPolicy.set(i.policy.id, xs)
  }
  const townshipOf = (code: string): PublicRegion | null => {
    let r = regions.get(code)
    while (r && r.level === 'village' && r.parentCode) r = regions.get(r.parentCode)
    return r && r.level === 'township' ? r : null
  }
  const regionName = (code: string) => regions.get(code)?.name ?? code
  const months = [...new Set(snapshot.lists.map((l) => l.month))].sort().reverse()
  const statusOrder = { 公示中: 0, 未开始: 1, 已结束: 2 } as const
  const catalog: Catalog = {
    snapshot,
    programme: (code) => programmes.get(code),
    programmeName: (code) => programmes.get(code)?.shortName ?? code,
    region: (code) => regions.get(code),
    regionName,
    regionFullName: (code) => {
      const r = regions.get(code)
      if (!r) return code
      if (r.level !== 'village') return r.name
      const t = townshipOf(code)
      return t ? `${t.name}${r.name}` : r.name
    },
    townshipOf,
    townships: snapshot.regions.filter((r) => r.level === 'township'),
    noticeTownships: (n) => {
      const out = new Set<string>()
      for (const code of [n.regionCode, ...n.entries.map((e) => e.villageCode)]) {
        const t = townshipOf(code)
        if (t) out.add(t.code)
      }
      return out
    },
    villagesOf: (code) => villagesByTownship.get(code) ?? [],
    noticeConcerns: (n, code) => {
      const r = regions.get(code)
      if (!r) return false
      if (r.level === 'village') return n.regionCode === code || n.entries.some((e) => e.villageCode === code)
      if (r.level === 'township') return catalog.noticeTownships(n).has(code)
      return true
    },
    latestListsFor: (code) => {
      const r = regions.get(code)
      const seen = new Set<string>()
      const out: PublicList[] = []
      for (const l of catalog.listsSorted) {
        const covers = r?.level === 'village' ? l.byVillage.some((v) => v.villageCode === code) : l.regionCode === code
        const key = `${l.programmeCode}|${l.kind}`
        if (!covers || seen.has(key)) continue
        seen.add(key)
        out.push(l)
      }
      return out
    },
    interpretationsOf: (id) => (interpretationsByPolicy.get(id) ?? []),
    list: (id) => lists.get(id),
    notice: (id) => notices.get(id),
    policy: (id) => policies.get(id),
    latestMonth: months[0] ?? null,
    months,
    listsSorted: [...snapshot.lists].sort(
      (a, b) =>
        b.month.localeCompare(a.month) ||
        (programmeOrder.get(a.programmeCode) ?? 99) - (programmeOrder.get(b.programmeCode) ?? 99) ||
        a.regionCode.localeCompare(b.regionCode) ||
        a.kind.localeCompare(b.kind),
    ),
    noticesSorted: [...snapshot.notices].sort(
      (a, b) => statusOrder[a.status] - statusOrder[b.status] || b.postedOn.localeCompare(a.postedOn) || a.id.localeCompare(b.id),
    ),
    policiesSorted: [...snapshot.policies].sort((a, b) => b.publishedOn.localeCompare(a.publishedOn) || a.title.localeCompare(b.title)),
  }
  cached = { snapshot, catalog }
  return catalog
}

/** One-off help (临时救助, unit 元/户·次) is shown as 救助金额, not as a monthly amount. Programmes are data. */
export function isOneOff(c: Catalog, programmeCode: string): boolean {
  return /次/.test(c.programme(programmeCode)?.unit ?? '')
}

/** Pagefind filter values for a page about one programme, region and month. */
export function searchFilters(c: Catalog, f: { programmeCodes?: string[]; regionCode?: string; month?: string }) {
  const out: Record<string, string[]> = {}
  if (f.programmeCodes?.length) out.programme = f.programmeCodes.map(c.programmeName)
  if (f.regionCode) {
    const t = c.townshipOf(f.regionCode)
    out.region = [t ? t.name : c.regionName(f.regionCode)]
  }
  if (f.month) out.month = [formatMonth(f.month)]
  return out
}
