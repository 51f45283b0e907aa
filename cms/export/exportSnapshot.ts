import { nowIso, today as clockToday } from '../domain/clock'
import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import {
  SNAPSHOT_SCHEMA_VERSION,
  listRowsFileSchema,
  snapshotSchema,
  type ListRowsFile,
  type PublicGuide,
  type PublicList,
  type PublicNotice,
  type PublicPolicy,
  type PublicStandard,
  type Snapshot,
} from '../../site/lib/snapshotSchema'
import { EXPORTER_USER } from '../access/roles'
import { addDays, addMonths, chinaDate, monthOf } from '../domain/dates'
import { coarseReason, maskNamesInList, suppressSmallCount } from '../domain/masking'
import { daysLeft, monthlyDisclosureDue, publicityStatus } from '../domain/publicity'
import { unitLabel } from '../domain/units'
import { readListRows } from '../storage/rowStore'
import { richTextToPublicHtml } from './richText'

/** Calendar day in China of a stored timestamp (a day picked in the admin is stored as a UTC instant). */
export const dayOf = (v: unknown): string | null => (typeof v === 'string' && v ? chinaDate(v) : null)
const textOrNull = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null)
const idOf = (v: unknown): string | null => (v && typeof v === 'object' ? String((v as { id: unknown }).id) : v ? String(v) : null)
const changeNotes = (notes: { on?: string | null; note?: string | null }[] | null | undefined) =>
  (notes ?? []).filter((n) => n.on && n.note).map((n) => ({ on: dayOf(n.on)!, note: n.note!.trim() }))


export type ExportResult = {
  snapshot: Snapshot
  listFiles: ListRowsFile[]
  /** Raw names and ID numbers held for lists and notices: the PII gate refuses any output containing one. */
  knownRawValues: Set<string>
  /** Official contact points that may appear in the output (bureau phones, objection contacts). */
  officialContacts: string[]
}

/**
 * Reads what the `exporter` identity may read (access enforced: published only; entries visible
 * to it so they can be masked) and copies allow-listed fields into the snapshot shape. Nothing else
 * leaves the database, and the result is validated against the strict schema before it is returned.
 */
export async function buildSnapshot(payload: Payload, { asOf = clockToday() }: { asOf?: string } = {}): Promise<ExportResult> {
  const as = { overrideAccess: false, user: EXPORTER_USER as never, draft: false, pagination: false, context: { skipAudit: true } } as const
  const settings = await payload.findGlobal({ slug: 'site-settings', overrideAccess: false, user: EXPORTER_USER as never, depth: 0 })
  const threshold = settings.smallCountThreshold ?? 3

  const [regions, programmes, policiesRes, standardsRes, guidesRes, noticesRes, listsRes] = await Promise.all([
    payload.find({ collection: 'regions', ...as, depth: 0, sort: 'path' }),
    payload.find({ collection: 'programmes', ...as, depth: 0 }),
    payload.find({ collection: 'policies', ...as, depth: 1, sort: '-publishedOn', where: { _status: { equals: 'published' } } }),
    payload.find({ collection: 'standards', ...as, depth: 0, sort: '-effectiveFrom', where: { _status: { equals: 'published' } } }),
    payload.find({ collection: 'guides', ...as, depth: 0, where: { _status: { equals: 'published' } } }),
    payload.find({ collection: 'notices', ...as, depth: 0, sort: '-postedOn', where: { _status: { equals: 'published' } } }),
    payload.find({ collection: 'recipient-lists', ...as, depth: 0, sort: '-month', where: { _status: { equals: 'published' } } }),
  ])

  const regionCode = new Map(regions.docs.map((r) => [String(r.id), r.code]))
  const programme = new Map(programmes.docs.map((p) => [String(p.id), p]))
  const codeOfRegion = (v: unknown) => regionCode.get(idOf(v) ?? '') ?? null
  const codeOfProgramme = (v: unknown) => programme.get(idOf(v) ?? '')?.code ?? null

  const policyTitle = new Map(policiesRes.docs.map((p) => [String(p.id), p.title]))
  const policies: PublicPolicy[] = policiesRes.docs.map((doc) => {
    const replacement = idOf(doc.supersededBy)
    return {
      id: String(doc.id),
      title: doc.title,
      indexNumber: textOrNull(doc.indexNumber),
      documentNumber: textOrNull(doc.documentNumber),
      issuer: doc.issuer,
      writtenOn: dayOf(doc.writtenOn),
      publishedOn: dayOf(doc.publishedOn)!,
      validity: doc.validity,
      // Link only to a replacement the public can see.
      supersededBy: replacement && policyTitle.has(replacement) ? { id: replacement, title: policyTitle.get(replacement)! } : null,
      programmeCodes: (doc.programmes ?? []).map(codeOfProgramme).filter((c): c is string => Boolean(c)),
      summary: textOrNull(doc.summary),
      bodyHtml: richTextToPublicHtml(doc.body),
      attachments: (doc.attachments ?? [])
        .filter((m): m is Exclude<typeof m, string> => typeof m === 'object' && m !== null)
        .map((m) => ({ title: m.alt || m.filename || '附件', url: `/files/${m.filename}`, mimeType: m.mimeType ?? 'application/octet-stream', filesize: m.filesize ?? 0 })),
      changeNotes: changeNotes(doc.changeNotes),
      updatedAt: doc.updatedAt,
    }
  })

  const linkedPolicy = (v: unknown) => {
    const id = idOf(v)
    return id && policyTitle.has(id) ? { id, title: policyTitle.get(id)! } : null
  }

  const standards: PublicStandard[] = standardsRes.docs.flatMap((doc) => {
    const programmeCode = codeOfProgramme(doc.programme)
    const rc = codeOfRegion(doc.region)
    if (!programmeCode || !rc) return []
    const from = dayOf(doc.effectiveFrom)!
    const to = dayOf(doc.effectiveTo)
    return [{
      id: String(doc.id),
      programmeCode,
      regionCode: rc,
      tier: textOrNull(doc.tier),
      amount: doc.amount,
      unit: unitLabel(doc.unit),
      effectiveFrom: from,
      effectiveTo: to,
      isCurrent: from <= asOf && (!to || to >= asOf),
      policy: linkedPolicy(doc.policy),
    }]
  })

  const guides: PublicGuide[] = guidesRes.docs.flatMap((doc) => {
    const programmeCode = codeOfProgramme(doc.programme)
    if (!programmeCode) return []
    return [{
      id: String(doc.id),
      programmeCode,
      title: doc.title,
      applicableTo: doc.applicableTo,
      conditions: (doc.conditions ?? []).map((c) => c.text),
      exclusions: (doc.exclusions ?? []).map((c) => c.text),
      materials: (doc.materials ?? []).map((m) => ({ name: m.name, note: textOrNull(m.note), required: m.required ?? true })),
      steps: (doc.steps ?? []).map((s) => ({ title: s.title, actor: s.actor, description: textOrNull(s.description), workingDays: s.workingDays ?? null })),
      statutoryWorkingDays: doc.statutoryWorkingDays ?? null,
      promisedWorkingDays: doc.promisedWorkingDays ?? null,
      fee: doc.fee,
      place: textOrNull(doc.place),
      window: textOrNull(doc.window),
      hours: textOrNull(doc.hours),
      consultPhone: textOrNull(doc.consultPhone),
      supervisePhone: textOrNull(doc.supervisePhone),
      basis: (doc.basis ?? []).map(linkedPolicy).filter((b): b is { id: string; title: string } => Boolean(b)),
      changeNotes: changeNotes(doc.changeNotes),
      updatedAt: doc.updatedAt,
    }]
  })

  const knownRawValues = new Set<string>()
  const officialContacts = [settings.consultPhone, settings.supervisePhone, settings.address, settings.complaintAddress].filter((v): v is string => Boolean(v))
  for (const g of guides) officialContacts.push(...[g.consultPhone, g.supervisePhone, g.place].filter((v): v is string => Boolean(v)))
  const withdrawals: Snapshot['withdrawals'] = []
  const retentionDays = settings.noticeRetentionDays ?? 30

  // 公示: withdrawn ones leave a note; ended ones leave after the retention period.
  const exportedNotices = noticesRes.docs.filter((doc) => {
    const withdrawn = dayOf(doc.withdrawnAt)
    for (const e of doc.entries ?? []) {
      if (e.headName) knownRawValues.add(e.headName)
      if (e.idNumber) knownRawValues.add(e.idNumber)
    }
    if (withdrawn && withdrawn <= asOf) {
      if (addDays(withdrawn, retentionDays) >= asOf) withdrawals.push({ kind: 'notice', title: doc.title, withdrawnOn: withdrawn, reason: doc.withdrawReason ?? '已撤回' })
      return false
    }
    const ends = dayOf(doc.endsOn)
    return Boolean(ends && dayOf(doc.postedOn) && codeOfProgramme(doc.programme) && codeOfRegion(doc.region) && addDays(ends, retentionDays) >= asOf)
  })
  const exportedNoticeIds = new Set(exportedNotices.map((d) => String(d.id)))
  const nextOf = new Map<string, string>()
  for (const d of exportedNotices) {
    const prev = idOf(d.previousNotice)
    if (prev && exportedNoticeIds.has(prev)) nextOf.set(prev, String(d.id))
  }
  const notices: PublicNotice[] = exportedNotices.map((doc) => {
    const prog = programme.get(idOf(doc.programme)!)!
    const entries = doc.entries ?? []
    const masked = maskNamesInList(entries.map((e) => e.headName))
    const postedOn = dayOf(doc.postedOn)!
    const endsOn = dayOf(doc.endsOn)!
    const status = publicityStatus({ postedOn, endsOn }, asOf) as PublicNotice['status']
    // Reasons of 临时救助-like programmes (no publicity before approval) only as a coarse category.
    const category = (c: string | null | undefined) => (c ? (prog.publicityRequired === false ? coarseReason(c) : c) : null)
    return {
      id: String(doc.id),
      title: doc.title,
      programmeCode: prog.code,
      kind: doc.kind,
      stage: { key: doc.stage, label: doc.stageLabel ?? doc.stage, index: Math.max(0, (doc.stageIndex ?? 1) - 1), of: doc.stageCount ?? 1 },
      regionCode: codeOfRegion(doc.region)!,
      postedOn,
      endsOn,
      endsOnProvisional: Boolean(doc.endsOnProvisional),
      status,
      daysLeft: status === '公示中' ? daysLeft(endsOn, asOf) : null,
      periodRule: doc.periodRule ?? '',
      entries: entries.map((e, i) => ({
        no: i + 1,
        name: masked[i],
        householdSize: e.householdSize,
        amount: e.amount ?? null,
        category: category(e.category),
        villageCode: codeOfRegion(e.village) ?? codeOfRegion(doc.region)!,
      })),
      totals: { households: entries.length, persons: entries.reduce((n, e) => n + e.householdSize, 0) },
      objectionContact: doc.objectionContact,
      previousNoticeId: idOf(doc.previousNotice) && exportedNoticeIds.has(idOf(doc.previousNotice)!) ? idOf(doc.previousNotice) : null,
      nextNoticeId: nextOf.get(String(doc.id)) ?? null,
      postedOnBoardAt: doc.boardPostedAt ?? null,
      changeNotes: changeNotes(doc.changeNotes),
    }
  })
  for (const n of exportedNotices) if (n.objectionContact) officialContacts.push(n.objectionContact)

  // 名单: complete, not withdrawn, within the retention window.
  const oldestMonth = addMonths(monthOf(asOf), -((settings.listRetentionMonths ?? 12) - 1))
  const exportedLists = listsRes.docs.filter((doc) => {
    const withdrawn = dayOf(doc.withdrawnAt)
    if (withdrawn && withdrawn <= asOf) {
      if (addDays(withdrawn, retentionDays) >= asOf) withdrawals.push({ kind: 'list', title: doc.title, withdrawnOn: withdrawn, reason: doc.withdrawReason ?? '已撤回' })
      return false
    }
    return doc.importStatus === 'complete' && doc.month >= oldestMonth && codeOfProgramme(doc.programme) && codeOfRegion(doc.region)
  })
  const rowsByList = await readListRows(payload, exportedLists.map((l) => String(l.id)))
  // Households that have left a programme leave its public lists: older months show only the
  // households still in the latest list of the same series (the totals stay the true totals).
  const latestOfSeries = new Map<string, string>()
  for (const l of exportedLists) {
    const series = `${l.kind}|${idOf(l.programme)}|${idOf(l.region)}`
    if (!latestOfSeries.has(series)) latestOfSeries.set(series, String(l.id)) // sorted by -month
  }
  const stillIn = new Map<string, Set<string>>()
  for (const [series, id] of latestOfSeries) stillIn.set(series, new Set((rowsByList.get(id) ?? []).map((r) => r.idHash ?? `row:${r.no}`)))

  const listFiles: ListRowsFile[] = []
  const lists: PublicList[] = exportedLists.map((doc) => {
    const id = String(doc.id)
    const series = `${doc.kind}|${idOf(doc.programme)}|${idOf(doc.region)}`
    const prog = programme.get(idOf(doc.programme)!)!
    const all = rowsByList.get(id) ?? []
    for (const r of all) {
      knownRawValues.add(r.headName)
      if (r.idNumber) knownRawValues.add(r.idNumber)
    }
    const keep = latestOfSeries.get(series) === id ? all : all.filter((r) => r.idHash && stillIn.get(series)!.has(r.idHash))
    const masked = maskNamesInList(keep.map((r) => r.headName))
    listFiles.push({
      listId: id,
      rows: keep.map((r, i) => [masked[i], r.householdSize, r.amount, r.category ? (prog.publicityRequired === false ? coarseReason(r.category) : r.category) : null, regionCode.get(r.villageId) ?? codeOfRegion(doc.region)!]),
    })
    const villages = new Map<string, { households: number; persons: number; cents: number }>()
    for (const r of all) {
      const code = regionCode.get(r.villageId) ?? codeOfRegion(doc.region)!
      const v = villages.get(code) ?? { households: 0, persons: 0, cents: 0 }
      v.households++
      v.persons += r.householdSize
      v.cents += Math.round(r.amount * 100)
      villages.set(code, v)
    }
    const changes = doc.changes as (Record<string, unknown> & { previousMonth: string }) | null | undefined
    return {
      id,
      kind: doc.kind,
      programmeCode: prog.code,
      regionCode: codeOfRegion(doc.region)!,
      month: doc.month,
      publishedOn: dayOf(doc.publishedAt ?? doc.updatedAt)!,
      totals: { households: doc.totals?.households ?? all.length, persons: doc.totals?.persons ?? 0, amount: doc.totals?.amount ?? 0 },
      byVillage: [...villages].sort(([a], [b]) => a.localeCompare(b)).map(([villageCode, v]) => {
        const shown = suppressSmallCount(v.households, threshold)
        return { villageCode, households: shown, persons: shown === null ? null : v.persons, amount: shown === null ? null : v.cents / 100 }
      }),
      changes: changes
        ? {
            previousMonth: changes.previousMonth,
            added: changes.added as never,
            stopped: changes.stopped as never,
            increased: changes.increased as never,
            decreased: changes.decreased as never,
            amountDelta: Number(changes.amountDelta ?? 0),
          }
        : null,
      rowsFile: `lists/${id}.json`,
    }
  })

  // 统计 (disbursement lists preferred over approved lists of the same month and place).
  const statKey = (l: PublicList) => `${l.month}|${l.programmeCode}|${l.regionCode}`
  const stats = new Map<string, Snapshot['monthlyStats'][number]>()
  for (const l of [...lists].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'disbursement' ? 1 : -1))) {
    stats.set(statKey(l), { month: l.month, programmeCode: l.programmeCode, regionCode: l.regionCode, households: l.totals.households, persons: l.totals.persons, amount: l.totals.amount })
  }

  // 每月5日前公开上月情况: the last three months for every programme/region that publishes lists.
  const disclosures: Snapshot['disclosures'] = []
  const seriesPlaces = new Set(lists.filter((l) => l.kind === 'disbursement').map((l) => `${l.programmeCode}|${l.regionCode}`))
  for (const place of seriesPlaces) {
    const [programmeCode, rc] = place.split('|')
    for (let back = 1; back <= 3; back++) {
      const month = addMonths(monthOf(asOf), -back)
      const list = lists.find((l) => l.kind === 'disbursement' && l.programmeCode === programmeCode && l.regionCode === rc && l.month === month)
      disclosures.push({ month, programmeCode, regionCode: rc, dueOn: monthlyDisclosureDue(month), publishedOn: list?.publishedOn ?? null })
    }
  }

  const complaintStats = await complaintStatistics(payload, asOf)
  const categories = await payload.find({ collection: 'complaint-categories', ...as, depth: 0, sort: 'createdAt' })
  const limit = (n: number, unit: string) => (unit === 'working' ? `${n}个工作日` : `${n}日`)
  const complaintCategories = categories.docs.map((c) => ({
    code: c.code,
    label: c.label,
    kind: c.kind,
    description: textOrNull(c.description),
    acknowledgeLimit: limit(c.acknowledgeDays, c.acknowledgeUnit),
    resolveLimit: limit(c.resolveDays, c.resolveUnit),
  }))

  const snapshot = snapshotSchema.parse({
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    generatedAt: nowIso(),
    asOf,
    site: {
      bureauName: settings.bureauName,
      columnTitle: settings.columnTitle,
      address: textOrNull(settings.address),
      officeHours: textOrNull(settings.officeHours),
      consultPhone: textOrNull(settings.consultPhone),
      supervisePhone: textOrNull(settings.supervisePhone),
      complaintAddress: textOrNull(settings.complaintAddress),
    },
    regions: regions.docs.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent ? codeOfRegion(r.parent) : null })),
    programmes: programmes.docs.map((p) => ({ code: p.code, name: p.name, shortName: p.shortName, unit: unitLabel(p.unit), description: textOrNull(p.description), publicityRequired: p.publicityRequired ?? true })),
    standards,
    policies,
    guides,
    notices,
    lists,
    monthlyStats: [...stats.values()].sort((a, b) => a.month.localeCompare(b.month)),
    complaintStats,
    complaintCategories,
    withdrawals,
    disclosures,
  })
  for (const f of listFiles) listRowsFileSchema.parse(f)
  return { snapshot, listFiles, knownRawValues, officialContacts }
}

/** Writes the snapshot and its list files atomically (temp + rename) so a reader never sees half a file. */
export function writeSnapshot(result: Pick<ExportResult, 'snapshot' | 'listFiles'>, file: string): string[] {
  const dir = path.dirname(file)
  fs.mkdirSync(path.join(dir, 'lists'), { recursive: true })
  const written: string[] = []
  const put = (target: string, data: unknown) => {
    const tmp = `${target}.${process.pid}.tmp`
    fs.writeFileSync(tmp, JSON.stringify(data))
    fs.renameSync(tmp, target)
    written.push(target)
  }
  for (const f of result.listFiles) put(path.join(dir, 'lists', `${f.listId}.json`), f)
  put(file, result.snapshot)
  return written
}

/**
 * Handling statistics for the 互动交流 page: counts per month and category, nothing else. The
 * exporter cannot read complaints; this reads only category and dates (select), deliberately.
 */
async function complaintStatistics(payload: Payload, asOf: string): Promise<Snapshot['complaintStats']> {
  const [complaints, categories] = await Promise.all([
    payload.find({
      collection: 'complaints',
      overrideAccess: true,
      pagination: false,
      depth: 0,
      select: { category: true, receivedAt: true, answeredAt: true, resolveDue: true, status: true },
      context: { skipAudit: true },
    }),
    payload.find({ collection: 'complaint-categories', overrideAccess: true, pagination: false, depth: 0 }),
  ])
  const label = new Map(categories.docs.map((c) => [String(c.id), c.label]))
  const stats = new Map<string, Snapshot['complaintStats'][number]>()
  for (const c of complaints.docs) {
    const received = dayOf(c.receivedAt)
    if (!received || received > asOf) continue
    const category = label.get(idOf(c.category) ?? '') ?? '其他'
    const key = `${received.slice(0, 7)}|${category}`
    const s = stats.get(key) ?? { month: received.slice(0, 7), category, received: 0, answered: 0, answeredOnTime: 0 }
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
