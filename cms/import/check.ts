// The database-free part of an import check: read the upload, map its columns, validate every row,
// compare with last month, mask the preview. Runs in a worker thread (worker.ts) so that a 100,000-row
// file or a hostile one never holds up the CMS; everything it needs from the database comes in
// `CheckInput` (plain data), and it reports progress as it goes.
import { setClock } from '../domain/clock'
import { diffLists, plausibilityWarnings, type ListChanges, type PlausibilityWarning } from '../domain/listChanges'
import { maskNamesInList } from '../domain/masking'
import { categoryRule, type ProgrammeLike } from './categories'
import { type IgnoredColumn, type MappingHints, personalColumns } from './headers'
import { IMPORT_LIMITS, fmtInt } from './limits'
import { quoteCell } from './quote'
import { readUpload, type ReadUpload } from './readUpload'
import type { AmountCap } from './standards'
import type { FieldKey, ImportIssue } from './types'
import { validateSheet, type ValidationResult, type ValidRow } from './validate'
import { VillageMatcher, type VillageRef } from './villages'

/** Match keys of a stored list, packed for a cheap transfer to the worker. */
export type PackedKeys = { hashes: string; sizes: Float64Array; amounts: Float64Array }
export type RowKeyLike = { idHash: string | null; householdSize: number; amount: number }

export function packKeys(rows: RowKeyLike[]): PackedKeys {
  const sizes = new Float64Array(rows.length)
  const amounts = new Float64Array(rows.length)
  const hashes: string[] = new Array(rows.length)
  rows.forEach((r, i) => {
    hashes[i] = r.idHash ?? ''
    sizes[i] = r.householdSize
    amounts[i] = r.amount
  })
  return { hashes: hashes.join('\n'), sizes, amounts }
}

export function unpackKeys(p: PackedKeys): RowKeyLike[] {
  const hashes = p.sizes.length ? p.hashes.split('\n') : []
  return hashes.map((h, i) => ({ idHash: h || null, householdSize: p.sizes[i], amount: p.amounts[i] }))
}

export type CheckInput = {
  bytes: Uint8Array
  fileName: string
  target: 'list' | 'notice'
  sheet?: string
  required: FieldKey[]
  hints: MappingHints
  rememberedUsed: boolean
  kind?: 'approved' | 'disbursement'
  month: string
  regionName: string
  programme: ProgrammeLike
  tiers: string[]
  villages: VillageRef[]
  defaultVillageId?: string
  cap: AmountCap | null
  approved: { keys: PackedKeys; title: string } | null
  previous: { keys: PackedKeys; month: string; listId: string } | null
  existing: { id: string; title: string; status: string }[]
  noticeEntries: number
  hashKey: string
  today: string
  /** The caller's clock, so the worker's "now" is the same. */
  nowIso: string
  maxIssues: number
  /** Send the valid rows back (a commit); a preview needs only counts and the first rows. */
  wantRows: boolean
}

export type CheckPhase = 'read' | 'validate' | 'compare'
export type CheckProgress = { phase: CheckPhase; done: number; total: number | null; fraction: number }

export type PreviewRow = { no: number; row: number; name: string; householdSize: number; amount: number | null; category: string | null; village: string }
export type StoredChanges = ListChanges & { previousMonth: string; previousListId: string }

export type CheckOutput = {
  file: ReadUpload['file'] & { sheet?: string }
  sheets: ReadUpload['sheets']
  needsSheetChoice: boolean
  notes: string[]
  header: ReadUpload['header'] | undefined
  /** File-level issues first, then by row; at most `maxIssues`. */
  issues: ImportIssue[]
  issueCount: number
  errorCount: number
  fileErrorCount: number
  validation: (Omit<ValidationResult, 'rows' | 'issues' | 'badRows'> & { badRows: number }) | null
  ignoredColumns: IgnoredColumn[]
  preview: PreviewRow[]
  sums: { households: number; persons: number; cents: number }
  changes: StoredChanges | null
  /** Changes against last month large enough to need a confirmation with a reason (also in `issues`). */
  plausibility: PlausibilityWarning[]
  rows: ValidRow[]
}

const CHINESE_COUNT = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十']

/** "联系电话、银行卡号、备注 三列含个人信息，未导入" */
export function ignoredColumnsNote(cols: IgnoredColumn[], today?: string): string | null {
  if (!cols.length) return null
  const n = cols.length <= 10 ? CHINESE_COUNT[cols.length] : fmtInt(cols.length)
  return `${cols.map((c) => quoteCell(c.header, { today })).join('、')} ${n}列含个人信息，未导入（不会保存，也不会公开）。`
}

export async function runImportCheck(input: CheckInput, onProgress: (p: CheckProgress) => void = () => {}): Promise<CheckOutput> {
  setClock(input.nowIso)
  const t = input.target
  const read = await readUpload(input.bytes, input.fileName, {
    sheet: input.sheet,
    required: input.required,
    hints: input.hints,
    onProgress: (done, total, fraction) => onProgress({ phase: 'read', done, total, fraction }),
  })
  const issues: ImportIssue[] = [...read.issues]
  const notes = [...read.notes]
  if (input.rememberedUsed && read.header && Object.values(read.header.mapping).some((m) => m?.how === 'remembered')) notes.push('已按本地区上次导入时指定的“列对应”识别表头。')
  const ignoredColumns = read.header ? personalColumns(read.header.headers, read.header.mapping) : []
  const ignoredNote = ignoredColumnsNote(ignoredColumns, input.today)
  if (ignoredNote) notes.push(ignoredNote)

  const category = categoryRule(input.programme, input.tiers)
  let validation: ValidationResult | null = null
  const fileBlocked = issues.some((i) => i.severity === 'error' && i.scope === 'file')
  if (read.table && read.header && !fileBlocked) {
    const approvedKeys = input.approved ? unpackKeys(input.approved.keys) : null
    const hashes = new Map<string, number>()
    for (const k of approvedKeys ?? []) if (k.idHash) hashes.set(k.idHash, k.amount)
    validation = validateSheet(read.table, read.header.headerIndex, read.header.mapping, {
      target: t,
      kind: input.kind,
      regionName: input.regionName,
      villages: new VillageMatcher(input.villages),
      defaultVillageId: input.defaultVillageId,
      cap: input.cap,
      category,
      approved: input.approved ? { hashes, title: input.approved.title } : null,
      hashKey: input.hashKey,
      today: input.today,
      onProgress: (done, total) => onProgress({ phase: 'validate', done, total, fraction: total ? done / total : 0 }),
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
  if (t === 'list' && !input.cap && validation) {
    issues.push({ severity: 'warning', scope: 'file', code: 'standard.missing', message: `没有找到 ${input.month} 适用于${input.regionName}的${input.programme.name}保障标准（已发布的），无法核对金额上限。请确认“保障标准”中已录入并发布了相应标准。` })
  }
  if (t === 'list' && input.kind === 'disbursement' && validation) {
    notes.push(input.approved ? `已与同月救助对象名单“${input.approved.title}”核对：发放名单中的每一户都应在其中。` : `没有找到 ${input.month} 已发布的救助对象名单（审批名单），未做“发放对象均已审批”的核对。`)
  }
  for (const e of input.existing) {
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
  if (t === 'notice' && input.noticeEntries) {
    issues.push({ severity: 'warning', scope: 'file', code: 'notice.replaceEntries', message: `这份公示已有 ${input.noticeEntries} 个公示对象，导入后将被文件中的对象全部替换（保存为草稿，需审核人发布）。` })
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
  const sums = { households: rows.length, persons: 0, cents: 0 }
  for (const r of rows) {
    sums.persons += r.householdSize
    sums.cents += Math.round((r.amount ?? 0) * 100)
  }
  let changes: StoredChanges | null = null
  let plausibility: PlausibilityWarning[] = []
  if (t === 'list' && rows.length && input.previous) {
    onProgress({ phase: 'compare', done: 0, total: rows.length, fraction: 0 })
    const prev = unpackKeys(input.previous.keys)
    const key = (r: { idHash?: string | null }, i: number, side: string) => r.idHash ?? `${side}:${i}`
    const diff = diffLists(
      prev.map((r, i) => ({ key: key(r, i, 'p'), householdSize: r.householdSize, amount: r.amount })),
      rows.map((r, i) => ({ key: key(r, i, 'c'), householdSize: r.householdSize, amount: r.amount ?? 0 })),
    )
    changes = { ...diff, previousMonth: input.previous.month, previousListId: input.previous.listId }
    let prevCents = 0
    for (const r of prev) prevCents += Math.round(r.amount * 100)
    plausibility = plausibilityWarnings({ month: input.previous.month, households: prev.length, amount: prevCents / 100 }, { households: rows.length, amount: sums.cents / 100 }, diff)
    for (const w of plausibility) issues.push({ severity: 'warning', scope: 'file', code: w.code, message: w.message })
  }
  // File-level issues first, then row issues in row order (validation reports rows in order).
  const fileIssues = issues.filter((i) => i.scope === 'file')
  const rowIssues = issues.filter((i) => i.scope !== 'file')
  let ordered = true
  for (let i = 1; i < rowIssues.length && ordered; i++) if ((rowIssues[i - 1].row ?? 0) > (rowIssues[i].row ?? 0)) ordered = false
  if (!ordered) rowIssues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0))
  const sorted = [...fileIssues, ...rowIssues]
  let errorCount = 0
  for (const i of issues) if (i.severity === 'error') errorCount++
  const { table: _table, ...rest } = read
  void _table
  return {
    file: { ...rest.file, sheet: rest.sheet },
    sheets: rest.sheets,
    needsSheetChoice: rest.needsSheetChoice,
    notes,
    header: rest.header,
    issues: sorted.length > input.maxIssues ? sorted.slice(0, input.maxIssues) : sorted,
    issueCount: issues.length,
    errorCount,
    fileErrorCount: fileIssues.filter((i) => i.severity === 'error').length,
    validation: validation ? { dataRows: validation.dataRows, badRows: validation.badRows.length, totals: validation.totals, skipped: validation.skipped, upgradedIds: validation.upgradedIds } : null,
    ignoredColumns,
    preview,
    sums,
    changes,
    plausibility,
    rows: input.wantRows ? rows : [],
  }
}
