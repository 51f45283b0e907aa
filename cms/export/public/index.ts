// The public projections, one per record type that reaches the site. Each names the fields it
// copies (the allow-list) and the Chinese label of each; the save-time privacy check
// (cms/hooks/privacyCheck.ts) scans exactly the text a projection publishes, and
// tests/integration/piiGates.test.ts plants a value in every field that reaches the output.
import { publicComplaintCategory, COMPLAINT_CATEGORY_LABELS, type ComplaintCategoryDoc } from './complaintStats'
import type { ProjectionContext } from './context'
import { INTERPRETATION_LABELS, interpretationPublishedText, type InterpretationDoc } from './interpretation'
import { GUIDE_LABELS, publicGuide, type GuideDoc } from './guide'
import { noticePublishedText, noticeRawValues, NOTICE_TEXT_LABELS, type NoticeDoc } from './notice'
import { POLICY_LABELS, publicPolicy, type PolicyDoc } from './policy'
import { listPublishedText, LIST_TEXT_LABELS, type ListDoc } from './recipientList'
import { PROGRAMME_LABELS, publicProgramme, publicSiteInfo, SITE_LABELS, type ProgrammeDoc, type SiteSettingsDoc } from './reference'
import { publicStandard, STANDARD_LABELS, type StandardDoc } from './standard'

export type PublishedTextOf<D> = {
  /** Chinese label of each top-level public field. */
  labels: Readonly<Record<string, string>>
  /** The public form of a document as it is being saved (null: nothing would be published). */
  project: (doc: D, ctx: ProjectionContext) => object | null
  /** Raw values the document itself holds (a notice's entries): its public text must not contain them. */
  knownValues?: (doc: D) => string[]
}

const entry = <D>(p: PublishedTextOf<D>) => p as PublishedTextOf<unknown>

/** Keyed by collection slug (and the site-settings global). */
export const PUBLISHED_TEXT = {
  policies: entry<PolicyDoc>({ labels: POLICY_LABELS, project: publicPolicy }),
  'policy-interpretations': entry<InterpretationDoc>({ labels: INTERPRETATION_LABELS, project: interpretationPublishedText }),
  guides: entry<GuideDoc>({ labels: GUIDE_LABELS, project: publicGuide }),
  standards: entry<StandardDoc>({ labels: STANDARD_LABELS, project: publicStandard }),
  notices: entry<NoticeDoc>({ labels: NOTICE_TEXT_LABELS, project: noticePublishedText, knownValues: noticeRawValues }),
  'recipient-lists': entry<ListDoc>({ labels: LIST_TEXT_LABELS, project: listPublishedText }),
  programmes: entry<ProgrammeDoc>({ labels: PROGRAMME_LABELS, project: publicProgramme }),
  'complaint-categories': entry<ComplaintCategoryDoc>({ labels: COMPLAINT_CATEGORY_LABELS, project: publicComplaintCategory }),
  'site-settings': entry<SiteSettingsDoc>({ labels: SITE_LABELS, project: (doc, ctx) => publicSiteInfo(doc, ctx.rules) }),
} as const

export type PublishedTextSlug = keyof typeof PUBLISHED_TEXT

export type PublishedText = { path: string; label: string; text: string }

/**
 * Every string a public object carries, with the Chinese name of the field it sits in
 * ("所需材料（第2项）"). Long integers count as text (an ID typed into a numeric column).
 */
export function publishedText(value: unknown, labels: Readonly<Record<string, string>>): PublishedText[] {
  const out: PublishedText[] = []
  const visit = (v: unknown, path: string, label: string) => {
    if (typeof v === 'string') out.push({ path, label, text: v })
    else if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) >= 1e10) out.push({ path, label, text: String(v) })
    else if (Array.isArray(v)) v.forEach((item, i) => visit(item, `${path}[${i}]`, `${label}（第${i + 1}项）`))
    else if (v && typeof v === 'object') for (const [k, item] of Object.entries(v)) visit(item, path ? `${path}.${k}` : k, label || (labels[k] ?? k))
  }
  visit(value, '', '')
  return out
}
