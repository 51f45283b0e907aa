import { type CollectionBeforeChangeHook, type Field, type GlobalBeforeChangeHook, type PayloadRequest } from 'payload'
import { hasRole } from '../access/roles'
import { isStaffField, isAdminField } from '../access'
import { today as clockToday } from '../domain/clock'
import { disclosureRules, officialContacts as validatedContacts } from '../domain/disclosure'
import { describeFinding, findPii, KnownValueIndex, type PiiFinding } from '../domain/pii'
import { idOf, type ProjectionContext } from '../export/public/context'
import { PUBLISHED_TEXT, publishedText, type PublishedTextSlug } from '../export/public'
import { richTextToPublicHtml } from '../export/richText'
import { distinctRawValues } from '../storage/rowStore'
import { refusal } from './refuse'

let knownCache: { at: number; index: Promise<KnownValueIndex> } | undefined

/** Called when raw values change (a notice or a list is saved), so the next publish sees them. */
export function invalidateHeldRawValues() {
  knownCache = undefined
}

/**
 * Raw names and ID numbers held for lists and notices: publishable text must not contain any of
 * them. Loaded when something is published (not on draft saves), cached for a minute.
 */
export function heldRawValues(req: PayloadRequest): Promise<KnownValueIndex> {
  if (knownCache && Date.now() - knownCache.at < 60_000) return knownCache.index
  const index = (async () => {
    const [rows, notices] = await Promise.all([
      distinctRawValues(req.payload),
      req.payload.find({ collection: 'notices', overrideAccess: true, pagination: false, depth: 0, select: { entries: true }, context: { skipAudit: true } }),
    ])
    const values = [...rows]
    for (const n of notices.docs) for (const e of n.entries ?? []) values.push(e.headName, e.idNumber ?? '')
    return new KnownValueIndex(values.filter(Boolean))
  })()
  knownCache = { at: Date.now(), index }
  index.catch(() => (knownCache = undefined))
  return index
}

/**
 * Official contact points are public on purpose; they never count as findings. Only structured,
 * validated bureau fields (cms/domain/disclosure.ts officialContacts): the site settings, the
 * published guides, and the document being saved when it is itself a guide or the settings.
 */
export async function officialContacts(req: PayloadRequest, saving?: Record<string, unknown>): Promise<string[]> {
  const [settings, guides] = await Promise.all([
    req.payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true, req }),
    req.payload.find({ collection: 'guides', overrideAccess: true, pagination: false, depth: 0, req, where: { _status: { equals: 'published' } }, select: { consultPhone: true, supervisePhone: true, place: true } }),
  ])
  return validatedContacts([settings, ...guides.docs, ...(saving ? [saving] : [])])
}

/**
 * The projection context at save time: the document's own relations, resolved only as far as its
 * public text needs (a programme's publicity rule decides whether a category is coarsened).
 */
async function saveTimeContext(req: PayloadRequest): Promise<ProjectionContext> {
  const [settings, programmes] = await Promise.all([
    req.payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true, req }),
    req.payload.find({ collection: 'programmes', overrideAccess: true, pagination: false, depth: 0, req, select: { code: true, publicityRequired: true } }),
  ])
  const byId = new Map(programmes.docs.map((p) => [String(p.id), { code: p.code, publicityRequired: p.publicityRequired ?? true }]))
  return {
    asOf: clockToday(),
    rules: disclosureRules(settings),
    // Never null at save time: an unresolved reference must not make text go unscanned.
    programme: (ref) => (idOf(ref) ? (byId.get(idOf(ref)!) ?? { code: idOf(ref)!, publicityRequired: true }) : null),
    regionCode: (ref) => idOf(ref),
    policy: (ref) => (idOf(ref) ? { id: idOf(ref)!, title: '' } : null),
    richTextHtml: richTextToPublicHtml,
  }
}

/** Attachments as the projection reads them (their alt text and file name become public titles). */
async function withAttachments(doc: Record<string, unknown>, req: PayloadRequest): Promise<Record<string, unknown>> {
  const refs = Array.isArray(doc.attachments) ? doc.attachments : []
  const ids = refs.map(idOf).filter((v): v is string => Boolean(v))
  if (!ids.length) return doc
  const media = await req.payload.find({ collection: 'media', overrideAccess: true, pagination: false, depth: 0, req, where: { id: { in: ids } } })
  const byId = new Map(media.docs.map((m) => [String(m.id), m]))
  return { ...doc, attachments: ids.map((id) => byId.get(id)).filter(Boolean) }
}

const privacyFindingsField: Field = {
  name: 'privacyFindings',
  type: 'textarea',
  label: '隐私检查结果',
  access: { read: isStaffField, create: () => false, update: () => false },
  admin: {
    readOnly: true,
    position: 'sidebar',
    description: '保存时自动检查公开文字中疑似身份证号、手机号、银行卡号、详细住址等个人信息；有问题时不能发布。',
    condition: (data) => Boolean(data?.privacyFindings),
  },
}

const piiOverrideField: Field = {
  name: 'piiOverrideReason',
  type: 'textarea',
  label: '忽略隐私检查的理由（仅管理员）',
  access: { read: isStaffField, create: isAdminField, update: isAdminField },
  admin: { position: 'sidebar', condition: (data) => Boolean(data?.privacyFindings) },
}

export const privacyFields = (): Field[] => [privacyFindingsField, piiOverrideField]

type Finding = { label: string; finding: PiiFinding; message: string }

const PHONE_HINT = '单位的办公电话、办公地址请先填入“站点设置”或办事指南的咨询电话、监督电话、办理地点，公开文字中才可以引用；个人的电话和住址不能公开。'

/** Findings in the public text of a document being saved, each naming its field in Chinese. */
async function findingsIn(slug: PublishedTextSlug, doc: Record<string, unknown>, req: PayloadRequest, withHeld: boolean): Promise<Finding[]> {
  const p = PUBLISHED_TEXT[slug]
  const ctx = await saveTimeContext(req)
  const prepared = slug === 'policies' ? await withAttachments(doc, req) : doc
  const projected = p.project(prepared, ctx)
  if (!projected) return []
  const texts = publishedText(projected, p.labels)
  const contactSource = slug === 'guides' || slug === 'site-settings' ? doc : undefined
  const allow = await officialContacts(req, contactSource)
  const own = p.knownValues ? new KnownValueIndex(p.knownValues(doc)) : undefined
  const held = withHeld ? await heldRawValues(req) : undefined
  const today = clockToday()
  const out: Finding[] = []
  for (const t of texts) {
    const seen = new Set<number>()
    for (const known of [own, held]) {
      for (const f of findPii(t.text, { allow, knownValues: known, today })) {
        if (seen.has(f.index)) continue
        seen.add(f.index)
        out.push({ label: t.label, finding: f, message: `字段“${t.label}”${describeFinding(f, t.text)}` })
      }
      if (!held) break
    }
  }
  return out
}

function summaryOf(findings: Finding[]): string {
  const lines = findings.map((f) => f.message)
  if (findings.some((f) => f.finding.kind === 'landline' || f.finding.kind === 'mobile' || f.finding.kind === 'address')) lines.push(PHONE_HINT)
  return lines.join('\n')
}

const privacyRefusal = (summary: string) => refusal(`隐私检查未通过，不能发布：\n${summary}\n请删除或改写这些内容后再发布。`)

/**
 * Scans exactly the text the collection's public projection publishes (cms/export/public). With
 * drafts, findings are recorded on every save and publishing is refused while there are any,
 * unless an admin records why they are not personal data (kept in the audit log); without drafts
 * (saved means public) a save with findings is refused.
 */
export const checkPublishableText =
  (slug: PublishedTextSlug): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req, context, collection }) => {
    const drafts = Boolean(collection.versions && typeof collection.versions === 'object' && collection.versions.drafts)
    const publishing = !drafts || data._status === 'published'
    const doc = { ...(originalDoc ?? {}), ...data }
    const findings = await findingsIn(slug, doc, req, publishing)
    const summary = summaryOf(findings)
    const records = collection.fields.some((f) => 'name' in f && f.name === 'privacyFindings')
    if (findings.length && publishing) {
      const reason = typeof data.piiOverrideReason === 'string' ? data.piiOverrideReason.trim() : ''
      if (!(records && hasRole(req.user, 'admin') && reason.length >= 5)) throw privacyRefusal(summary)
      context.piiOverride = reason
    }
    return records ? { ...data, privacyFindings: summary || null } : data
  }

/** The same check for the site settings (bureau name, hours, contacts): saved means public. */
export const checkSiteSettingsText: GlobalBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const findings = await findingsIn('site-settings', { ...(originalDoc ?? {}), ...data }, req, true)
  if (findings.length) throw privacyRefusal(summaryOf(findings))
  return data
}
