// 救助对象名单 / 资金发放名单 as the public reads it (domain.md §4): per household the masked
// name, persons, amount, public category and village; every total is the sum of the rows
// published, village figures below the small-count threshold are not shown on their own.
import { figuresOf, publicCategory, villageFigures, withdrawalNote } from '../../domain/disclosure'
import { maskNamesInList } from '../../domain/masking'
import type { RecipientList } from '../../payload-types'
import type { ListRowsFile, PublicList } from '../../../site/lib/snapshotSchema'
import { dayOf, textOrNull, type FieldLabels, type ProjectionContext } from './context'

export type ListDoc = Pick<RecipientList, 'id' | 'title' | 'kind' | 'programme' | 'region' | 'month' | 'publishedAt' | 'updatedAt' | 'changes' | 'withdrawnAt' | 'withdrawReason' | 'importStatus'>
/** A stored row as the projection reads it: the raw name is masked here, the ID number never read. */
export type ListRow = { headName: string; householdSize: number; amount: number; category?: string | null; villageId: string }

export const LIST_LABELS: FieldLabels<PublicList> = {
  id: '编号',
  kind: '类型',
  programmeCode: '救助类别',
  regionCode: '地区',
  month: '月份',
  publishedOn: '公布日期',
  updatedOn: '信息更新日期',
  totals: '合计',
  byVillage: '按村汇总',
  changes: '与上月相比的变化',
  rowsFile: '明细文件',
}

type StoredChanges = { previousMonth: string; added: never; stopped: never; increased: never; decreased: never; amountDelta?: unknown }

export function publicList(doc: ListDoc, rows: readonly ListRow[], ctx: ProjectionContext): { list: PublicList; rowsFile: ListRowsFile } | null {
  const programme = ctx.programme(doc.programme)
  const regionCode = ctx.regionCode(doc.region)
  const publishedOn = dayOf(doc.publishedAt ?? doc.updatedAt)
  if (!programme || !regionCode || !publishedOn) return null
  const id = String(doc.id)
  const masked = maskNamesInList(rows.map((r) => r.headName))
  const shown = rows.map((r, i) => ({
    name: masked[i],
    householdSize: r.householdSize,
    amount: r.amount,
    category: publicCategory(r.category, programme),
    villageCode: ctx.regionCode(r.villageId) ?? regionCode,
  }))
  const changes = doc.changes as StoredChanges | null | undefined
  return {
    list: {
      id,
      kind: doc.kind,
      programmeCode: programme.code,
      regionCode,
      month: doc.month,
      publishedOn,
      updatedOn: [publishedOn, dayOf(doc.updatedAt)].filter((d): d is string => Boolean(d)).sort().pop()!,
      totals: figuresOf(shown),
      byVillage: villageFigures(shown, ctx.rules.smallCountThreshold).byVillage,
      changes: changes
        ? { previousMonth: changes.previousMonth, added: changes.added, stopped: changes.stopped, increased: changes.increased, decreased: changes.decreased, amountDelta: Number(changes.amountDelta ?? 0) }
        : null,
      rowsFile: `lists/${id}.json`,
    },
    rowsFile: { listId: id, rows: shown.map((r) => [r.name, r.householdSize, r.amount, r.category, r.villageCode]) },
  }
}

/** The short public note a withdrawn list leaves: its title and the reason, nothing from its rows. */
export const listWithdrawal = (doc: Pick<ListDoc, 'title' | 'withdrawReason'>, withdrawnOn: string) => withdrawalNote('list' as const, doc.title, withdrawnOn, doc.withdrawReason)

/** What a list publishes as text besides its rows (checked at import and by the release gates). */
export const listPublishedText = (doc: Pick<ListDoc, 'title' | 'withdrawReason'>) => ({ title: doc.title, withdrawReason: textOrNull(doc.withdrawReason) })
export const LIST_TEXT_LABELS = { title: '标题（撤回说明中公开）', withdrawReason: '撤回原因（公开）' } as const
