// The import service: the one code path behind the admin screen, the REST endpoints and
// `npm run import`. It loads what validation needs from the database (with the editor's access when
// there is one), validates, builds the preview, and stores a clean result as a DRAFT: a recipient
// list through storeListDraft, or a notice's entries as a new draft version of the notice.
import type { Payload, PayloadRequest } from 'payload'
import { hasRole } from '../access/roles'
import { regionScope } from '../access/regionScope'
import { chinaDate } from '../domain/dates'
import { maskNamesInList } from '../domain/masking'
import { computeChanges, storeListDraft, type ListMeta } from '../lists/storeList'
import { idHashKey } from '../secret'
import { readListRows } from '../storage/rowStore'
import { categoryRule } from './categories'
import type { ColumnMapping } from './headers'
import { IMPORT_LIMITS, fmtInt } from './limits'
import { readUpload, type SheetSummary } from './readUpload'
import { amountCap, type StandardLike } from './standards'
import { type FieldKey, type ImportIssue, FIELD_LABELS, columnLetter } from './types'
import { validateSheet, type ValidationResult, type ValidRow } from './validate'
import { VillageMatcher, type VillageRef } from './villages'
import { unitLabel } from '../domain/units'

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
  today?: string
  /** Issues kept in the preview (default: the browser limit); the command line keeps them all. */
  maxIssues?: number
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

export type PreviewRow = { no: number; row: number; name: string; householdSize: number; amount: number | null; category: string | null; village: string }

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
  totals: ValidationResult['totals']
  issues: ImportIssue[]
  issueCount: number
  issuesTruncated: boolean
  preview: PreviewRow[]
  changes: (Awaited<ReturnType<typeof computeChanges>> & object) | null
}

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
    context: { skipAudit: true },
  })
  if (!docs[0]) return null
  const rows = (await readListRows(payload, [String(docs[0].id)])).get(String(docs[0].id)) ?? []
  const hashes = new Map<string, number>()
  for (const r of rows) if (r.idHash) hashes.set(r.idHash, r.amount)
  return { hashes, title: docs[0].title }
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
    context: { skipAudit: true },
  })
  return docs.map((d) => ({ id: String(d.id), title: d.title, status: d._status === 'published' ? '已发布' : d.importStatus === 'failed' ? '导入失败的草稿' : '草稿' }))
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

/** Reads, maps and validates an upload; nothing is written. */
export async function analyseImport(payload: Payload, bytes: Uint8Array, fileName: string, target: ImportTarget, opts: ImportOptions = {}, req?: PayloadRequest): Promise<ImportRun> {
  const resolved = await resolveTarget(payload, target, req)
  const t = target.kind
  const { villages, defaultVillageId } = await loadVillages(payload, resolved.region, req)
  const required = REQUIRED[t].filter((f) => !(f === 'village' && defaultVillageId))
  const remembered = await rememberedMapping(payload, resolved.region.id, t, req)
  const read = await readUpload(bytes, fileName, { sheet: opts.sheet, required, hints: { manual: opts.manual, remembered: remembered?.columns } })
  const [standards, approved, existing] = await Promise.all([
    loadStandards(payload, resolved, req),
    t === 'list' && resolved.listKind === 'disbursement' ? loadApproved(payload, resolved, req) : Promise.resolve(null),
    t === 'list' ? loadExisting(payload, resolved, req) : Promise.resolve([]),
  ])
  const category = categoryRule(resolved.programme, standards.tiers)
  const issues: ImportIssue[] = [...read.issues]
  const notes = [...read.notes]
  if (remembered && read.header && Object.values(read.header.mapping).some((m) => m?.how === 'remembered')) notes.push(`已按本地区上次导入时指定的“列对应”识别表头。`)

  let validation: ValidationResult | null = null
  const fileBlocked = issues.some((i) => i.severity === 'error' && i.scope === 'file')
  if (read.table && read.header && !fileBlocked) {
    validation = validateSheet(read.table, read.header.headerIndex, read.header.mapping, {
      target: t,
      kind: resolved.listKind,
      regionName: resolved.region.name,
      villages: new VillageMatcher(villages),
      defaultVillageId,
      cap: standards.cap,
      category,
      approved,
      hashKey: idHashKey(),
      today: opts.today,
    })
    issues.push(...validation.issues)
    if (t === 'notice' && validation.dataRows > IMPORT_LIMITS.maxNoticeEntries) {
      issues.push({
        severity: 'error',
        scope: 'file',
        code: 'notice.tooManyEntries',
        message: `一次公示最多 ${fmtInt(IMPORT_LIMITS.maxNoticeEntries)} 户，文件中有 ${fmtInt(validation.dataRows)} 户。请按村（社区）或批次拆分成几个公示。`,
      })
    }
    if (validation.dataRows === 0) issues.push({ severity: 'error', scope: 'file', code: 'sheet.noData', message: '表头下面没有可导入的数据行（只有合计、说明或空行）。请确认导出的文件是否正确。' })
    if (validation.upgradedIds) notes.push(`${fmtInt(validation.upgradedIds)} 个15位旧身份证号已自动升级为18位。`)
    const s = validation.skipped
    const skippedText = [
      s.totalsRows && `合计行 ${s.totalsRows} 行（已用于核对）`,
      s.subtotalRows && `小计行 ${s.subtotalRows} 行`,
      s.repeatedHeaders && `重复的表头行 ${s.repeatedHeaders} 行`,
      s.footerRows && `制表人、说明等 ${s.footerRows} 行`,
    ].filter(Boolean)
    if (skippedText.length) notes.push(`未作为数据导入：${skippedText.join('、')}。`)
  }
  if (t === 'list' && !standards.cap && validation) {
    issues.push({ severity: 'warning', scope: 'file', code: 'standard.missing', message: `没有找到 ${resolved.month} 适用于${resolved.region.name}的${resolved.programme.name}保障标准（已发布的），无法核对金额上限。请确认“保障标准”中已录入并发布了相应标准。` })
  }
  if (t === 'list' && resolved.listKind === 'disbursement' && validation) {
    notes.push(approved ? `已与同月救助对象名单“${approved.title}”核对：发放名单中的每一户都应在其中。` : `没有找到 ${resolved.month} 已发布的救助对象名单（审批名单），未做“发放对象均已审批”的核对。`)
  }
  for (const e of existing) {
    issues.push({
      severity: 'warning',
      scope: 'file',
      code: e.status === '已发布' ? 'list.publishedExists' : 'list.draftExists',
      message:
        e.status === '已发布'
          ? `同月已有已发布的名单“${e.title}”。本次导入会另存为草稿；发布前需先撤回原名单，或把本名单作为更正版本替换它。`
          : `同月已有一份${e.status}“${e.title}”。本次导入会另建一份草稿；不需要的草稿请删除，以免混淆。`,
    })
  }
  if (t === 'notice' && resolved.notice?.entries) {
    issues.push({ severity: 'warning', scope: 'file', code: 'notice.replaceEntries', message: `这份公示已有 ${resolved.notice.entries} 个公示对象，导入后将被文件中的对象全部替换（保存为草稿，需审核人发布）。` })
  }

  const rows = validation?.rows ?? []
  const masked = maskNamesInList(rows.map((r) => r.headName))
  const preview: PreviewRow[] = rows.slice(0, IMPORT_LIMITS.previewRows).map((r, i) => ({
    no: i + 1,
    row: r.rowNumber,
    name: masked[i],
    householdSize: r.householdSize,
    amount: r.amount,
    category: r.category ? category.publicValue(r.category) : null,
    village: r.villageName,
  }))
  let persons = 0
  let cents = 0
  for (const r of rows) {
    persons += r.householdSize
    cents += Math.round((r.amount ?? 0) * 100)
  }
  let changes: ImportPreview['changes'] = null
  if (t === 'list' && rows.length) {
    changes = await computeChanges(payload, listMeta(resolved), rows.map((r) => ({ idHash: r.idHash, householdSize: r.householdSize, amount: r.amount ?? 0 })), req)
  }
  const errors = issues.filter((i) => i.severity === 'error')
  const fileErrors = errors.filter((i) => i.scope === 'file')
  const sorted = [...issues].sort((a, b) => Number(a.scope !== 'file') - Number(b.scope !== 'file') || (a.row ?? 0) - (b.row ?? 0))
  const header = read.header
  const fieldByCol = new Map(Object.values(header?.mapping ?? {}).map((m) => [m!.col, m!.field]))
  return {
    rows,
    issues,
    resolved,
    preview: {
      target: t,
      clean: errors.length === 0 && rows.length > 0,
      canExcludeBadRows: fileErrors.length === 0 && rows.length > 0,
      file: { ...read.file, sheet: read.sheet },
      sheets: read.sheets,
      needsSheetChoice: read.needsSheetChoice,
      notes,
      context: {
        programme: resolved.programme.name,
        region: resolved.region.name,
        month: resolved.month,
        listKind: resolved.listKind,
        title: t === 'list' ? resolved.title ?? defaultListTitle(resolved) : undefined,
        notice: resolved.notice?.title,
        cap: standards.cap?.description ?? null,
        approvedList: approved?.title ?? null,
        existing,
      },
      header: header
        ? {
            rowNumber: header.headerRowNumber,
            columns: header.headers.map((h, c) => ({ column: columnLetter(c), header: h ?? '', field: fieldByCol.get(c) })),
            mapping: Object.values(header.mapping).map((m) => ({ ...m!, label: FIELD_LABELS[m!.field] })),
            required,
          }
        : null,
      counts: {
        dataRows: validation?.dataRows ?? 0,
        validRows: rows.length,
        badRows: validation?.badRows.length ?? 0,
        errors: errors.length,
        warnings: issues.length - errors.length,
        households: rows.length,
        persons,
        amount: cents / 100,
        upgradedIds: validation?.upgradedIds ?? 0,
        skipped: validation?.skipped ?? null,
      },
      totals: validation?.totals ?? null,
      issues: sorted.slice(0, opts.maxIssues ?? IMPORT_LIMITS.maxIssuesInPreview),
      issueCount: issues.length,
      issuesTruncated: issues.length > (opts.maxIssues ?? IMPORT_LIMITS.maxIssuesInPreview),
      preview,
      changes,
    },
  }
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
  const run = await analyseImport(payload, bytes, fileName, target, opts, req)
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
  const source = { fileName: fileName.slice(0, 200), sha256: preview.file.sha256 }
  if (opts.manual && Object.keys(opts.manual).length) {
    const mapping = Object.fromEntries((preview.header?.mapping ?? []).map((m) => [m.field, m])) as Partial<Record<FieldKey, ColumnMapping>>
    await rememberMapping(payload, resolved, target.kind, mapping, req)
  }
  if (target.kind === 'list') {
    const meta = listMeta(resolved, source)
    const list = await storeListDraft(
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
    )
    return { stored: true, preview: { ...preview, changes: (list.changes as ImportPreview['changes']) ?? preview.changes }, listId: String(list.id), title: meta.title, excludedRows: preview.counts.badRows }
  }
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
  return { stored: true, preview, noticeId: resolved.notice!.id, title: resolved.notice!.title, excludedRows: preview.counts.badRows }
}
