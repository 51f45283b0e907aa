import { describe, expect, it } from 'vitest'
import { diffLists, type ListLine } from '../../cms/domain/listChanges'

const line = (key: string, householdSize: number, amount: number): ListLine => ({ key, householdSize, amount })

describe('diffLists (动态管理)', () => {
  const cases: { name: string; prev: ListLine[]; curr: ListLine[]; expect: ReturnType<typeof diffLists> }[] = [
    {
      name: 'identical lists change nothing',
      prev: [line('a', 2, 600), line('b', 1, 300)],
      curr: [line('a', 2, 600), line('b', 1, 300)],
      expect: { added: { households: 0, persons: 0 }, stopped: { households: 0, persons: 0 }, increased: { households: 0, persons: 0 }, decreased: { households: 0, persons: 0 }, amountDelta: 0 },
    },
    {
      name: 'new, stopped, raised and lowered households',
      prev: [line('a', 2, 600), line('b', 1, 300), line('c', 3, 450), line('d', 4, 800)],
      curr: [line('a', 2, 650), line('c', 3, 400), line('d', 4, 800), line('e', 5, 1000)],
      expect: { added: { households: 1, persons: 5 }, stopped: { households: 1, persons: 1 }, increased: { households: 1, persons: 2 }, decreased: { households: 1, persons: 3 }, amountDelta: 700 },
    },
    {
      name: 'first month: everyone is new',
      prev: [],
      curr: [line('a', 2, 600), line('b', 1, 300)],
      expect: { added: { households: 2, persons: 3 }, stopped: { households: 0, persons: 0 }, increased: { households: 0, persons: 0 }, decreased: { households: 0, persons: 0 }, amountDelta: 900 },
    },
    {
      name: 'amounts compared to the cent (0.1 + 0.2 is not a raise)',
      prev: [line('a', 1, 0.3)],
      curr: [line('a', 1, 0.1 + 0.2)],
      expect: { added: { households: 0, persons: 0 }, stopped: { households: 0, persons: 0 }, increased: { households: 0, persons: 0 }, decreased: { households: 0, persons: 0 }, amountDelta: 0 },
    },
    {
      name: 'a household size change alone is not an amount change; persons counted at current size',
      prev: [line('a', 2, 600)],
      curr: [line('a', 3, 900)],
      expect: { added: { households: 0, persons: 0 }, stopped: { households: 0, persons: 0 }, increased: { households: 1, persons: 3 }, decreased: { households: 0, persons: 0 }, amountDelta: 300 },
    },
  ]
  for (const c of cases) it(c.name, () => expect(diffLists(c.prev, c.curr)).toEqual(c.expect))

  // How fast is measured by `npm run bench -- diff100k` (figures belong in benchmarks, not in timed
  // tests); here the county-size lists only have to come out right.
  it('diffs two 100,000-household lists', () => {
    const prev = Array.from({ length: 100_000 }, (_, i) => line(`k${i}`, 1 + (i % 4), 300 + (i % 7)))
    const curr = prev.slice(2000).map((l, i) => (i % 50 === 0 ? { ...l, amount: l.amount + 10 } : l))
    const d = diffLists(prev, curr)
    expect(d.stopped.households).toBe(2000)
    expect(d.increased.households).toBe(1960)
    expect(d.added.households).toBe(0)
  })
})
