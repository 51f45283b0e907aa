import { APIError, type CollectionBeforeChangeHook, type Field, type PayloadRequest } from 'payload'
import { hasRole } from '../access/roles'
import { isStaffField, isAdminField } from '../access'
import { findPiiInObject, KnownValueIndex, type PiiObjectFinding } from '../domain/pii'
import { distinctRawValues } from '../storage/rowStore'

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

/** Official contact points are public on purpose; they never count as findings. */
export async function officialContacts(req: PayloadRequest): Promise<string[]> {
  const s = await req.payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true, req })
  return [s.consultPhone, s.supervisePhone, s.address, s.complaintAddress].filter((v): v is string => Boolean(v))
}

/** Rich text → the strings a reader would see (the structure itself is not scanned). */
export function richTextStrings(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => richTextStrings(n, out))
  else if (node && typeof node === 'object') {
    const n = node as Record<string, unknown>
    if (typeof n.text === 'string') out.push(n.text)
    if (typeof n.url === 'string') out.push(n.url)
    if (n.fields && typeof n.fields === 'object') richTextStrings((n.fields as Record<string, unknown>).url, out)
    if (n.root) richTextStrings(n.root, out)
    if (n.children) richTextStrings(n.children, out)
  } else if (typeof node === 'string') out.push(node)
  return out
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

/**
 * Scans the fields that will be published as text. Findings are recorded on the document on every
 * save; publishing is refused while there are any, unless an admin records why they are not
 * personal data (kept in the audit log).
 */
export const checkPublishableText = (
  fieldNames: string[],
  richTextFields: string[] = [],
  knownValuesOf?: (data: Record<string, unknown>) => string[],
): CollectionBeforeChangeHook =>
  async ({ data, req, context }) => {
    const publicPart: Record<string, unknown> = {}
    for (const name of fieldNames) if (data[name] !== undefined) publicPart[name] = data[name]
    for (const name of richTextFields) if (data[name] !== undefined) publicPart[name] = richTextStrings(data[name])
    const publishing = data._status === 'published'
    const allow = await officialContacts(req)
    const findings: PiiObjectFinding[] = findPiiInObject(publicPart, { allow, knownValues: knownValuesOf?.(data) })
    if (publishing) {
      // Also every raw value held elsewhere (a name from a list typed into a policy's text).
      const seen = new Set(findings.map((f) => `${f.path}:${f.finding.index}`))
      for (const f of findPiiInObject(publicPart, { allow, knownValues: await heldRawValues(req) })) {
        if (!seen.has(`${f.path}:${f.finding.index}`)) findings.push(f)
      }
    }
    const summary = findings.map((f) => f.message).join('\n')
    if (findings.length && publishing) {
      const reason = typeof data.piiOverrideReason === 'string' ? data.piiOverrideReason.trim() : ''
      if (!(hasRole(req.user, 'admin') && reason.length >= 5)) {
        throw new APIError(`隐私检查未通过，不能发布：\n${summary}\n请删除或改写这些内容后再发布。`, 400, undefined, true)
      }
      context.piiOverride = reason
    }
    return { ...data, privacyFindings: summary || null }
  }
