// The amount ceiling a row is checked against: the programme's standard(s) in force in the month,
// for the list's region or the nearest region above it that has one. Per-person standards scale with
// the household size (元/人·年 counts as one twelfth per month); per-household ones do not.
// Tiers in force at the same time (特困: 基本生活 + 照料护理) add up — the ceiling is what the
// best-placed household could be paid; a standard that changed within the month counts at its higher value.

export type StandardLike = {
  tier?: string | null
  amount: number
  unit: string
  effectiveFrom: string
  effectiveTo?: string | null
  /** Depth of the standard's region in the tree (county 0, township 1, village 2). */
  regionDepth: number
}

export type AmountCap = {
  perPerson: number
  perHousehold: number
  /** "每人每月 300 元" — for messages. */
  description: string
}

const UNIT_TEXT: Record<string, { per: 'person' | 'household'; label: string; divide: number }> = {
  '元/人·月': { per: 'person', label: '每人每月', divide: 1 },
  '元/人·年': { per: 'person', label: '每人每月（年标准÷12）', divide: 12 },
  '元/户·月': { per: 'household', label: '每户每月', divide: 1 },
  '元/人·次': { per: 'person', label: '每人每次', divide: 1 },
  '元/户·次': { per: 'household', label: '每户每次', divide: 1 },
}

const round2 = (n: number) => Math.round(n * 100) / 100

export function amountCap(standards: StandardLike[], month: string): AmountCap | null {
  const first = `${month}-01`
  const last = `${month}-31`
  const inForce = standards.filter((s) => s.effectiveFrom.slice(0, 10) <= last && (!s.effectiveTo || s.effectiveTo.slice(0, 10) >= first) && UNIT_TEXT[s.unit])
  if (!inForce.length) return null
  const depth = Math.max(...inForce.map((s) => s.regionDepth))
  const nearest = inForce.filter((s) => s.regionDepth === depth)
  const byTier = new Map<string, StandardLike>()
  for (const s of nearest) {
    const key = `${s.tier ?? ''}|${UNIT_TEXT[s.unit].per}`
    const prev = byTier.get(key)
    if (!prev || s.amount / UNIT_TEXT[s.unit].divide > prev.amount / UNIT_TEXT[prev.unit].divide) byTier.set(key, s)
  }
  let perPerson = 0
  let perHousehold = 0
  const parts: string[] = []
  for (const s of byTier.values()) {
    const u = UNIT_TEXT[s.unit]
    const v = round2(s.amount / u.divide)
    if (u.per === 'person') perPerson += v
    else perHousehold += v
    parts.push(`${u.label} ${v} 元${s.tier ? `（${s.tier}）` : ''}`)
  }
  return { perPerson: round2(perPerson), perHousehold: round2(perHousehold), description: parts.join(' ＋ ') }
}

/** The largest amount allowed for a household of `size` persons, in cents. */
export function capCents(cap: AmountCap, size: number): number {
  return Math.round((cap.perPerson * size + cap.perHousehold) * 100)
}
