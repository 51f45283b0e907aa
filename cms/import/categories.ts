// Which 类别/档次 values a programme accepts. Programmes are data, so the accepted values are
// derived from data: the programme's own names, the tiers of its standards, the usual 分类施保
// labels (一类/二类, A档 …) and the 供养 forms. Programmes whose cases are published after the
// fact (临时救助) accept any short text: the export publishes only its coarse category.
import { coarseReason } from '../domain/masking'
import { toHalfWidth } from '../domain/normalise'

export type ProgrammeLike = { name: string; shortName: string; publicityRequired?: boolean | null }

export type CategoryRule = {
  freeText: boolean
  accepted: Set<string>
  check: (value: string) => boolean
  /** The accepted values for messages. */
  examples: string[]
  /** What the public site shows for the value. */
  publicValue: (value: string) => string
}

const COMMON = ['集中供养', '分散供养', '全自理', '半护理', '全护理', '基本生活']
const GRADE = /^(?:[一二三四五六七八九十]|[A-F]|[1-9])(?:类|档|级)(?:对象|户)?$/i

const norm = (s: string) => toHalfWidth(s).replace(/[\s\u00a0]+/g, '')

export function categoryRule(programme: ProgrammeLike, tiers: string[]): CategoryRule {
  const freeText = programme.publicityRequired === false
  const accepted = new Set([programme.name, programme.shortName, ...tiers.filter(Boolean), ...COMMON].map(norm))
  const examples = [...new Set([programme.shortName, ...tiers.filter(Boolean), '一类', '二类', 'A档', '集中供养', '分散供养'])]
  return {
    freeText,
    accepted,
    examples,
    check: (value) => {
      if (freeText) return true
      const v = norm(value)
      if (accepted.has(v) || GRADE.test(v)) return true
      // "城市低保一类", "农村低保A档": a programme name or tier followed by a grade.
      for (const a of accepted) if (v.startsWith(a) && GRADE.test(v.slice(a.length))) return true
      return false
    },
    publicValue: (value) => (freeText ? coarseReason(value) : value),
  }
}
