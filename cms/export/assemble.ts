// The snapshot as an assembly of the public projections (cms/export/public/*) under the disclosure
// rules (cms/domain/disclosure.ts). Pure apart from reading list rows through the given function:
// the export calls it with documents from the database, the test fixture with synthetic ones, so
// the site tests test the real mapping.
import {
  answersGone,
  disclosureRules,
  listVisibility,
  monthlyDisclosures,
  monthlyStatistics,
  noticeVisibility,
  officialContacts,
  type DisclosureRules,
} from '../domain/disclosure'
import {
  SNAPSHOT_SCHEMA_VERSION,
  listRowsFileSchema,
  snapshotSchema,
  type GonePage,
  type ListRowsFile,
  type PublicList,
  type PublicNotice,
  type Snapshot,
} from '../../site/lib/snapshotSchema'
import { complaintStatistics, publicComplaintCategory, type ComplaintCategoryDoc, type ComplaintDates } from './public/complaintStats'
import { dayOf, idOf, type ProjectionContext } from './public/context'
import { publicGuide, type GuideDoc } from './public/guide'
import { publicInterpretation, type InterpretationDoc } from './public/interpretation'
import { noticeRawValues, noticeWithdrawal, publicNotice, type NoticeDoc } from './public/notice'
import { publicPolicy, type PolicyDoc } from './public/policy'
import { listWithdrawal, publicList, type ListDoc, type ListRow } from './public/recipientList'
import { publicProgramme, publicRegion, publicSiteInfo, type ProgrammeDoc, type RegionDoc, type SiteSettingsDoc } from './public/reference'
import { publicStandard, type StandardDoc } from './public/standard'

type WithId = { id: string | number }

/** What the export reads: published documents only (drafts and versions never), raw entries and rows included so they can be masked. */
export type PublishedDocuments = {
  settings: SiteSettingsDoc & { smallCountThreshold?: number | null; noticeRetentionDays?: number | null; listRetentionMonths?: number | null }
  regions: Array<RegionDoc & WithId>
  programmes: Array<ProgrammeDoc & WithId>
  /** Newest first. */
  policies: PolicyDoc[]
  /** 政策解读, published only; newest first. */
  interpretations?: InterpretationDoc[]
  standards: StandardDoc[]
  guides: GuideDoc[]
  /** Newest posting first. */
  notices: Array<NoticeDoc & { previousNotice?: unknown }>
  /** Newest month first. */
  lists: ListDoc[]
  complaints: ComplaintDates[]
  complaintCategories: Array<ComplaintCategoryDoc & WithId>
}

/** A stored row as the export reads it; the ID number only to refuse any output containing it. */
export type RawListRow = ListRow & { idNumber?: string | null }

export type AssembleOptions = {
  asOf: string
  generatedAt: string
  /** Rows of the given lists, in published order (序号). */
  readRows: (listIds: string[]) => Promise<Map<string, RawListRow[]>>
  richTextHtml: (value: unknown) => string
}

export type ExportResult = {
  snapshot: Snapshot
  listFiles: ListRowsFile[]
  /** Raw names and ID numbers held for lists and notices: the PII gate refuses any output containing one. */
  knownRawValues: Set<string>
  /** Structured, validated bureau contacts (phones, office addresses) that may appear in the output. */
  officialContacts: string[]
}

export function projectionContext(docs: Pick<PublishedDocuments, 'regions' | 'programmes' | 'policies'>, asOf: string, rules: DisclosureRules, richTextHtml: (v: unknown) => string): ProjectionContext {
  const regionCode = new Map(docs.regions.map((r) => [String(r.id), r.code]))
  const programme = new Map(docs.programmes.map((p) => [String(p.id), { code: p.code, publicityRequired: p.publicityRequired ?? true }]))
  const policy = new Map(docs.policies.map((p) => [String(p.id), { id: String(p.id), title: p.title }]))
  return {
    asOf,
    rules,
    programme: (ref) => programme.get(idOf(ref) ?? '') ?? null,
    regionCode: (ref) => regionCode.get(idOf(ref) ?? '') ?? null,
    policy: (ref) => policy.get(idOf(ref) ?? '') ?? null,
    richTextHtml,
  }
}

export async function assembleSnapshot(docs: PublishedDocuments, opts: AssembleOptions): Promise<ExportResult> {
  const { asOf } = opts
  const rules = disclosureRules(docs.settings)
  const ctx = projectionContext(docs, asOf, rules, opts.richTextHtml)
  const knownRawValues = new Set<string>()
  const withdrawals: Snapshot['withdrawals'] = []
  const gone: GonePage[] = []

  // 公示: shown within their window; withdrawn and expired ones leave a note and a 410 page.
  const shownNotices: NoticeDoc[] = []
  const previousOf = new Map<string, string | null>()
  for (const doc of docs.notices) {
    for (const v of noticeRawValues(doc)) knownRawValues.add(v)
    const v = noticeVisibility({ postedOn: dayOf(doc.postedOn), endsOn: dayOf(doc.endsOn), withdrawnOn: dayOf(doc.withdrawnAt) }, asOf, rules)
    if (v.state === 'withdrawn' && v.noteListed) withdrawals.push(noticeWithdrawal(doc, v.on))
    if (answersGone(v, asOf)) gone.push({ kind: 'notice', id: String(doc.id), title: doc.title, state: v.state, on: v.on, reason: v.state === 'withdrawn' ? noticeWithdrawal(doc, v.on).reason : null })
    if (v.state !== 'shown' || !ctx.programme(doc.programme) || !ctx.regionCode(doc.region)) continue
    shownNotices.push(doc)
    previousOf.set(String(doc.id), idOf(doc.previousNotice))
  }
  const shownIds = new Set(shownNotices.map((d) => String(d.id)))
  const nextOf = new Map<string, string>()
  for (const [id, prev] of previousOf) if (prev && shownIds.has(prev)) nextOf.set(prev, id)
  const notices: PublicNotice[] = shownNotices.flatMap((doc) => {
    const id = String(doc.id)
    const prev = previousOf.get(id)
    const n = publicNotice(doc, ctx, { previousNoticeId: prev && shownIds.has(prev) ? prev : null, nextNoticeId: nextOf.get(id) ?? null })
    return n ? [n] : []
  })

  // 名单: whole lists within the retention window (cms/domain/disclosure.ts listVisibility).
  const shownLists: ListDoc[] = []
  for (const doc of docs.lists) {
    if (!ctx.programme(doc.programme) || !ctx.regionCode(doc.region)) continue
    const v = listVisibility({ month: doc.month, withdrawnOn: dayOf(doc.withdrawnAt), complete: doc.importStatus === 'complete' }, asOf, rules)
    if (v.state === 'withdrawn' && v.noteListed) withdrawals.push(listWithdrawal(doc, v.on))
    if (answersGone(v, asOf)) gone.push({ kind: 'list', id: String(doc.id), title: doc.title, state: v.state, on: v.on, reason: v.state === 'withdrawn' ? listWithdrawal(doc, v.on).reason : null })
    if (v.state === 'shown') shownLists.push(doc)
  }
  const rowsByList = await opts.readRows(shownLists.map((l) => String(l.id)))
  const listFiles: ListRowsFile[] = []
  const lists: PublicList[] = []
  for (const doc of shownLists) {
    const rows = rowsByList.get(String(doc.id)) ?? []
    for (const r of rows) {
      knownRawValues.add(r.headName)
      if (r.idNumber) knownRawValues.add(r.idNumber)
    }
    const projected = publicList(doc, rows, ctx)
    if (!projected) continue
    lists.push(projected.list)
    listFiles.push(projected.rowsFile)
  }

  const snapshot = snapshotSchema.parse({
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    generatedAt: opts.generatedAt,
    asOf,
    site: publicSiteInfo(docs.settings, rules),
    regions: docs.regions.map((r) => publicRegion(r, ctx)),
    programmes: docs.programmes.map(publicProgramme),
    standards: docs.standards.flatMap((d) => publicStandard(d, ctx) ?? []),
    policies: docs.policies.map((d) => publicPolicy(d, ctx)),
    interpretations: (docs.interpretations ?? []).flatMap((d) => publicInterpretation(d, ctx) ?? []),
    guides: docs.guides.flatMap((d) => publicGuide(d, ctx) ?? []),
    notices,
    lists,
    monthlyStats: monthlyStatistics(lists),
    complaintStats: complaintStatistics(docs.complaints, docs.complaintCategories, asOf),
    complaintCategories: docs.complaintCategories.map(publicComplaintCategory),
    withdrawals,
    disclosures: monthlyDisclosures(lists, asOf, null),
    gone,
  } satisfies Snapshot)
  for (const f of listFiles) listRowsFileSchema.parse(f)
  return { snapshot, listFiles, knownRawValues, officialContacts: officialContacts([docs.settings, ...docs.guides, ...docs.regions.map((r) => ({ consultPhone: r.officePhone, address: r.officeAddress }))]) }
}
