// The import service: the one code path behind the admin screen, the REST endpoints and
// `npm run import`. It loads what validation needs from the database (with the editor's access when
// there is one), has the file read and checked in a worker thread (runCheck.ts: the CMS keeps
// serving other users meanwhile), builds the preview, and stores a clean result as a DRAFT: a
// recipient list through storeListDraft (one unit: all rows or nothing), or a notice's entries as a
// new draft version of the notice. Progress goes to `onProgress`; `signal` cancels.
import type { Payload, PayloadRequest } from 'payload'
import { hasRole } from '../access/roles'
import { regionScope } from '../access/regionScope'
import { now, today as clockToday } from '../domain/clock'
import { chinaDate, monthOf } from '../domain/dates'
import { writeAudit } from '../hooks/audit'
import { cleanUpInterruptedImports, ImportCancelled, listKeys, previousPublishedList, storeListDraft, type ListMeta } from '../lists/storeList'
import { idHashKey } from '../secret'
import { packKeys, type CheckInput, type CheckOutput, type PreviewRow, type StoredChanges } from './check'
import type { ColumnMapping } from './headers'
import type { ImportProgress } from './jobs'
import { IMPORT_LIMITS, fmtInt } from './limits'
import { quoteCell } from './quote'
import type { SheetSummary } from './readUpload'
import { CANCELLED_MESSAGE, ImportCheckStopped, runCheckInWorker } from './runCheck'
import { amountCap, type StandardLike } from './standards'
import { type FieldKey, type ImportIssue, FIELD_LABELS, columnLetter } from './types'
import type { ValidationResult, ValidRow } from './validate'
import type { VillageRef } from './villages'
import { unitLabel } from '../domain/units'
import { isConfirmReason, type PlausibilityWarning } from '../domain/listChanges'

export type { PreviewRow } from './check'

export type ListKind = 'approved' | 'disbursement'
export type ListTarget = { kind: 'list'; programme: string; region: string; month: string; listKind: ListKind; title?: string }
export type NoticeTarget = { kind: 'notice'; noticeId: string }
export type ImportTarget = ListTarget | NoticeTarget

export type ImportOptions = {
  sheet?: string
  /** Field → column letter chosen by the editor ('' = do not import that field). */
  manual?: Partial<Record<FieldKey, string>>
  excludeBadRows?: boolean
  /** The SHA-256 the editor previewed: a commit with a different file is refused. */
  expectedSha256?: string
  /** Why large changes against last month are right (needed when the check finds any; audited). */
  confirmReason?: string
  today?: string
  /** Issues kept in the preview (default: the browser limit); the command line keeps them all. */
  maxIssues?: number
  onProgress?: (p: ImportProgress) => void
  /** Cancels the check or the save (nothing is left written). */
  signal?: AbortSignal
}

/** A request the service cannot act on (unknown programme, no access …): HTTP status + Chinese message. */
export class ImportRequestError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message)
    this.name = 'ImportRequestError'
  }
}

export type ImportPreview = {
  target: 'list' | 'notice'
  /** No errors at all: can be stored as it is. */
  clean: boolean
  /** Storable when the editor leaves out the rows with errors (no file-level error, some valid rows). */
  canExcludeBadRows: boolean
  file: { name: string; bytes: number; sha256: string; format?: string; encoding?: string; sheet?: string }
  sheets: SheetSummary[]
  needsSheetChoice: boolean
  notes: string[]
  /** Columns left out because they hold personal data (联系电话, 银行卡号, 备注 …). */
  ignoredColumns: { column: string; header: string }[]
  context: {
    programme?: string
    region?: string
    month?: string
    listKind?: ListKind
    title?: string
    notice?: string
    cap: string | null
    approvedList: string | null
    existing: { id: string; title: string; status: string }[]
  }
  header: {
    rowNumber: number
    columns: { column: string; header: string; field?: FieldKey }[]
    mapping: (ColumnMapping & { label: string })[]
    required: FieldKey[]
  } | null
  counts: {
    dataRows: number
    validRows: number
    badRows: number
    errors: number
    warnings: number
    households: number
    persons: number
    amount: number
    upgradedIds: number
    skipped: ValidationResult['skipped'] | null
  }
  totals: ValidationResult['totals'] | null
  issues: ImportIssue[]
  issueCount: number
  issuesTruncated: boolean
  preview: PreviewRow[]
  changes: StoredChanges | null
  /** Large changes against last month: storing them needs `confirmReason` (cms/domain/listChanges.ts). */
  plausibility: PlausibilityWarning[]
}

/** `rows` only after a commit's check; `issues` as many as `maxIssues` allowed (all for the report). */
export type ImportRun = { preview: ImportPreview; rows: ValidRow[]; issues: ImportIssue[]; resolved: Resolved }

type Resolved = {
  programme: { id: string; code: string; name: string; shortName: string; publicityRequired?: boolean | null }
  region: { id: string; code: string; name: string; level: string; path: string }
  month: string
  listKind?: ListKind
  title?: string
  notice?: { id: string; title: string; entries: number }
}

const REQUIRED: Record<'list' | 'notice', FieldKey[]> = {
  list: ['headName', 'idNumber', 'householdSize', 'amount', 'village'],
  notice: ['headName', 'householdSize', 'village'],
}

const idOf = (v: unknown): string => (v && typeof v === 'object' ? String((v as { id: unknown }).id) : String(v ?? ''))

function access(req?: PayloadRequest) {
  return req?.user ? ({ req, overrideAccess: false } as const) : ({ req, overrideAccess: true } as const)
}

async function findOneBy<T>(payload: Payload, collection: 'programmes' | 'regions', key: string, req?: PayloadRequest): Promise<T | null> {
  const { docs } = await payload.find({ collection, where: { code: { equals: key } }, limit: 1, depth: 0, ...access(req) })
  if (docs[0]) return docs[0] as T
  try {
    return (await payload.findByID({ collection, id: key, depth: 0, ...access(req) })) as T
  } catch {
    return null
  }
}

async function assertCanImport(req: PayloadRequest | undefined, regionId: string, regionName: string) {
  if (!req?.user) return
  if (!hasRole(req.user, 'admin', 'editor', 'reviewer')) throw new ImportRequestError('只有经办人、审核人或管理员可以导入名单。', 403)
  const scope = await regionScope(req)
  if (scope !== 'all' && !scope.includes(regionId)) throw new ImportRequestError(`您没有${regionName}的导入权限：只能导入您负责地区的名单。`, 403)
}

async function resolveTarget(payload: Payload, target: ImportTarget, req?: PayloadRequest): Promise<Resolved> {
  type P = Resolved['programme']
  type R = Resolved['region']
  if (target.kind === 'list') {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(target.month ?? '')) throw new ImportRequestError('月份格式应为 YYYY-MM，例如 2026-10。')
    if (target.listKind !== 'approved' && target.listKind !== 'disbursement') throw new ImportRequestError('请选择名单类型：救助对象名单（审批）或资金发放名单。')
    if (!target.programme) throw new ImportRequestError('请选择救助类别。')
    if (!target.region) throw new ImportRequestError('请选择地区。')
    const programme = await findOneBy<P>(payload, 'programmes', target.programme, req)
    if (!programme) throw new ImportRequestError(`找不到救助类别“${target.programme}”。`, 404)
    const region = await findOneBy<R>(payload, 'regions', target.region, req)
    if (!region) throw new ImportRequestError(`找不到地区“${target.region}”。`, 404)
    await assertCanImport(req, String(region.id), region.name)
    return { programme: { ...programme, id: String(programme.id) }, region: { ...region, id: String(region.id) }, month: target.month, listKind: target.listKind, title: target.title?.trim() || undefined }
  }
  let notice
  try {
    notice = await payload.findByID({ collection: 'notices', id: target.noticeId, depth: 0, draft: true, ...access(req) })
  } catch {
    throw new ImportRequestError('找不到要导入对象的公示，或您没有查看它的权限。', 404)
  }
  const programme = await payload.findByID({ collection: 'programmes', id: idOf(notice.programme), depth: 0, overrideAccess: true, req })
  const region = await payload.findByID({ collection: 'regions', id: idOf(notice.region), depth: 0, overrideAccess: true, req })
  await assertCanImport(req, String(region.id), region.name)
  return {
    programme: { ...(programme as unknown as P), id: String(programme.id) },
    region: { ...(region as unknown as R), id: String(region.id) },
    month: chinaDate(notice.postedOn).slice(0, 7),
    notice: { id: String(notice.id), title: notice.title, entries: notice.entries?.length ?? 0 },
  }
}

async function loadVillages(payload: Payload, region: Resolved['region'], req?: PayloadRequest): Promise<{ villages: VillageRef[]; defaultVillageId?: string }> {
  if (region.level === 'village') {
    const parent = await payload.find({ collection: 'regions', where: { id: { equals: idOf((region as { parent?: unknown }).parent) } }, limit: 1, depth: 0, overrideAccess: true, req })
    return { villages: [{ id: region.id, code: region.code, name: region.name, townshipName: parent.docs[0]?.name }], defaultVillageId: region.id }
  }
  const { docs } = await payload.find({ collection: 'regions', where: { path: { contains: region.path } }, pagination: false, depth: 0, overrideAccess: true, req, select: { name: true, code: true, level: true, parent: true, path: true } })
  const byId = new Map(docs.map((d) => [String(d.id), d]))
  byId.set(region.id, region as never)
  const villages: VillageRef[] = []
  for (const d of docs) {
    if (d.level !== 'village' || !(d.path === region.path || String(d.path).startsWith(`${region.path}/`))) continue
    const t = byId.get(idOf(d.parent))
    villages.push({ id: String(d.id), code: d.code, name: d.name, townshipName: t?.name, townshipCode: t?.code })
  }
  return { villages }
}

async function loadStandards(payload: Payload, resolved: Resolved, req?: PayloadRequest) {
  const codes = resolved.region.path.split('/')
  const { docs: ancestors } = await payload.find({ collection: 'regions', where: { code: { in: codes } }, pagination: false, depth: 0, overrideAccess: true, req, select: { code: true } })
  const depthOf = new Map(ancestors.map((a) => [String(a.id), codes.indexOf(a.code)]))
  const { docs } = await payload.find({
    collection: 'standards',
    where: { and: [{ programme: { equals: resolved.programme.id } }, { _status: { equals: 'published' } }, { region: { in: [...depthOf.keys()] } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const standards: StandardLike[] = docs.map((s) => ({
    tier: s.tier,
    amount: s.amount,
    unit: unitLabel(s.unit),
    effectiveFrom: chinaDate(s.effectiveFrom),
    effectiveTo: s.effectiveTo ? chinaDate(s.effectiveTo) : null,
    regionDepth: depthOf.get(idOf(s.region)) ?? 0,
  }))
  return { cap: amountCap(standards, resolved.month), tiers: [...new Set(docs.map((s) => s.tier).filter((t): t is string => Boolean(t)))] }
}

async function loadApproved(payload: Payload, resolved: Resolved, req?: PayloadRequest) {
  const { docs } = await payload.find({
    collection: 'recipient-lists',
    where: {
      and: [
        { kind: { equals: 'approved' } },
        { programme: { equals: resolved.programme.id } },
        { region: { equals: resolved.region.id } },
        { month: { equals: resolved.month } },
        { _status: { equals: 'published' } },
        { importStatus: { equals: 'complete' } },
      ],
    },
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (!docs[0]) return null
  return { keys: packKeys(await listKeys(payload, String(docs[0].id))), title: docs[0].title }
}

/** Last month's published list of the same kind (for 新增/停保/增减标), as packed match keys. */
async function loadPrevious(payload: Payload, resolved: Resolved, req?: PayloadRequest) {
  const prev = await previousPublishedList(payload, { kind: resolved.listKind!, programmeId: resolved.programme.id, regionId: resolved.region.id, month: resolved.month }, req)
  if (!prev) return null
  return { keys: packKeys(await listKeys(payload, String(prev.id))), month: prev.month, listId: String(prev.id) }
}

async function loadExisting(payload: Payload, resolved: Resolved, req?: PayloadRequest) {
  const { docs } = await payload.find({
    collection: 'recipient-lists',
    where: {
      and: [
        { kind: { equals: resolved.listKind } },
        { programme: { equals: resolved.programme.id } },
        { region: { equals: resolved.region.id } },
        { month: { equals: resolved.month } },
      ],
    },
    limit: 20,
    depth: 0,
    draft: true,
    overrideAccess: true,
    req,
  })
  return docs
    .filter((d) => d.importStatus !== 'importing')
    .map((d) => ({ id: String(d.id), title: d.title, status: d._status === 'published' ? '已发布' : d.importStatus === 'failed' ? '导入失败的草稿' : '草稿' }))
}

export async function rememberedMapping(payload: Payload, regionId: string, target: 'list' | 'notice', req?: PayloadRequest) {
  const { docs } = await payload.find({
    collection: 'import-mappings',
    where: { and: [{ region: { equals: regionId } }, { target: { equals: target } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs[0] ? { id: String(docs[0].id), columns: (docs[0].columns ?? {}) as Partial<Record<FieldKey, string>> } : null
}

async function rememberMapping(payload: Payload, resolved: Resolved, target: 'list' | 'notice', mapping: Partial<Record<FieldKey, ColumnMapping>>, req?: PayloadRequest) {
  const columns: Partial<Record<FieldKey, string>> = {}
  for (const [f, m] of Object.entries(mapping)) if (m?.header) columns[f as FieldKey] = m.header
  const existing = await rememberedMapping(payload, resolved.region.id, target, req)
  const data = { label: `${resolved.region.name} · ${target === 'list' ? '名单导入' : '公示对象导入'}`, region: resolved.region.id, target, columns }
  if (existing) await payload.update({ collection: 'import-mappings', id: existing.id, data, ...access(req) })
  else await payload.create({ collection: 'import-mappings', data, ...access(req) })
}

export function defaultListTitle(resolved: Pick<Resolved, 'programme' | 'region' | 'month' | 'listKind'>): string {
  const [y, m] = resolved.month.split('-')
  return `${resolved.region.name}${y}年${Number(m)}月${resolved.programme.shortName}${resolved.listKind === 'approved' ? '救助对象名单' : '资金发放名单'}`
}

/** Reads, maps and validates an upload (in a worker thread); nothing is written. */
export async function analyseImport(payload: Payload, bytes: Uint8Array, fileName: string, target: ImportTarget, opts: ImportOptions = {}, req?: PayloadRequest): Promise<ImportRun> {
  return (await checkImport(payload, bytes, fileName, target, opts, req, false)).run
}

async function checkImport(payload: Payload, bytes: Uint8Array, fileName: string, target: ImportTarget, opts: ImportOptions, req: PayloadRequest | undefined, wantRows: boolean) {
  const progress = opts.onProgress ?? (() => {})
  progress({ phase: 'prepare', done: 0, total: null, fraction: 0 })
  const resolved = await resolveTarget(payload, target, req)
  const t = target.kind
  const { villages, defaultVillageId } = await loadVillages(payload, resolved.region, req)
  const required = REQUIRED[t].filter((f) => !(f === 'village' && defaultVillageId))
  const remembered = await rememberedMapping(payload, resolved.region.id, t, req)
  const [standards, approved, previous, existing] = await Promise.all([
    loadStandards(payload, resolved, req),
    t === 'list' && resolved.listKind === 'disbursement' ? loadApproved(payload, resolved, req) : Promise.resolve(null),
    t === 'list' ? loadPrevious(payload, resolved, req) : Promise.resolve(null),
    t === 'list' ? loadExisting(payload, resolved, req) : Promise.resolve([]),
  ])
  if (opts.signal?.aborted) throw new ImportCheckStopped('cancelled', CANCELLED_MESSAGE)
  const input: CheckInput = {
    bytes,
    fileName,
    target: t,
    sheet: opts.sheet,
    required,
    hints: { manual: opts.manual, remembered: remembered?.columns },
    rememberedUsed: Boolean(remembered),
    kind: resolved.listKind,
    month: resolved.month,
    regionName: resolved.region.name,
    programme: resolved.programme,
    tiers: standards.tiers,
    villages,
    defaultVillageId,
    cap: standards.cap,
    approved,
    previous,
    existing,
    noticeEntries: resolved.notice?.entries ?? 0,
    hashKey: idHashKey(),
    today: opts.today ?? clockToday(),
    nowIso: now().toISOString(),
    maxIssues: opts.maxIssues ?? IMPORT_LIMITS.maxIssuesInPreview,
    wantRows,
  }
  const out = await runCheckInWorker(input, {
    signal: opts.signal,
    onProgress: (p) => progress({ phase: p.phase, done: p.done, total: p.total, fraction: p.fraction }),
  })
  return { run: toRun(out, resolved, required, standards.cap?.description ?? null, approved?.title ?? null, existing, opts), output: out }
}

function toRun(out: CheckOutput, resolved: Resolved, required: FieldKey[], cap: string | null, approvedTitle: string | null, existing: ImportPreview['context']['existing'], opts: ImportOptions): ImportRun {
  const t: 'list' | 'notice' = resolved.notice ? 'notice' : 'list'
  const rows = out.rows
  const validRows = out.sums.households
  const header = out.header
  const fieldByCol = new Map(Object.values(header?.mapping ?? {}).map((m) => [m!.col, m!.field]))
  const maxIssues = opts.maxIssues ?? IMPORT_LIMITS.maxIssuesInPreview
  const preview: ImportPreview = {
    target: t,
    clean: out.errorCount === 0 && validRows > 0,
    canExcludeBadRows: out.fileErrorCount === 0 && validRows > 0,
    file: out.file,
    sheets: out.sheets,
    needsSheetChoice: out.needsSheetChoice,
    notes: out.notes,
    ignoredColumns: out.ignoredColumns.map((c) => ({ column: c.column, header: quoteCell(c.header, { max: 30 }) })),
    context: {
      programme: resolved.programme.name,
      region: resolved.region.name,
      month: resolved.month,
      listKind: resolved.listKind,
      title: t === 'list' ? resolved.title ?? defaultListTitle(resolved) : undefined,
      notice: resolved.notice?.title,
      cap,
      approvedList: approvedTitle,
      existing,
    },
    header: header
      ? {
          rowNumber: header.headerRowNumber,
          columns: header.headers.map((h, c) => ({ column: columnLetter(c), header: h ? quoteCell(h, { max: 30 }) : '', field: fieldByCol.get(c) })),
          mapping: Object.values(header.mapping).map((m) => ({ ...m!, header: quoteCell(m!.header, { max: 30 }), label: FIELD_LABELS[m!.field] })),
          required,
        }
      : null,
    counts: {
      dataRows: out.validation?.dataRows ?? 0,
      validRows,
      badRows: out.validation?.badRows ?? 0,
      errors: out.errorCount,
      warnings: out.issueCount - out.errorCount,
      households: validRows,
      persons: out.sums.persons,
      amount: out.sums.cents / 100,
      upgradedIds: out.validation?.upgradedIds ?? 0,
      skipped: out.validation?.skipped ?? null,
    },
    totals: out.validation?.totals ?? null,
    issues: out.issues.slice(0, maxIssues),
    issueCount: out.issueCount,
    issuesTruncated: out.issueCount > maxIssues,
    preview: out.preview,
    changes: out.changes,
    plausibility: out.plausibility ?? [],
  }
  return { preview, rows, issues: out.issues, resolved }
}

function listMeta(resolved: Resolved, source?: { fileName: string; sha256: string }): ListMeta {
  return {
    title: resolved.title ?? defaultListTitle(resolved),
    kind: resolved.listKind!,
    programmeId: resolved.programme.id,
    regionId: resolved.region.id,
    month: resolved.month,
    source,
  }
}

export type CommitResult =
  | { stored: true; preview: ImportPreview; listId?: string; noticeId?: string; title: string; excludedRows: number }
  | { stored: false; preview: ImportPreview; reason: string }

/**
 * Validates again and stores the result as a draft. Refuses (storing nothing) while there are
 * errors, unless the editor chose to leave out the rows with errors; file-level errors always refuse.
 */
export async function commitImport(payload: Payload, bytes: Uint8Array, fileName: string, target: ImportTarget, opts: ImportOptions = {}, req?: PayloadRequest): Promise<CommitResult> {
  // Debris of imports killed mid-way (another process, an earlier crash) goes before a new one starts.
  if (target.kind === 'list') await cleanUpInterruptedImports(payload)
  const { run, output } = await checkImport(payload, bytes, fileName, target, { ...opts, maxIssues: opts.maxIssues ?? IMPORT_LIMITS.maxIssuesInPreview }, req, true)
  const { preview, rows, resolved } = run
  if (opts.expectedSha256 && opts.expectedSha256 !== preview.file.sha256) {
    return { stored: false, preview, reason: '上传的文件与预览时的文件不同。请重新预览后再确认导入。' }
  }
  if (!preview.clean) {
    if (!preview.canExcludeBadRows) {
      const first = run.issues.find((i) => i.severity === 'error' && i.scope === 'file')
      return { stored: false, preview, reason: first ? first.message : '文件中没有可导入的行。' }
    }
    if (!opts.excludeBadRows) {
      return {
        stored: false,
        preview,
        reason: `文件中有 ${fmtInt(preview.counts.errors)} 个错误（涉及 ${fmtInt(preview.counts.badRows)} 行），未导入。请修改后重新上传；或确认“跳过有错误的行”，只导入其余 ${fmtInt(rows.length)} 户。`,
      }
    }
  }
  if (preview.plausibility.length && !isConfirmReason(opts.confirmReason)) {
    return {
      stored: false,
      preview,
      reason: `与上月相比变化较大（${preview.plausibility.length} 项提醒，见上方“提醒”）。请逐项核对；确认无误的，请在“确认理由”中写明原因（至少4个字）后再确认导入。`,
    }
  }
  if (opts.signal?.aborted) throw new ImportCheckStopped('cancelled', CANCELLED_MESSAGE)
  // Staff see the original name; it is stored only in the staff-only `source` group.
  const source = { fileName: fileName.slice(0, 200), sha256: preview.file.sha256 }
  if (opts.manual && Object.keys(opts.manual).length) {
    const mapping = Object.fromEntries(Object.values(output.header?.mapping ?? {}).map((m) => [m!.field, m])) as Partial<Record<FieldKey, ColumnMapping>>
    await rememberMapping(payload, resolved, target.kind, mapping, req)
  }
  const progress = opts.onProgress ?? (() => {})
  if (target.kind === 'list') {
    const meta = listMeta(resolved, source)
    let list
    try {
      list = await storeListDraft(
        payload,
        meta,
        rows.map((r, i) => ({
          no: i + 1,
          headName: r.headName,
          idNumber: r.idNumber,
          idHash: r.idHash,
          householdSize: r.householdSize,
          amount: r.amount ?? 0,
          category: r.category,
          villageId: r.villageId,
        })),
        req,
        { changes: output.changes, signal: opts.signal, onProgress: (done, total) => progress({ phase: 'store', done, total, fraction: total ? done / total : 1 }) },
      )
    } catch (err) {
      if (err instanceof ImportCancelled) throw new ImportCheckStopped('cancelled', err.message)
      throw err
    }
    if (req?.user) {
      await writeAudit(req, {
        action: 'import',
        collection: 'recipient-lists',
        id: list.id,
        summary: `导入“${meta.title}”：${preview.counts.validRows} 户（${preview.file.format ?? ''}，SHA-256 ${preview.file.sha256.slice(0, 12)}）${preview.plausibility.length ? `；变化较大已确认，理由：${String(opts.confirmReason).trim().slice(0, 200)}` : ''}`,
      })
    }
    return { stored: true, preview, listId: String(list.id), title: meta.title, excludedRows: preview.counts.badRows }
  }
  progress({ phase: 'store', done: 0, total: rows.length, fraction: 0 })
  await payload.update({
    collection: 'notices',
    id: resolved.notice!.id,
    draft: true,
    ...access(req),
    context: { disableAutoPublish: true },
    data: {
      entries: rows.map((r) => ({
        headName: r.headName,
        idNumber: r.idNumber ?? undefined,
        householdSize: r.householdSize,
        amount: r.amount ?? undefined,
        category: r.category ?? undefined,
        village: r.villageId,
      })),
    },
  })
  if (req?.user) await writeAudit(req, { action: 'import', collection: 'notices', id: resolved.notice!.id, summary: `导入公示对象“${resolved.notice!.title}”：${rows.length} 户` })
  return { stored: true, preview, noticeId: resolved.notice!.id, title: resolved.notice!.title, excludedRows: preview.counts.badRows }
}
