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
