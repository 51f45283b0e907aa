// 互动交流 figures: counts per month and category, nothing else; and the categories as the forms
// offer them. The complaints themselves never reach the public site.
import { dayOf, idOf, textOrNull, type FieldLabels } from './context'
import type { ComplaintCategory } from '../../payload-types'
import type { ComplaintStat, PublicComplaintCategory } from '../../../site/lib/snapshotSchema'
import { monthOf } from '../../domain/dates'

/** Only these fields of a complaint are ever read for the statistics (the export selects them). */
export type ComplaintDates = { category?: unknown; receivedAt?: string | null; answeredAt?: string | null; resolveDue?: string | null }
export const COMPLAINT_STAT_FIELDS = { category: true, receivedAt: true, answeredAt: true, resolveDue: true } as const

export function complaintStatistics(complaints: Iterable<ComplaintDates>, categories: Iterable<{ id: string | number; label: string }>, asOf: string): ComplaintStat[] {
  const label = new Map([...categories].map((c) => [String(c.id), c.label]))
  const stats = new Map<string, ComplaintStat>()
  for (const c of complaints) {
    const received = dayOf(c.receivedAt)
    if (!received || received > asOf) continue
    const category = label.get(idOf(c.category) ?? '') ?? '其他'
    const month = monthOf(received)
    const key = `${month}|${category}`
    const s = stats.get(key) ?? { month, category, received: 0, answered: 0, answeredOnTime: 0 }
    s.received++
    const answered = dayOf(c.answeredAt)
    if (answered && answered <= asOf) {
      s.answered++
      const due = dayOf(c.resolveDue)
      if (!due || answered <= due) s.answeredOnTime++
    }
    stats.set(key, s)
  }
  return [...stats.values()].sort((a, b) => a.month.localeCompare(b.month) || a.category.localeCompare(b.category))
}

export type ComplaintCategoryDoc = Pick<ComplaintCategory, 'code' | 'label' | 'kind' | 'description' | 'acknowledgeDays' | 'acknowledgeUnit' | 'resolveDays' | 'resolveUnit'>

export const COMPLAINT_CATEGORY_LABELS: FieldLabels<PublicComplaintCategory> = {
  code: '代码',
  label: '名称',
  kind: '入口',
  description: '公开说明',
  acknowledgeLimit: '告知是否受理的期限',
  resolveLimit: '办结期限',
}

const limit = (n: number, unit: string) => (unit === 'working' ? `${n}个工作日` : `${n}日`)

export function publicComplaintCategory(c: ComplaintCategoryDoc): PublicComplaintCategory {
  return {
    code: c.code,
    label: c.label,
    kind: c.kind,
    description: textOrNull(c.description),
    acknowledgeLimit: limit(c.acknowledgeDays, c.acknowledgeUnit),
    resolveLimit: limit(c.resolveDays, c.resolveUnit),
  }
}
