// 公示 as the public reads it (domain.md §3–§4): masked names, household size, amount, a public
// category, the village; never ID numbers. The fields copied here are the allow-list of a notice.
import { publicCategory, withdrawalNote } from '../../domain/disclosure'
import { maskNamesInList } from '../../domain/masking'
import { daysLeft, publicityStatus } from '../../domain/publicity'
import type { Notice } from '../../payload-types'
import type { PublicNotice } from '../../../site/lib/snapshotSchema'
import { changeNotesOf, dayOf, textOrNull, type FieldLabels, type ProjectionContext } from './context'

export type NoticeDoc = Pick<
  Notice,
  'id' | 'title' | 'programme' | 'kind' | 'stage' | 'stageLabel' | 'stageIndex' | 'stageCount' | 'region' | 'postedOn' | 'endsOn' | 'endsOnProvisional' | 'periodRule' | 'entries' | 'objectionContact' | 'boardPostedAt' | 'changeNotes' | 'withdrawnAt' | 'withdrawReason'
>

export const NOTICE_LABELS: FieldLabels<PublicNotice> = {
  id: '编号',
  title: '标题',
  programmeCode: '救助类别',
  kind: '公示类型',
  stage: '公示阶段',
  regionCode: '公示地区',
  postedOn: '张贴（发布）日期',
  endsOn: '公示截止日期',
  endsOnProvisional: '截止日期暂定',
  status: '状态',
  daysLeft: '剩余天数',
  periodRule: '公示期计算规则',
  entries: '公示对象',
  totals: '合计',
  objectionContact: '异议受理方式',
  previousNoticeId: '上一阶段公示',
  nextNoticeId: '下一阶段公示',
  postedOnBoardAt: '张贴时间',
  changeNotes: '公开的修改说明',
}

export type NoticeLinks = { previousNoticeId: string | null; nextNoticeId: string | null }

/** Null when the notice lacks what a public notice needs (dates, a public programme and region). */
export function publicNotice(doc: NoticeDoc, ctx: ProjectionContext, links: NoticeLinks = { previousNoticeId: null, nextNoticeId: null }): PublicNotice | null {
  const programme = ctx.programme(doc.programme)
  const regionCode = ctx.regionCode(doc.region)
  const postedOn = dayOf(doc.postedOn)
  const endsOn = dayOf(doc.endsOn)
  if (!programme || !regionCode || !postedOn || !endsOn) return null
  const entries = doc.entries ?? []
  const masked = maskNamesInList(entries.map((e) => e.headName))
  const status = publicityStatus({ postedOn, endsOn }, ctx.asOf) as PublicNotice['status']
  return {
    id: String(doc.id),
    title: doc.title,
    programmeCode: programme.code,
    kind: doc.kind,
    stage: { key: doc.stage, label: doc.stageLabel ?? doc.stage, index: Math.max(0, (doc.stageIndex ?? 1) - 1), of: doc.stageCount ?? 1 },
    regionCode,
    postedOn,
    endsOn,
    // 暂定: counted on a provisional calendar year (domain.md §7); recomputed when the year is entered.
    endsOnProvisional: Boolean(doc.endsOnProvisional),
    status,
    daysLeft: status === '公示中' ? daysLeft(endsOn, ctx.asOf) : null,
    periodRule: doc.periodRule ?? '',
    entries: entries.map((e, i) => ({
      no: i + 1,
      name: masked[i],
      householdSize: e.householdSize,
      amount: e.amount ?? null,
      category: publicCategory(e.category, programme),
      villageCode: ctx.regionCode(e.village) ?? regionCode,
    })),
    // The totals a resident reads are the sums of the entries listed.
    totals: { households: entries.length, persons: entries.reduce((n, e) => n + e.householdSize, 0) },
    objectionContact: doc.objectionContact,
    previousNoticeId: links.previousNoticeId,
    nextNoticeId: links.nextNoticeId,
    postedOnBoardAt: doc.boardPostedAt ?? null,
    changeNotes: changeNotesOf(doc.changeNotes),
  }
}

/** The short public note a withdrawn notice leaves. */
export const noticeWithdrawal = (doc: Pick<NoticeDoc, 'title' | 'withdrawReason'>, withdrawnOn: string) => withdrawalNote('notice' as const, doc.title, withdrawnOn, doc.withdrawReason)

/** Raw values the CMS holds for a notice: the PII gates refuse any output containing one. */
export const noticeRawValues = (doc: Pick<NoticeDoc, 'entries'>): string[] =>
  (doc.entries ?? []).flatMap((e) => [e.headName, e.idNumber ?? '']).filter((v) => v && Array.from(v).length >= 2)

/** Everything a notice can publish as text, for the save-time check: the notice and its withdrawal note. */
export function noticePublishedText(doc: NoticeDoc, ctx: ProjectionContext) {
  // Before its end day is computed, a draft is projected as if it ended the day it is posted.
  const notice = publicNotice({ ...doc, endsOn: doc.endsOn ?? doc.postedOn }, ctx)
  return notice ? { ...notice, withdrawReason: textOrNull(doc.withdrawReason) } : { title: doc.title, objectionContact: doc.objectionContact, withdrawReason: textOrNull(doc.withdrawReason) }
}
export const NOTICE_TEXT_LABELS = { ...NOTICE_LABELS, withdrawReason: '撤回原因（公开）' } as const
