import { idCheckDigit } from '../../cms/domain/idNumber'
import { findPii, KnownValueIndex } from '../../cms/domain/pii'

/**
 * The lookup of raw values before issue 19, kept here only to measure against: one list per
 * two-character prefix, tried value by value. Every ID number of a county shares its first digits
 * with the village codes in every page's links, so each link compared against every ID held.
 */
class PrefixListIndex {
  private readonly byPrefix = new Map<string, string[]>()
  constructor(values: string[]) {
    for (const v of new Set(values)) {
      const list = this.byPrefix.get(v.slice(0, 2))
      if (list) list.push(v)
      else this.byPrefix.set(v.slice(0, 2), [v])
    }
    for (const list of this.byPrefix.values()) list.sort((a, b) => b.length - a.length)
  }
  find(norm: string) {
    const out: Array<{ index: number; value: string }> = []
    for (let i = 0; i + 1 < norm.length; i++) {
      const list = this.byPrefix.get(norm.slice(i, i + 2))
      if (!list) continue
      for (const v of list) if (norm.startsWith(v, i)) {
        out.push({ index: i, value: v })
        break
      }
    }
    return out
  }
}

function countyIds(n: number): string[] {
  const out: string[] = []
  for (let i = 0; i < n; i++) {
    const first17 = `130102${1950 + (i % 60)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`
    out.push(first17 + idCheckDigit(first17))
  }
  return out
}

/** A village page's worth of links and figures: village codes share the ID numbers' prefix. */
function pageText(links: number): string {
  let s = ''
  for (let i = 0; i < links; i++) s += `<li><a href="/villages/130102${String(100 + (i % 200)).padStart(3, '0')}001/">第${i}村</a> 2026-01 张* 3人 1,234.00元</li>`
  return s
}

const time = (fn: () => void) => {
  const t = performance.now()
  fn()
  return Math.round(performance.now() - t)
}

/**
 * The release gate's known-value scan of county pages against the ID numbers held, at county size
 * (10,000) and after the import benchmarks (220,000 more): the old prefix lists grow with the
 * values held, the per-length sets do not (issue 19's 33-minute release).
 */
export async function benchGateKnownValues(sizes = [10_000, 230_000], pages = 200, linksPerPage = 60) {
  const text = pageText(linksPerPage)
  const results: Record<string, { values: number; prefixListsMs: number; perLengthSetsMs: number; ratio: number }> = {}
  for (const n of sizes) {
    const values = countyIds(n)
    const before = new PrefixListIndex(values)
    const after = new KnownValueIndex(values)
    const prefixListsMs = time(() => { for (let p = 0; p < pages; p++) before.find(text) })
    const perLengthSetsMs = time(() => { for (let p = 0; p < pages; p++) after.find(text) })
    results[String(n)] = { values: n, prefixListsMs, perLengthSetsMs, ratio: Number((prefixListsMs / Math.max(1, perLengthSetsMs)).toFixed(1)) }
  }
  // The whole detector (patterns + known values) on the same pages with the largest set, for scale.
  const big = new KnownValueIndex(countyIds(sizes.at(-1)!))
  const detectorMs = time(() => { for (let p = 0; p < pages; p++) findPii(text, { knownValues: big }) })
  return {
    name: `known-value scan of ${pages} county pages (${linksPerPage} village links each) against the ID numbers held`,
    results,
    wholeDetectorMsAtLargest: detectorMs,
    note: 'prefixListsMs grows with the number of values held (every ID shares the links’ prefix); perLengthSetsMs stays flat',
  }
}
