// Matching the 村（社区） written in a file to the villages of the list's region: by region code, by
// exact name, with the township written in front ("城关街道滨河社区"), or without the 村/社区/居委会
// suffix when that is unambiguous.
import leven from 'leven'
import { toHalfWidth } from '../domain/normalise'

export type VillageRef = { id: string; code: string; name: string; townshipName?: string; townshipCode?: string }

export type VillageMatch =
  | { ok: true; village: VillageRef }
  | { ok: false; reason: 'notFound' | 'ambiguous'; candidates: VillageRef[]; suggestion?: VillageRef }

const SUFFIX = /(村民委员会|居民委员会|村委会|居委会|社区居委会|村|社区|居)$/

const clean = (s: string) => toHalfWidth(s).replace(/[\s\u00a0]+/g, '').replace(/[()（）]/g, '')
const stem = (s: string) => {
  const t = clean(s).replace(SUFFIX, '')
  return t.length >= 1 ? t : clean(s)
}

export class VillageMatcher {
  private readonly byCode = new Map<string, VillageRef>()
  private readonly byName = new Map<string, VillageRef[]>()
  private readonly byStem = new Map<string, VillageRef[]>()
  private readonly cache = new Map<string, VillageMatch>()

  constructor(readonly villages: VillageRef[]) {
    for (const v of villages) {
      this.byCode.set(v.code, v)
      push(this.byName, clean(v.name), v)
      push(this.byStem, stem(v.name), v)
    }
  }

  match(raw: string, township?: string): VillageMatch {
    const key = `${raw}\u0000${township ?? ''}`
    let hit = this.cache.get(key)
    if (!hit) {
      hit = this.lookup(raw, township)
      if (this.cache.size < 50_000) this.cache.set(key, hit)
    }
    return hit
  }

  private lookup(raw: string, township?: string): VillageMatch {
    const text = clean(raw)
    if (/^\d{6,12}$/.test(text)) {
      const v = this.byCode.get(text)
      return v ? { ok: true, village: v } : { ok: false, reason: 'notFound', candidates: [] }
    }
    const narrow = (list: VillageRef[] | undefined): VillageMatch | null => {
      if (!list?.length) return null
      let l = list
      const t = township ? clean(township) : ''
      if (l.length > 1 && t) l = l.filter((v) => v.townshipName && (clean(v.townshipName) === t || stem(v.townshipName) === stem(t) || v.townshipCode === t))
      if (l.length === 1) return { ok: true, village: l[0] }
      if (l.length > 1) return { ok: false, reason: 'ambiguous', candidates: l }
      return null
    }
    const exact = narrow(this.byName.get(text))
    if (exact) return exact
    // "城关街道滨河社区": a township name (or its stem) in front of the village name.
    for (const v of this.villages) {
      if (!v.townshipName) continue
      const tn = clean(v.townshipName)
      for (const prefix of [tn, stem(v.townshipName)]) {
        if (prefix && text.startsWith(prefix) && text.length > prefix.length) {
          const rest = text.slice(prefix.length)
          if (rest === clean(v.name) || stem(rest) === stem(v.name)) return { ok: true, village: v }
        }
      }
    }
    const byStem = narrow(this.byStem.get(stem(text)))
    if (byStem) return byStem
    return { ok: false, reason: 'notFound', candidates: [], suggestion: this.suggest(text) }
  }

  /**
   * "幸富社区" → 幸福社区: the one village whose name, without its 村/社区 suffix, is within a small
   * edit distance of the text's (1 for names up to 3 characters, 2 beyond). Only ever a question in
   * the message, never a replacement; none when two villages are equally close.
   */
  suggest(raw: string): VillageRef | undefined {
    const s = stem(raw)
    if (!s || /\d/.test(s)) return undefined
    const allowed = [...s].length <= 3 ? 1 : 2
    let best: VillageRef | undefined
    let bestDistance = allowed + 1
    let tie = false
    for (const [st, refs] of this.byStem) {
      if (Math.abs(st.length - s.length) > allowed) continue
      const d = leven(s, st, { maxDistance: allowed + 1 })
      if (d === 0 || d > allowed) continue
      if (d < bestDistance) {
        bestDistance = d
        best = refs.length === 1 ? refs[0] : undefined
        tie = refs.length > 1
      } else if (d === bestDistance) tie = true
    }
    return tie ? undefined : best
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const l = m.get(k)
  if (l) l.push(v)
  else m.set(k, [v])
}
