import { z } from 'zod'

/**
 * The masked snapshot: the ONLY data the public site ever sees. Every object is strict, so a field
 * that is not listed here cannot travel from the CMS to the site (the allow-list), and the site
 * refuses to build from a snapshot that carries one. Fields marked "never" in domain.md §4 (ID
 * numbers, bank accounts, phones of residents, addresses, income, illness, other members' names…)
 * have no place in this schema at all.
 *
 * Layout on disk: `snapshot.json` (this schema) plus one `lists/<id>.json` per recipient list
 * (listRowsFileSchema), so a county with 100,000 households × 12 months is not one giant file.
 */
export const SNAPSHOT_SCHEMA_VERSION = 2

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
const month = z.string().regex(/^\d{4}-\d{2}$/, 'YYYY-MM')
const code = z.string().min(1).max(32)
const money = z.number().nonnegative()

export const attachmentSchema = z.strictObject({
  title: z.string(),
  url: z.string(),
  mimeType: z.string(),
  filesize: z.number().int().nonnegative(),
})

/** A public note of what changed in a document (the internal remarks never leave the CMS). */
export const changeNoteSchema = z.strictObject({ on: isoDate, note: z.string() })

export const siteInfoSchema = z.strictObject({
  bureauName: z.string(),
  columnTitle: z.string(),
  address: z.string().nullable(),
  officeHours: z.string().nullable(),
  consultPhone: z.string().nullable(),
  supervisePhone: z.string().nullable(),
  /** Where to send objections and complaints in person or by post. */
  complaintAddress: z.string().nullable(),
  /** The disclosure rules the admin set (站点设置): the pages state these figures, not defaults. */
  smallCountThreshold: z.number().int().positive(),
  noticeRetentionDays: z.number().int().nonnegative(),
  listRetentionMonths: z.number().int().positive(),
  /** Government-site furniture (站点设置, issue 15): each null when not set, and then left out of the footer. */
  websiteCode: z.string().regex(/^[0-9A-Za-z]{10}$/).nullable().default(null),
  icpNumber: z.string().nullable().default(null),
  policeRecordNumber: z.string().nullable().default(null),
  emblemUrl: z.string().url().nullable().default(null),
  applyDisclosureUrl: z.string().url().nullable().default(null),
  portalName: z.string().nullable().default(null),
  portalUrl: z.string().url().nullable().default(null),
})

export const regionSchema = z.strictObject({
  code,
  name: z.string(),
  level: z.enum(['county', 'township', 'village']),
  parentCode: code.nullable(),
  /** The village committee's / township office's own phone and office address, only when they are official contacts (cms/domain/disclosure.ts). */
  contact: z.strictObject({ phone: z.string().nullable(), address: z.string().nullable() }).nullable().default(null),
})

export const programmeSchema = z.strictObject({
  code,
  name: z.string(),
  shortName: z.string(),
  unit: z.string(),
  description: z.string().nullable(),
  /** Whether a 公示 is required before approval (急难型临时救助 may publish after). */
  publicityRequired: z.boolean(),
})

export const standardSchema = z.strictObject({
  id: z.string(),
  programmeCode: code,
  regionCode: code,
  /** e.g. 城市 / 农村, 集中供养 / 分散供养; null when the programme has one tier. */
  tier: z.string().nullable(),
  amount: money,
  unit: z.string(),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable(),
  isCurrent: z.boolean(),
  policy: z.strictObject({ id: z.string(), title: z.string() }).nullable(),
})

export const policySchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  indexNumber: z.string().nullable(),
  documentNumber: z.string().nullable(),
  issuer: z.string(),
  writtenOn: isoDate.nullable(),
  publishedOn: isoDate,
  validity: z.enum(['current', 'amended', 'repealed']),
  supersededBy: z.strictObject({ id: z.string(), title: z.string() }).nullable(),
  programmeCodes: z.array(code),
  summary: z.string().nullable(),
  bodyHtml: z.string(),
  attachments: z.array(attachmentSchema),
  changeNotes: z.array(changeNoteSchema),
  updatedAt: z.string(),
})

export const guideSchema = z.strictObject({
  id: z.string(),
  programmeCode: code,
  title: z.string(),
  applicableTo: z.string(),
  conditions: z.array(z.string()),
  exclusions: z.array(z.string()),
  materials: z.array(z.strictObject({ name: z.string(), note: z.string().nullable(), required: z.boolean() })),
  steps: z.array(z.strictObject({ title: z.string(), actor: z.string(), description: z.string().nullable(), workingDays: z.number().int().nullable() })),
  statutoryWorkingDays: z.number().int().nullable(),
  promisedWorkingDays: z.number().int().nullable(),
  fee: z.string(),
  place: z.string().nullable(),
  window: z.string().nullable(),
  hours: z.string().nullable(),
  consultPhone: z.string().nullable(),
  supervisePhone: z.string().nullable(),
  basis: z.array(z.strictObject({ id: z.string(), title: z.string() })),
  changeNotes: z.array(changeNoteSchema),
  updatedAt: z.string(),
})

/** 政策解读: published with its policy (三同步); the policy's page links back (computed from this). */
export const interpretationSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  policy: z.strictObject({ id: z.string(), title: z.string() }),
  issuer: z.string(),
  publishedOn: isoDate,
  summary: z.string().nullable(),
  bodyHtml: z.string(),
  changeNotes: z.array(changeNoteSchema),
  updatedAt: z.string(),
})

/** One masked line of a 公示. `name` is already masked (张*, 欧阳**, or 张*（户07） on a collision). */
export const noticeEntrySchema = z.strictObject({
  no: z.number().int().positive(),
  name: z.string(),
  householdSize: z.number().int().positive(),
  amount: money.nullable(),
  category: z.string().nullable(),
  villageCode: code,
})

export const noticeSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  programmeCode: code,
  /** apply (拟纳入), terminate (拟终止), change (调整), post (事后公布, e.g. 急难型临时救助). */
  kind: z.enum(['apply', 'terminate', 'change', 'post']),
  stage: z.strictObject({ key: z.string(), label: z.string(), index: z.number().int().nonnegative(), of: z.number().int().positive() }),
  regionCode: code,
  postedOn: isoDate,
  endsOn: isoDate,
  /** The end falls in a year whose holidays the State Council has not published yet: shown as 暂定, recomputed later. */
  endsOnProvisional: z.boolean().default(false),
  /** As of the release date; a daily release keeps it true. */
  status: z.enum(['未开始', '公示中', '已结束']),
  daysLeft: z.number().int().nonnegative().nullable(),
  periodRule: z.string(),
  entries: z.array(noticeEntrySchema),
  /** Counts only; village level below the small-count threshold is shown as null. */
  totals: z.strictObject({ households: z.number().int().nonnegative(), persons: z.number().int().nonnegative().nullable() }),
  objectionContact: z.string(),
  previousNoticeId: z.string().nullable(),
  nextNoticeId: z.string().nullable(),
  postedOnBoardAt: z.string().nullable(),
  changeNotes: z.array(changeNoteSchema),
})

export const listTotalsSchema = z.strictObject({
  households: z.number().int().nonnegative(),
  persons: z.number().int().nonnegative(),
  amount: money,
})

const changeCount = z.strictObject({ households: z.number().int().nonnegative(), persons: z.number().int().nonnegative() })
export const listChangesSchema = z.strictObject({
  previousMonth: month,
  added: changeCount,
  stopped: changeCount,
  increased: changeCount,
  decreased: changeCount,
  amountDelta: z.number(),
})

/** 救助对象名单 (approved) or 资金发放公示 (disbursement) for one programme, region and month. */
export const recipientListSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(['approved', 'disbursement']),
  programmeCode: code,
  regionCode: code,
  month,
  publishedOn: isoDate,
  /** The list's own last change (China day), for 信息更新日期: never before publishedOn. */
  updatedOn: isoDate.optional(),
  totals: listTotalsSchema,
  /** Per village: counts below the small-count threshold are null (not shown on their own). */
  byVillage: z.array(
    z.strictObject({ villageCode: code, households: z.number().int().nonnegative().nullable(), persons: z.number().int().nonnegative().nullable(), amount: money.nullable() }),
  ),
  changes: listChangesSchema.nullable(),
  rowsFile: z.string().regex(/^lists\/[A-Za-z0-9_-]+\.json$/),
})

/** `lists/<id>.json`: rows as compact tuples [name (masked), householdSize, amount, category|null, villageCode]. */
export const listRowSchema = z.tuple([z.string(), z.number().int().positive(), money, z.string().nullable(), code])
export const listRowsFileSchema = z.strictObject({ listId: z.string(), rows: z.array(listRowSchema) })

/** Month × programme × region aggregates for the 统计 page (derived from published lists). */
export const monthlyStatSchema = z.strictObject({
  month,
  programmeCode: code,
  regionCode: code,
  households: z.number().int().nonnegative(),
  persons: z.number().int().nonnegative(),
  amount: money,
})

/** Aggregate complaint handling figures; nothing identifying. */
export const complaintStatSchema = z.strictObject({
  month,
  category: z.string(),
  received: z.number().int().nonnegative(),
  answered: z.number().int().nonnegative(),
  answeredOnTime: z.number().int().nonnegative(),
})

/** A complaint/report category as the forms offer it, with the time limits the office promises. */
export const complaintCategorySchema = z.strictObject({
  code: z.string(),
  label: z.string(),
  kind: z.enum(['objection', 'report', 'complaint', 'other']),
  description: z.string().nullable(),
  acknowledgeLimit: z.string(),
  resolveLimit: z.string(),
})

/** What was withdrawn leaves a short public note (the audit log keeps who and when). */
export const withdrawalSchema = z.strictObject({
  kind: z.enum(['notice', 'list', 'policy', 'guide']),
  title: z.string(),
  withdrawnOn: isoDate,
  reason: z.string(),
})

export const monthlyDisclosureSchema = z.strictObject({
  month,
  programmeCode: code,
  regionCode: code,
  dueOn: isoDate,
  publishedOn: isoDate.nullable(),
  /** cms/domain/disclosure.ts monthlyDisclosureState on the release day. */
  state: z.enum(['已完成', '即将到期', '未到期', '已逾期']),
  lateDays: z.number().int().nonnegative(),
})

/**
 * A 公示 or 名单 that was public and no longer is (withdrawn, or past its retention): its page
 * answers 410 Gone with this short note, so search engines drop their copies.
 */
export const goneSchema = z.strictObject({
  kind: z.enum(['notice', 'list']),
  id: z.string().regex(/^[A-Za-z0-9_-]+$/),
  title: z.string(),
  state: z.enum(['withdrawn', 'expired']),
  /** Withdrawal day, or the first day it was no longer shown. */
  on: isoDate,
  reason: z.string().nullable(),
})

export const snapshotSchema = z.strictObject({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  generatedAt: z.string(),
  /** The day the release describes (status of notices, current standards). */
  asOf: isoDate,
  site: siteInfoSchema,
  regions: z.array(regionSchema),
  programmes: z.array(programmeSchema),
  standards: z.array(standardSchema),
  policies: z.array(policySchema),
  interpretations: z.array(interpretationSchema).default([]),
  guides: z.array(guideSchema),
  notices: z.array(noticeSchema),
  lists: z.array(recipientListSchema),
  monthlyStats: z.array(monthlyStatSchema),
  complaintStats: z.array(complaintStatSchema),
  complaintCategories: z.array(complaintCategorySchema),
  withdrawals: z.array(withdrawalSchema),
  disclosures: z.array(monthlyDisclosureSchema),
  gone: z.array(goneSchema),
})

export type Snapshot = z.infer<typeof snapshotSchema>
export type SiteInfo = z.infer<typeof siteInfoSchema>
export type PublicRegion = z.infer<typeof regionSchema>
export type PublicProgramme = z.infer<typeof programmeSchema>
export type PublicStandard = z.infer<typeof standardSchema>
export type PublicPolicy = z.infer<typeof policySchema>
export type PublicInterpretation = z.infer<typeof interpretationSchema>
export type PublicGuide = z.infer<typeof guideSchema>
export type PublicNotice = z.infer<typeof noticeSchema>
export type PublicNoticeEntry = z.infer<typeof noticeEntrySchema>
export type PublicList = z.infer<typeof recipientListSchema>
export type PublicListRow = z.infer<typeof listRowSchema>
export type ListRowsFile = z.infer<typeof listRowsFileSchema>
export type MonthlyStat = z.infer<typeof monthlyStatSchema>
export type ComplaintStat = z.infer<typeof complaintStatSchema>
export type PublicComplaintCategory = z.infer<typeof complaintCategorySchema>
export type GonePage = z.infer<typeof goneSchema>
export type MonthlyDisclosure = z.infer<typeof monthlyDisclosureSchema>
