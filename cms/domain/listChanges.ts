/**
 * Month-over-month changes of a recipient list (动态管理): 新增 / 停保 / 调整 (增标, 减标).
 * Households are matched by a key (the keyed hash of the ID number), never by raw IDs.
 */
export type ListLine = { key: string; householdSize: number; amount: number }
export type ChangeCount = { households: number; persons: number }
export type ListChanges = {
  added: ChangeCount
  stopped: ChangeCount
  increased: ChangeCount
  decreased: ChangeCount
  /** Current total minus previous total, in yuan (to the cent). */
  amountDelta: number
}

const zero = (): ChangeCount => ({ households: 0, persons: 0 })

export function diffLists(previous: Iterable<ListLine>, current: Iterable<ListLine>): ListChanges {
  const before = new Map<string, ListLine>()
  let prevCents = 0
  for (const line of previous) {
    before.set(line.key, line)
    prevCents += Math.round(line.amount * 100)
  }
  const out: ListChanges = { added: zero(), stopped: zero(), increased: zero(), decreased: zero(), amountDelta: 0 }
  let currCents = 0
  const seen = new Set<string>()
  for (const line of current) {
    currCents += Math.round(line.amount * 100)
    seen.add(line.key)
    const old = before.get(line.key)
    if (!old) {
      out.added.households++
      out.added.persons += line.householdSize
    } else {
      const a = Math.round(line.amount * 100)
      const b = Math.round(old.amount * 100)
      if (a > b) {
        out.increased.households++
        out.increased.persons += line.householdSize
      } else if (a < b) {
        out.decreased.households++
        out.decreased.persons += line.householdSize
      }
    }
  }
  for (const [key, old] of before) {
    if (!seen.has(key)) {
      out.stopped.households++
      out.stopped.persons += old.householdSize
    }
  }
  out.amountDelta = (currCents - prevCents) / 100
  return out
}

// ---------------------------------------------------------------------------------------------
// Household-level changes: which households were 新增 / 停保 / 调整, for the reviewer to check.

/** One household of a list as staff may see it (raw name: this never goes to the public site). */
export type HouseholdLine = ListLine & { name: string; village: string }
export type HouseholdChangeKind = '新增' | '停保' | '调整'
export type HouseholdChange = {
  kind: HouseholdChangeKind
  name: string
  village: string
  before: { persons: number; amount: number } | null
  after: { persons: number; amount: number } | null
}

const KIND_ORDER: Record<HouseholdChangeKind, number> = { 停保: 0, 新增: 1, 调整: 2 }

/**
 * The households behind `diffLists`' counts: 新增 (not in the previous list), 停保 (no longer in
 * it), 调整 (amount or number of persons changed). Ordered 停保, 新增, 调整, then village and name,
 * so a reviewer reads the removals first. Counts agree with `diffLists` for 新增/停保; 调整 also
 * lists a change of persons at the same amount (diffLists counts amounts only).
 */
export function householdChanges(previous: Iterable<HouseholdLine>, current: Iterable<HouseholdLine>): HouseholdChange[] {
  const before = new Map<string, HouseholdLine>()
  for (const line of previous) before.set(line.key, line)
  const out: HouseholdChange[] = []
  const seen = new Set<string>()
  const side = (l: HouseholdLine) => ({ persons: l.householdSize, amount: Math.round(l.amount * 100) / 100 })
  for (const line of current) {
    seen.add(line.key)
    const old = before.get(line.key)
    if (!old) out.push({ kind: '新增', name: line.name, village: line.village, before: null, after: side(line) })
    else if (Math.round(old.amount * 100) !== Math.round(line.amount * 100) || old.householdSize !== line.householdSize) {
      out.push({ kind: '调整', name: line.name, village: line.village, before: side(old), after: side(line) })
    }
  }
  for (const [key, old] of before) if (!seen.has(key)) out.push({ kind: '停保', name: old.name, village: old.village, before: side(old), after: null })
  return out.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.village.localeCompare(b.village, 'zh') || a.name.localeCompare(b.name, 'zh'))
}

// ---------------------------------------------------------------------------------------------
// Plausibility: changes large enough that a person must confirm them, with a reason, before the
// list is stored. Thresholds are the defaults; a warning never blocks a correct list.

export const PLAUSIBILITY = { stoppedShare: 0.15, amountShare: 0.2 } as const

export type ListTotals = { households: number; amount: number; villages?: Iterable<string> }
export type PlausibilityWarning = { code: 'plausibility.stopped' | 'plausibility.amount' | 'plausibility.village'; message: string }

const pct = (x: number) => `${Math.round(x * 100)}%`
const YUAN = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
const yuan = (x: number) => YUAN.format(x)

/**
 * The warnings for a list replacing `previous` (its month named in the text). A month with no
 * previous list has nothing to compare with and gets none.
 */
export function plausibilityWarnings(previous: ListTotals & { month: string }, current: ListTotals, changes: Pick<ListChanges, 'stopped'>): PlausibilityWarning[] {
  const out: PlausibilityWarning[] = []
  if (previous.households > 0 && changes.stopped.households / previous.households > PLAUSIBILITY.stoppedShare) {
    out.push({
      code: 'plausibility.stopped',
      message: `与${previous.month}相比停保 ${changes.stopped.households} 户，占上月 ${previous.households} 户的 ${pct(changes.stopped.households / previous.households)}（超过 ${pct(PLAUSIBILITY.stoppedShare)}）。请核对文件是否完整（是否只导出了部分村或部分页）；确属停保的，请在确认导入时写明原因。`,
    })
  }
  if (previous.amount > 0) {
    const share = (current.amount - previous.amount) / previous.amount
    if (Math.abs(share) > PLAUSIBILITY.amountShare) {
      out.push({
        code: 'plausibility.amount',
        message: `总金额由 ${yuan(previous.amount)} 元变为 ${yuan(current.amount)} 元，${share < 0 ? '减少' : '增加'} ${pct(Math.abs(share))}（超过 ${pct(PLAUSIBILITY.amountShare)}）。请核对金额列和保障标准；确属调整的，请在确认导入时写明原因。`,
      })
    }
  }
  if (previous.villages && current.villages) {
    const now = new Set(current.villages)
    const gone = [...new Set(previous.villages)].filter((v) => !now.has(v)).sort((a, b) => a.localeCompare(b, 'zh'))
    if (gone.length) {
      out.push({
        code: 'plausibility.village',
        message: `${previous.month}名单中的 ${gone.join('、')} 在本次文件中没有任何一户。请确认是否漏导了这些村（社区）；确实全部停保的，请在确认导入时写明原因。`,
      })
    }
  }
  return out
}

/** A reason given to confirm plausibility warnings: at least 4 characters that are not spaces. */
export function isConfirmReason(reason: unknown): reason is string {
  return typeof reason === 'string' && reason.replace(/\s/g, '').length >= 4
}
