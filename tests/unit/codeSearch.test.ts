import { describe, expect, it } from 'vitest'
import { normaliseCodeSearch } from '../../cms/complaints/codeSearch'

describe('normaliseCodeSearch', () => {
  const cases: { name: string; where: Record<string, unknown>; expect: Record<string, unknown> }[] = [
    { name: 'the code as printed', where: { trackingCode: { like: 'k7m2-q9xp-4rtb-z' } }, expect: { trackingCode: { like: 'K7M2Q9XP4RTBZ' } } },
    { name: 'inside the list search’s or/and', where: { and: [{ or: [{ trackingCode: { like: ' K7M2 Q9XP ' } }] }, { status: { equals: 'received' } }] }, expect: { and: [{ or: [{ trackingCode: { like: 'K7M2Q9XP' } }] }, { status: { equals: 'received' } }] } },
    { name: 'read-alike letters (O→0, I/L→1) and lists of codes', where: { trackingCode: { in: ['o1-il', 'AB'] } }, expect: { trackingCode: { in: ['0111', 'AB'] } } },
    { name: 'other fields are left as they are', where: { content: { like: 'a-b' } }, expect: { content: { like: 'a-b' } } },
  ]
  for (const c of cases) it(c.name, () => expect(normaliseCodeSearch(c.where as never)).toEqual(c.expect))
  it('does not change its input', () => {
    const w = { trackingCode: { like: 'a-b' } }
    normaliseCodeSearch(w)
    expect(w.trackingCode.like).toBe('a-b')
  })
})
