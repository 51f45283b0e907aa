// Finding the header row (below title rows, possibly two rows deep under merged cells) and mapping
// its columns to fields, from the header names provincial systems and local templates use.
import { toHalfWidth } from '../domain/normalise'
import { IMPORT_LIMITS } from './limits'
import { quoteCell } from './quote'
import { type CellValue, type FieldKey, type ImportIssue, type MergeRange, type SheetData, FIELD_LABELS, cellText, columnLetter, columnIndex } from './types'

/** Header names per field, most specific first (the first match wins when several columns fit). */
export const HEADER_VARIANTS: Record<FieldKey, string[]> = {
  no: ['序号', '编号', '顺序号', '序', 'no', 'no.'],
  headName: ['户主姓名', '户主', '申请人姓名', '申请人', '救助对象姓名', '保障对象姓名', '供养对象姓名', '对象姓名', '救助对象', '户主名称', '姓名'],
  idNumber: ['户主身份证号码', '户主身份证号', '身份证号码', '身份证号', '公民身份号码', '身份证件号码', '证件号码', '证件号', '身份证'],
  householdSize: ['保障人数', '享受人数', '在保人数', '救助人数', '供养人数', '保障人口', '家庭人口', '家庭人数', '家庭成员数', '家庭成员数量', '人口数', '人数'],
  amount: ['保障金额', '月保障金', '月保障金额', '救助金额', '发放金额', '本月发放金额', '月发放金额', '实发金额', '应发金额', '补助金额', '供养金额', '保障金', '救助金', '金额', '合计金额'],
  village: ['村(社区)', '村(居)', '村/社区', '村、社区', '所属村居', '所属村(社区)', '所在村(社区)', '村居', '村社区', '村(居)委会', '村委会', '居委会', '行政村', '所在村', '所属村', '社区', '村名', '村'],
  township: ['乡镇(街道)', '乡镇/街道', '乡镇街道', '所属乡镇', '所在乡镇', '乡镇', '街道', '乡(镇)'],
  category: ['类别/档次', '保障类别', '保障档次', '救助类别', '人员类别', '供养方式', '供养类型', '救助事由', '类别', '档次', '分类', '类型'],
}

/** Words that rule a column out for a field even when a variant is contained ("家庭成员姓名" is not the head). */
const EXCLUDED_WORDS: Partial<Record<FieldKey, string[]>> = {
  headName: ['成员', '开户', '银行', '代领', '监护'],
  idNumber: ['成员', '银行', '卡号', '账号', '代领', '监护'],
  amount: ['标准', '收入', '累计', '年度'],
  householdSize: ['标准', '金额'],
  village: ['地址', '住址', '门牌'],
  category: ['救助类别名称'],
}

/** Columns that hold personal data an import never stores (they are reported as left out). */
const PERSONAL_HEADERS: { re: RegExp; kind: string }[] = [
  { re: /电话|手机|联系方式|tel|phone/, kind: 'phone' },
  { re: /银行|卡号|账号|帐号|存折|开户|账户|帐户/, kind: 'bank' },
  { re: /备注|说明/, kind: 'remarks' },
  { re: /住址|地址|门牌|住所|居住地/, kind: 'address' },
  { re: /成员|家属|配偶|子女/, kind: 'members' },
  { re: /收入|财产|存款|房产|车辆/, kind: 'income' },
  { re: /病|残疾|残障|健康|诊断/, kind: 'health' },
  { re: /代领|监护|委托|经办人姓名/, kind: 'thirdParty' },
  { re: /身份证|证件|身份号/, kind: 'idNumber' },
  { re: /民族|宗教|出生|年龄|性别/, kind: 'identity' },
]

export type IgnoredColumn = { col: number; column: string; header: string; kind: string }

/** Unmapped columns whose header names personal data (联系电话, 银行卡号, 备注 …). */
export function personalColumns(headers: string[], mapping: Partial<Record<FieldKey, ColumnMapping>>): IgnoredColumn[] {
  const used = new Set(Object.values(mapping).map((m) => m!.col))
  const out: IgnoredColumn[] = []
  headers.forEach((h, col) => {
    if (!h || used.has(col)) return
    const key = normaliseHeader(h)
    const hit = PERSONAL_HEADERS.find((p) => p.re.test(key))
    if (hit) out.push({ col, column: columnLetter(col), header: h, kind: hit.kind })
  })
  return out
}

/** Comparable header text: half-width, no spaces or required-field stars, no unit in brackets. */
export function normaliseHeader(s: string): string {
  return toHalfWidth(s)
    .replace(/[\s\u00a0]+/g, '')
    .replace(/[*:]/g, '')
    .replace(/\((?:单位:?)?[元人户个口月年次/·.]+\)$/, '')
    .replace(/[(]?单位[:]?[元人户]+[)]?$/, '')
    .toLowerCase()
}

const NORMALISED_VARIANTS = Object.fromEntries(
  Object.entries(HEADER_VARIANTS).map(([k, vs]) => [k, vs.map((v) => normaliseHeader(v))]),
) as Record<FieldKey, string[]>

export type HeaderMatch = { field: FieldKey; score: number }

/** The field a header names, with a score: exact names beat contained ones, earlier variants beat later. */
export function matchHeader(text: string): HeaderMatch | null {
  const key = normaliseHeader(text)
  if (!key) return null
  let best: HeaderMatch | null = null
  for (const field of Object.keys(NORMALISED_VARIANTS) as FieldKey[]) {
    if (EXCLUDED_WORDS[field]?.some((w) => key.includes(w))) continue
    const variants = NORMALISED_VARIANTS[field]
    for (let i = 0; i < variants.length; i++) {
      const v = variants[i]
      let score = 0
      if (key === v) score = 1000 - i
      else if (v.length >= 2 && key.includes(v) && key.length <= 16) score = 100 + v.length * 10 - i
      if (score > (best?.score ?? 0)) best = { field, score }
    }
  }
  return best
}

export type ColumnMapping = { field: FieldKey; col: number; column: string; header: string; how: 'manual' | 'remembered' | 'exact' | 'similar' }

export type HeaderResult = {
  /** Index into sheet.rows of the (last) header row; data starts after it. */
  headerIndex: number
  headerRowNumber: number
  /** Header text per column (for a two-row header: the lower row, with the merged upper text as context). */
  headers: string[]
  mapping: Partial<Record<FieldKey, ColumnMapping>>
  issues: ImportIssue[]
  notes: string[]
}

/** How many distinct fields a row's cells name (used to find the header and to pick a sheet). */
export function headerScore(cells: CellValue[]): number {
  const fields = new Set<FieldKey>()
  for (const c of cells) {
    if (typeof c !== 'string' || c.length > 30) continue
    const m = matchHeader(c)
    if (m) fields.add(m.field)
  }
  fields.delete('no')
  return fields.size
}

function looksLikeHeader(cells: CellValue[]): boolean {
  const n = headerScore(cells)
  if (n >= 3) return true
  const fields = new Set(cells.map((c) => (typeof c === 'string' ? matchHeader(c)?.field : undefined)))
  return n >= 2 && fields.has('headName') && (fields.has('idNumber') || fields.has('amount'))
}

/** The best header row among the first rows of a sheet, or -1. */
export function findHeaderRow(sheet: SheetData): number {
  let best = -1
  let bestScore = 0
  const limit = Math.min(sheet.rows.length, IMPORT_LIMITS.headerScanRows)
  for (let i = 0; i < limit; i++) {
    const cells = sheet.rows[i].cells
    if (!looksLikeHeader(cells)) continue
    const s = headerScore(cells)
    if (s > bestScore) {
      best = i
      bestScore = s
    }
  }
  return best
}

const mergeAt = (merges: MergeRange[], r: number, c: number) => merges.find((m) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2)

/** Explicit choices from the editor (field → column letter, '' = not imported) or remembered ones (field → header text). */
export type MappingHints = { manual?: Partial<Record<FieldKey, string>>; remembered?: Partial<Record<FieldKey, string>> }

export function detectHeader(sheet: SheetData, required: FieldKey[], hints: MappingHints = {}): HeaderResult | null {
  const found = findHeaderRow(sheet)
  if (found < 0) return null
  const rows = sheet.rows
  const notes: string[] = []
  const issues: ImportIssue[] = []
  // A two-row header: group cells merged across ("户主信息", "保障金额") with sub-headers below, and
  // single headers merged down over both rows. The best-scoring row may be either of the two.
  const isTwoRowHeader = (topIdx: number): boolean => {
    const t = rows[topIdx]
    const n = rows[topIdx + 1]
    if (!t || !n || n.r !== t.r + 1) return false
    const groups = sheet.merges.filter((m) => m.r1 === t.r && m.r2 === t.r && m.c2 > m.c1)
    const downs = sheet.merges.filter((m) => m.r1 === t.r && m.r2 === n.r)
    // Group names are short labels ("户主信息"), not a title or a "填报单位：…" line.
    const shortLabels = groups.every((g) => {
      const text = cellText(t.cells[g.c1] ?? null).trim()
      return text.length > 0 && text.length <= 12 && !/[:：]/.test(text)
    })
    const subUnderGroup = groups.some((g) => n.cells.slice(g.c1, g.c2 + 1).some((c) => typeof c === 'string' && c.trim()))
    return groups.length > 0 && downs.length > 0 && shortLabels && subUnderGroup
  }
  const index = found > 0 && isTwoRowHeader(found - 1) ? found - 1 : found
  const twoRows = isTwoRowHeader(index)
  const top = rows[index]
  const headerIndex = twoRows ? index + 1 : index
  const width = Math.max(top.cells.length, rows[index + 1]?.cells.length ?? 0)
  const topText = (c: number): string => {
    const m = mergeAt(sheet.merges, top.r, c)
    if (m && m.r1 === top.r && m.c1 !== c) return cellText(top.cells[m.c1] ?? null).trim()
    return cellText(top.cells[c] ?? null).trim()
  }
  let headers: string[] = []
  if (twoRows) {
    const next = rows[index + 1]
    const groupMerges = sheet.merges.filter((m) => m.r1 === top.r && m.r2 === top.r && m.c2 > m.c1)
    for (let c = 0; c < width; c++) {
      const child = cellText(next.cells[c] ?? null).trim()
      const parent = topText(c)
      headers[c] = child && parent && child !== parent && mergeAt(groupMerges, top.r, c) ? `${parent}/${child}` : child || parent
    }
    notes.push(`表头占两行（第 ${top.r}–${next.r} 行，含合并单元格），已合并识别。`)
  } else {
    headers = Array.from({ length: width }, (_, c) => topText(c))
  }
  if (top.r > 1) notes.push(`表头从第 ${top.r} 行开始；前 ${top.r - 1} 行（标题、说明等）不导入。`)

  const candidates = new Map<FieldKey, { col: number; score: number; header: string }[]>()
  headers.forEach((h, col) => {
    if (!h) return
    // For a grouped header the sub-header decides ("户主信息/姓名" → 姓名); the group name helps only when the sub-header is unknown.
    const parts = h.split('/')
    const m = matchHeader(h.includes('/') ? parts[parts.length - 1] : h) ?? matchHeader(h.replace('/', '')) ?? (parts.length > 1 ? matchHeader(parts[0]) : null)
    if (!m) return
    const list = candidates.get(m.field) ?? []
    list.push({ col, score: m.score, header: h })
    candidates.set(m.field, list)
  })

  const mapping: Partial<Record<FieldKey, ColumnMapping>> = {}
  const used = new Set<number>()
  const fields = Object.keys(HEADER_VARIANTS) as FieldKey[]
  // 1. The editor's explicit choices.
  for (const field of fields) {
    const letter = hints.manual?.[field]
    if (letter === undefined) continue
    if (letter === '') continue
    const col = columnIndex(letter.toUpperCase())
    if (col < 0 || col >= width) {
      issues.push({ severity: 'error', scope: 'file', code: 'mapping.badColumn', field, message: `您为“${FIELD_LABELS[field]}”指定的列“${letter}”在表头行中不存在，请重新选择。` })
      continue
    }
    mapping[field] = { field, col, column: columnLetter(col), header: headers[col] ?? '', how: 'manual' }
    used.add(col)
  }
  // 2. What this region used last time (by header text).
  for (const field of fields) {
    if (mapping[field] || hints.manual?.[field] !== undefined) continue
    const want = hints.remembered?.[field]
    if (!want) continue
    const col = headers.findIndex((h, c) => !used.has(c) && h && normaliseHeader(h) === normaliseHeader(want))
    if (col >= 0) {
      mapping[field] = { field, col, column: columnLetter(col), header: headers[col], how: 'remembered' }
      used.add(col)
    }
  }
  // 3. The dictionary.
  for (const field of fields) {
    if (mapping[field] || hints.manual?.[field] !== undefined) continue
    const list = (candidates.get(field) ?? []).filter((c) => !used.has(c.col)).sort((a, b) => b.score - a.score || a.col - b.col)
    if (!list.length) continue
    const [first, ...rest] = list
    const ties = rest.filter((c) => c.score === first.score && normaliseHeader(c.header) === normaliseHeader(first.header))
    if (ties.length) {
      const cols = [first, ...ties].map((c) => `${columnLetter(c.col)}列`).join('、')
      issues.push({
        severity: 'error',
        scope: 'file',
        code: 'header.duplicate',
        field,
        header: quoteCell(first.header, { max: 30 }),
        column: columnLetter(first.col),
        message: `表头“${quoteCell(first.header)}”出现了 ${ties.length + 1} 次（${cols}），无法确定用哪一列作为“${FIELD_LABELS[field]}”。请删除或改名多余的列后重新导入，或在“列对应”中手动指定。`,
      })
      continue
    }
    mapping[field] = { field, col: first.col, column: columnLetter(first.col), header: first.header, how: first.score >= 900 ? 'exact' : 'similar' }
    used.add(first.col)
    for (const other of rest) {
      if (field === 'no') continue
      issues.push({
        severity: 'warning',
        scope: 'file',
        code: 'header.alternative',
        field,
        header: quoteCell(other.header, { max: 30 }),
        column: columnLetter(other.col),
        message: `“${FIELD_LABELS[field]}”取自 ${columnLetter(first.col)} 列“${quoteCell(first.header)}”；${columnLetter(other.col)} 列“${quoteCell(other.header)}”未导入。如应使用后者，请在“列对应”中改选。`,
      })
    }
  }
  for (const field of required) {
    if (mapping[field] || issues.some((i) => i.code === 'header.duplicate' && i.field === field)) continue
    const names = HEADER_VARIANTS[field].slice(0, 3).map((v) => `“${v}”`).join('')
    issues.push({
      severity: 'error',
      scope: 'file',
      code: 'header.missing',
      field,
      message: `没有找到“${FIELD_LABELS[field]}”列。表头可以写作${names}等；如果文件中这一列用了别的名称，请在“列对应”中手动指定，或把表头改成上述名称之一。`,
    })
  }
  return { headerIndex, headerRowNumber: rows[headerIndex].r, headers, mapping, issues, notes }
}
