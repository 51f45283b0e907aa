// Precision / recall / F2 of the PII detector on the synthetic corpus. F2 weighs recall twice as
// much as precision: a leaked ID number costs far more than an editor rewording a false alarm.
import { describe, expect, it } from 'vitest'
import { findPii, type PiiFinding, type PiiKind } from '../../cms/domain/pii'
import { CORPUS_TODAY, negatives, positives, type PiiSample } from './pii-corpus'

const KINDS: PiiKind[] = ['idNumber', 'idNumber15', 'mobile', 'landline', 'bankCard', 'email', 'address', 'knownValue']

type Tally = { tp: number; fp: number; fn: number }

function evaluate(samples: PiiSample[]) {
  const tally = new Map<PiiKind, Tally>(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }]))
  const errors: string[] = []
  for (const s of samples) {
    const findings = findPii(s.text, { knownValues: s.knownValues, today: CORPUS_TODAY })
    const used = new Set<PiiFinding>()
    for (const e of s.expected) {
      const at = s.text.indexOf(e.value)
      if (at < 0) throw new Error(`corpus error in "${s.note}": expected value not in text`)
      const hit = findings.find((f) => !used.has(f) && f.kind === e.kind && f.index < at + e.value.length && at < f.index + f.length)
      if (hit) {
        used.add(hit)
        tally.get(e.kind)!.tp++
        if (hit.index !== at || hit.length !== e.value.length) {
          // Span differences are tolerated (e.g. a road name's leading characters) but recorded.
          errors.push(`span  ${s.note}: expected [${at},${at + e.value.length}) got [${hit.index},${hit.index + hit.length})`)
        }
      } else {
        tally.get(e.kind)!.fn++
        errors.push(`MISS  ${s.note}: ${e.kind}`)
      }
    }
    for (const f of findings) {
      if (used.has(f)) continue
      tally.get(f.kind)!.fp++
      errors.push(`FALSE ${s.note}: ${f.kind} ${f.hint}`)
    }
  }
  return { tally, errors }
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b)
function scores(t: Tally) {
  const precision = ratio(t.tp, t.tp + t.fp)
  const recall = ratio(t.tp, t.tp + t.fn)
  const f2 = precision + recall === 0 ? 0 : (5 * precision * recall) / (4 * precision + recall)
  return { precision, recall, f2 }
}

describe('PII detector on the synthetic corpus', () => {
  const { tally, errors } = evaluate([...positives, ...negatives])
  const total: Tally = { tp: 0, fp: 0, fn: 0 }
  const table: Record<string, { tp: number; fp: number; fn: number; precision: string; recall: string; f2: string }> = {}
  for (const k of KINDS) {
    const t = tally.get(k)!
    total.tp += t.tp
    total.fp += t.fp
    total.fn += t.fn
    const s = scores(t)
    table[k] = { ...t, precision: s.precision.toFixed(3), recall: s.recall.toFixed(3), f2: s.f2.toFixed(3) }
  }
  const overall = scores(total)
  table.overall = {
    ...total,
    precision: overall.precision.toFixed(3),
    recall: overall.recall.toFixed(3),
    f2: overall.f2.toFixed(3),
  }

  it('corpus is big enough', () => {
    expect(positives.reduce((n, s) => n + s.expected.length, 0)).toBeGreaterThanOrEqual(60)
    expect(negatives.length).toBeGreaterThanOrEqual(60)
    for (const k of KINDS) expect(positives.some((s) => s.expected.some((e) => e.kind === k))).toBe(true)
  })

  it('prints precision, recall and F2 per kind', () => {
    console.log(`PII detector evaluation (${positives.length} positive samples, ${negatives.length} negative samples)`)
    console.table(table)
    console.log(JSON.stringify({ pii_eval: table.overall }))
    if (errors.length) console.log(errors.join('\n'))
  })

  it('finds every positive (recall = 1)', () => {
    expect(errors.filter((e) => e.startsWith('MISS'))).toEqual([])
    expect(overall.recall).toBe(1)
  })

  it('raises few false alarms (precision ≥ 0.95)', () => {
    expect(overall.precision).toBeGreaterThanOrEqual(0.95)
  })

  it('hints never contain the raw value', () => {
    for (const s of positives) {
      for (const f of findPii(s.text, { knownValues: s.knownValues, today: CORPUS_TODAY })) {
        const raw = s.text.slice(f.index, f.index + f.length)
        const digits = raw.replace(/\D/g, '')
        if (digits.length >= 7) expect(f.hint.replace(/\D/g, '')).not.toContain(digits)
        if (f.kind === 'knownValue' || f.kind === 'email') expect(f.hint).not.toBe(raw)
      }
    }
  })
})
