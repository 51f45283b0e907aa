// Row-by-row validation of a mapped sheet. Pure: everything it needs from the database (villages,
// the amount ceiling, the approved households) comes in the context. Every problem is reported with
// its spreadsheet row and column and a Chinese message saying what to fix; no message repeats an
// ID number or a phone number: a cell is quoted only after the PII detector (quote.ts) let it through.
import { today as clockToday } from '../domain/clock'
import { chinaDate } from '../domain/dates'
import { hashIdNumber, validateIdNumber } from '../domain/idNumber'
import { maskName } from '../domain/masking'
import { graphemes, toHalfWidth } from '../domain/normalise'
import { findPii, PII_KIND_LABELS } from '../domain/pii'
import type { CategoryRule } from './categories'
import { type ColumnMapping, headerScore } from './headers'
import { IMPORT_LIMITS, fmtInt } from './limits'
import { quoteCell } from './quote'
import { type AmountCap, capCents } from './standards'
import { type CellValue, type FieldKey, type ImportIssue, type MergeRange, type SheetData, FIELD_LABELS, cellText, columnLetter, isErrorCell, isFormula, isLongCell } from './types'
import type { VillageMatcher } from './villages'

export type ValidationContext = {
  target: 'list' | 'notice'
  kind?: 'approved' | 'disbursement'
  regionName: string
  villages: VillageMatcher
  /** The list's region is itself a village: rows without a village belong to it. */
  defaultVillageId?: string
  cap: AmountCap | null
  category: CategoryRule
  /** Keyed hashes of the households in the approved list of the same month (disbursement only). */
  approved?: { hashes: Map<string, number>; title: string } | null
  hashKey: string
  today?: string
  /** Called every few thousand rows: rows checked so far, rows in the sheet. */
  onProgress?: (checked: number, total: number) => void
}

export type ValidRow = {
  rowNumber: number
  headName: string
  idNumber: string | null
  idHash: string | null
  householdSize: number
  amount: number | null
  category: string | null
  villageId: string
  villageName: string
}

export type TotalsCheck = { row: number; persons?: number; amount?: number; households?: number; computed: { households: number; persons: number; amount: number } }

export type ValidationResult = {
  /** Rows without errors, in file order. */
  rows: ValidRow[]
  /** Data rows read (valid or not). */
  dataRows: number
  badRows: number[]
  issues: ImportIssue[]
  totals: TotalsCheck | null
  skipped: { totalsRows: number; subtotalRows: number; footerRows: number; repeatedHeaders: number; otherRows: number }
  upgradedIds: number
}

const TOTAL_RE = /^(?:合\s*计|总\s*计|共\s*计|总合计|全县合计|全镇合计)/
const SUBTOTAL_RE = /^小\s*计/
const FOOTER_RE = /^(?:制表|填表|审核|审批|负责人|经办人|单位负责人|主管领导|分管领导|盖章|备注|注[:：]|说明[:：]|日期|报送|联系电话|打印)/
const INJECTION = /^[=+\-@\t\r]/

type CellCheck = { code: string; message: string }

function cellProblem(v: CellValue): CellCheck | null {
  if (isFormula(v)) {
    if (v.fn === 'HYPERLINK') {
      return { code: 'cell.hyperlink', message: '该单元格是超链接公式（HYPERLINK），不会被执行，也不会被导入。请删除链接，直接填写文字或数值后重新导入。' }
    }
    return {
      code: 'cell.formula',
      message: `该单元格是公式${v.fn ? `（${v.fn}）` : ''}，导入时不会计算，也不会保留公式。请在 Excel 中选中这一列，复制后用“选择性粘贴 → 数值”替换公式，再重新导入。`,
    }
  }
  if (isErrorCell(v)) return { code: 'cell.error', message: `该单元格显示错误值“${quoteCell(v.code)}”（通常是公式引用出错），请改为正确的内容。` }
  if (isLongCell(v)) {
    return {
      code: 'cell.tooLong',
      message: `单元格内容过长（${fmtInt(v.length)} 个字符，上限 ${IMPORT_LIMITS.maxCellChars} 个），可能把多行或整段内容粘贴进了一个单元格。请只保留该项内容。`,
    }
  }
  return null
}

const textOf = (v: CellValue) => cellText(v).trim()

function injectionProblem(text: string): CellCheck | null {
  if (!INJECTION.test(text)) return null
  return {
    code: 'cell.injection',
    message: `内容以“${text[0] === '\t' ? '制表符' : text[0]}”开头，表格软件会把它当作公式执行（可能是恶意的“公式注入”），不能导入。请删除开头的符号，只保留文字。`,
  }
}

export function parseHouseholdSize(v: CellValue): number | CellCheck {
  const bad = { code: 'householdSize.invalid', message: '保障人数应为正整数（如 3），请只填写数字。' }
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) return { code: 'householdSize.notInteger', message: '保障人数应为整数（不能有小数），请核对。' }
    if (v < 1) return { code: 'householdSize.notPositive', message: '保障人数至少为 1，请核对。' }
    if (v > 30) return { code: 'householdSize.tooLarge', message: '保障人数超过 30 人，通常是填错了列或多打了数字，请核对。' }
    return v
  }
  const t = toHalfWidth(textOf(v)).replace(/\s+/g, '').replace(/(人口|人|口)$/, '')
  if (!t) return { code: 'householdSize.missing', message: '保障人数为空，请填写该户享受保障的人数。' }
  if (/^-\d/.test(t)) return { code: 'householdSize.notPositive', message: '保障人数不能为负数，请核对。' }
  if (/^\d+\.0+$/.test(t)) return parseHouseholdSize(Number(t))
  if (!/^\d+$/.test(t)) return /^\d+\.\d+$/.test(t) ? { code: 'householdSize.notInteger', message: '保障人数应为整数（不能有小数），请核对。' } : bad
  return parseHouseholdSize(Number(t))
}

export function parseAmount(v: CellValue): number | CellCheck {
  const check = (n: number): number | CellCheck => {
    if (!Number.isFinite(n)) return { code: 'amount.invalid', message: '金额不是有效的数字，请只填写数字（如 450 或 450.50）。' }
    if (n < 0) return { code: 'amount.negative', message: '金额不能为负数，请核对。' }
    if (Math.abs(n * 100 - Math.round(n * 100)) > 1e-6) return { code: 'amount.decimals', message: '金额最多保留两位小数（到分），请核对。' }
    if (n > 1_000_000) return { code: 'amount.tooLarge', message: '金额超过 100 万元，通常是填错了列或多打了数字，请核对。' }
    return Math.round(n * 100) / 100
  }
  if (typeof v === 'number') return check(v)
  const t = toHalfWidth(textOf(v)).replace(/\s+/g, '').replace(/^[¥￥]/, '').replace(/元$/, '').replace(/,/g, '')
  if (!t) return { code: 'amount.missing', message: '金额为空，请填写该户的金额（元）。' }
  if (/^-/.test(t)) return { code: 'amount.negative', message: '金额不能为负数，请核对。' }
  if (!/^\d+(\.\d+)?$/.test(t)) return { code: 'amount.invalid', message: '金额不是有效的数字，请只填写数字（如 450 或 450.50），不要写文字或单位以外的符号。' }
  return check(Number(t))
}

const fmtYuan = (n: number) => n.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 })

export function validateSheet(sheet: SheetData, headerIndex: number, mapping: Partial<Record<FieldKey, ColumnMapping>>, ctx: ValidationContext): ValidationResult {
  const issues: ImportIssue[] = []
  const rows: ValidRow[] = []
  const badRows = new Set<number>()
  const today = ctx.today ?? clockToday()
  const seenIds = new Map<string, number>()
  const skipped = { totalsRows: 0, subtotalRows: 0, footerRows: 0, repeatedHeaders: 0, otherRows: 0 }
  let upgradedIds = 0
  let dataRows = 0
  const sums = { households: 0, persons: 0, cents: 0 }
  let totals: TotalsCheck | null = null

  const col = (f: FieldKey) => mapping[f]?.col
  const headerOf = (f: FieldKey) => mapping[f]?.header
  const issue = (row: number, field: FieldKey | undefined, c: CellCheck, severity: 'error' | 'warning' = 'error') => {
    issues.push({
      severity,
      scope: 'row',
      code: c.code,
      message: c.message,
      row,
      field,
      column: field ? mapping[field]?.column : undefined,
      header: field && headerOf(field) ? quoteCell(headerOf(field)!, { max: 30 }) : undefined,
    })
    if (severity === 'error') badRows.add(row)
  }

  // Merged cells inside the data: a village/category merged over several rows applies to each of
  // them; a merged name, ID or amount means one household spread over several rows.
  const fillDown = new Map<string, CellValue>()
  const spread = new Map<string, MergeRange>()
  const firstDataRow = sheet.rows[headerIndex]?.r ?? 0
  const rowByNumber = new Map(sheet.rows.map((r) => [r.r, r]))
  for (const m of sheet.merges) {
    if (m.r2 <= firstDataRow || m.r2 === m.r1) continue
    for (const f of ['village', 'township', 'category'] as const) {
      const c = col(f)
      if (c === undefined || c < m.c1 || c > m.c2) continue
      const v = rowByNumber.get(m.r1)?.cells[m.c1] ?? null
      for (let r = Math.max(m.r1 + 1, firstDataRow + 1); r <= m.r2; r++) fillDown.set(`${r}:${c}`, v)
    }
    for (const f of ['headName', 'idNumber', 'householdSize', 'amount'] as const) {
      const c = col(f)
      if (c === undefined || c < m.c1 || c > m.c2) continue
      for (let r = m.r1; r <= m.r2; r++) spread.set(`${r}:${f}`, m)
    }
  }
  const filledNote = new Set<FieldKey>()

  const formulaColumns = new Map<number, number>()
  const hiddenRows: number[] = []
  const mappedCols = new Set(Object.values(mapping).map((m) => m!.col))

  for (let i = headerIndex + 1; i < sheet.rows.length; i++) {
    if (ctx.onProgress && (i - headerIndex) % 5000 === 0) ctx.onProgress(i - headerIndex, sheet.rows.length - headerIndex - 1)
    const sheetRow = sheet.rows[i]
    const r = sheetRow.r
    const cells = sheetRow.cells
    const get = (f: FieldKey): CellValue => {
      const c = col(f)
      if (c === undefined) return null
      const v = cells[c] ?? null
      if ((v === null || v === '') && fillDown.has(`${r}:${c}`)) {
        filledNote.add(f)
        return fillDown.get(`${r}:${c}`) ?? null
      }
      return v
    }
    const firstTexts = [cells[0], cells[1], cells[2], get('no'), get('headName')].map((v) => textOf(v ?? null))
    if (firstTexts.some((t) => TOTAL_RE.test(t))) {
      skipped.totalsRows++
      const numberOf = (f: FieldKey): number | undefined => {
        const v = get(f)
        const n = isFormula(v) ? v.cached : v
        if (typeof n === 'number') return Number.isFinite(n) ? n : undefined
        const t = toHalfWidth(typeof n === 'string' ? n : '').replace(/[\s,]+/g, '').replace(/^[¥￥]/, '').replace(/(元|人|户)$/, '')
        return /^\d+(\.\d+)?$/.test(t) ? Number(t) : undefined
      }
      const countText = firstTexts.concat(cells.map((c) => textOf(c ?? null))).join(' ')
      const hh = /(\d+)\s*户/.exec(toHalfWidth(countText))
      if (totals) {
        issues.push({ severity: 'warning', scope: 'row', code: 'totals.multiple', row: r, message: '文件中有多个“合计”行，只核对最后一个；分组合计请写作“小计”。' })
      }
      totals = { row: r, persons: numberOf('householdSize'), amount: numberOf('amount'), households: hh ? Number(hh[1]) : undefined, computed: { households: 0, persons: 0, amount: 0 } }
      continue
    }
    if (firstTexts.some((t) => SUBTOTAL_RE.test(t))) {
      skipped.subtotalRows++
      continue
    }
    const core = (['headName', 'idNumber', 'householdSize', 'amount'] as const).map((f) => get(f))
    const hasCore = core.some((v) => v !== null && v !== '')
    const rowText = cells.map((c) => textOf(c ?? null)).filter(Boolean)
    if (!hasCore) {
      if (rowText.some((t) => FOOTER_RE.test(t))) skipped.footerRows++
      else if (rowText.length) {
        skipped.otherRows++
        issues.push({ severity: 'warning', scope: 'row', code: 'row.skipped', row: r, message: '这一行没有姓名、身份证号、人数和金额，已跳过（不导入）。如果这是一户，请补全后重新导入。' })
      }
      continue
    }
    if (headerScore(cells) >= 3) {
      skipped.repeatedHeaders++
      continue
    }
    // Signature and note lines ("制表人：… 审核人：… 制表日期：…") carry no household numbers.
    const numberLike = (v: CellValue) => typeof v === 'number' || /^\s*[\d０-９][\d０-９,.\s]*\s*(元|人)?\s*$/.test(textOf(v))
    if (rowText.some((t) => FOOTER_RE.test(t)) && !numberLike(get('householdSize')) && !numberLike(get('amount'))) {
      skipped.footerRows++
      continue
    }
    dataRows++
    if (sheetRow.hidden) hiddenRows.push(r)
    cells.forEach((c, ci) => {
      if (isFormula(c) && !mappedCols.has(ci)) formulaColumns.set(ci, (formulaColumns.get(ci) ?? 0) + 1)
    })

    let ok = true
    const fail = (field: FieldKey, c: CellCheck) => {
      ok = false
      issue(r, field, c)
    }
    const spreadCheck = (field: FieldKey): boolean => {
      const m = spread.get(`${r}:${field}`)
      if (!m) return false
      fail(field, {
        code: 'cell.mergedRows',
        message: `“${FIELD_LABELS[field]}”是跨行合并的单元格（第 ${m.r1}–${m.r2} 行合并）。名单应每户一行：请取消合并，删除家庭成员明细行，只保留户主所在行后重新导入。`,
      })
      return true
    }

    // 户主姓名
    let headName = ''
    {
      const v = get('headName')
      const p = cellProblem(v)
      if (spreadCheck('headName')) {
        /* reported */
      } else if (p) fail('headName', p)
      else {
        const raw = textOf(v)
        const name = raw.replace(/[\s\u00a0\u3000]+/g, '')
        const inj = injectionProblem(raw)
        if (!name) fail('headName', { code: 'headName.missing', message: '户主姓名为空，请填写户主（申请人）姓名。' })
        else if (inj) fail('headName', inj)
        else if (/[0-9０-９]/.test(name)) fail('headName', { code: 'headName.digits', message: '姓名中含有数字，可能误填了电话号码或证件号码。请只填写户主姓名。' })
        else if (graphemes(name).length > 30) fail('headName', { code: 'headName.tooLong', message: '姓名超过 30 个字，请核对是否把其他内容填进了姓名列。' })
        else {
          try {
            maskName(name)
            headName = name
          } catch (err) {
            fail('headName', { code: 'headName.invalid', message: (err as Error).message })
          }
        }
      }
    }

    // 身份证号
    let idNumber: string | null = null
    let idHash: string | null = null
    const checkId = (raw: string): string | null => {
      const res = validateIdNumber(raw, { today })
      if (!res.ok) {
        fail('idNumber', { code: `idNumber.${res.reason}`, message: res.message })
        return null
      }
      if (res.upgradedFrom15) upgradedIds++
      const first = seenIds.get(res.id18)
      if (first !== undefined) {
        fail('idNumber', { code: 'idNumber.duplicate', message: `身份证号与第 ${first} 行重复。同一户在名单中只能出现一次：请删除重复的行，或核对号码是否录错。` })
        return null
      }
      seenIds.set(res.id18, r)
      return res.id18
    }
    if (col('idNumber') !== undefined) {
      const v = get('idNumber')
      const p = cellProblem(v)
      const required = ctx.target === 'list'
      if (spreadCheck('idNumber')) {
        /* reported */
      } else if (p) fail('idNumber', p)
      else if (typeof v === 'number') {
        if (Number.isInteger(v) && v >= 1e14 && v < 1e15) {
          idNumber = checkId(String(v))
        } else {
          fail('idNumber', {
            code: 'idNumber.storedAsNumber',
            message: '身份证号被 Excel 存成了数字，后几位已变成 0 或被四舍五入，无法还原。请把该列设置为“文本”格式后重新填写（或从系统重新导出），再导入。',
          })
        }
      } else {
        const raw = textOf(v)
        if (!raw) {
          if (required) fail('idNumber', { code: 'idNumber.missing', message: '身份证号为空。名单中每户都要有户主身份证号（用于核对和逐月比对，不会公开），请补填。' })
        } else idNumber = checkId(raw)
      }
      if (idNumber) idHash = hashIdNumber(idNumber, ctx.hashKey)
    }

    // 保障人数
    let householdSize = 0
    {
      const v = get('householdSize')
      const p = cellProblem(v)
      if (spreadCheck('householdSize')) {
        /* reported */
      } else if (p) fail('householdSize', p)
      else {
        const n = parseHouseholdSize(v)
        if (typeof n === 'number') {
          householdSize = n
          sums.persons += n
        } else fail('householdSize', n)
      }
    }

    // 金额
    let amount: number | null = null
    if (col('amount') !== undefined) {
      const v = get('amount')
      const p = cellProblem(v)
      const empty = v === null || textOf(v) === ''
      if (spreadCheck('amount')) {
        /* reported */
      } else if (p) fail('amount', p)
      else if (empty && ctx.target === 'notice') amount = null
      else {
        const n = parseAmount(v)
        if (typeof n === 'number') {
          amount = n
          sums.cents += Math.round(n * 100)
          if (ctx.cap && householdSize > 0) {
            const limit = capCents(ctx.cap, householdSize)
            if (Math.round(n * 100) > limit) {
              fail('amount', {
                code: 'amount.overStandard',
                message: `金额 ${fmtYuan(n)} 元超过保障标准上限：${ctx.cap.description}，${householdSize} 人最多 ${fmtYuan(limit / 100)} 元。请核对金额或保障人数。`,
              })
            }
          }
          if (n === 0 && ctx.target === 'list') issue(r, 'amount', { code: 'amount.zero', message: '金额为 0 元，请确认该户本月确实不发放（不发放的户通常不应列入名单）。' }, 'warning')
        } else fail('amount', n)
      }
    }

    // 村（社区）
    let villageId = ctx.defaultVillageId ?? ''
    let villageName = ''
    if (col('village') !== undefined) {
      const v = get('village')
      const p = cellProblem(v)
      const raw = textOf(v)
      if (p) fail('village', p)
      else if (!raw) {
        if (!ctx.defaultVillageId) fail('village', { code: 'village.missing', message: '村（社区）为空，请填写该户所在的村（社区）名称或区划代码。' })
      } else {
        const inj = injectionProblem(raw)
        if (inj) fail('village', inj)
        else {
          const m = ctx.villages.match(raw, textOf(get('township')) || undefined)
          if (m.ok) {
            villageId = m.village.id
            villageName = m.village.name
          } else if (m.reason === 'ambiguous') {
            fail('village', {
              code: 'village.ambiguous',
              message: `有 ${m.candidates.length} 个村（社区）都叫“${quoteCell(raw)}”（分属${[...new Set(m.candidates.map((c) => c.townshipName ?? ''))].join('、')}），无法确定是哪一个。请在“乡镇”列注明，或改填村（社区）的区划代码。`,
            })
          } else {
            fail('village', {
              code: 'village.notFound',
              message: `“${quoteCell(raw, { today })}”不是${ctx.regionName}下的村（社区）。${m.suggestion ? `是否为 ${m.suggestion.name}？` : ''}请核对名称是否有错别字，或改填区划代码；如确是新设立的村（社区），请管理员先在“行政区划”中添加。`,
            })
          }
        }
      }
    } else if (!ctx.defaultVillageId) ok = false

    // 类别/档次
    let category: string | null = null
    if (col('category') !== undefined) {
      const v = get('category')
      const p = cellProblem(v)
      const raw = textOf(v)
      if (p) fail('category', p)
      else if (raw) {
        const inj = injectionProblem(raw)
        const pii = findPii(raw)
        if (inj) fail('category', inj)
        else if (raw.length > 30) fail('category', { code: 'category.tooLong', message: '类别/档次超过 30 个字，请只填写类别名称（如“一类”“集中供养”）。' })
        else if (pii.length) {
          fail('category', { code: 'category.pii', message: `类别/档次中含有疑似${PII_KIND_LABELS[pii[0].kind]}的内容，这一列会公开，不能包含个人信息。请只填写类别名称。` })
        } else if (!ctx.category.check(raw)) {
          fail('category', {
            code: 'category.unknown',
            message: `类别/档次“${quoteCell(raw, { max: 30, today })}”不是本救助类别可用的值。可以填写：${ctx.category.examples.join('、')} 等；不分档次时请留空。`,
          })
        } else category = raw.replace(/[\s\u00a0\u3000]+/g, '')
      }
    }

    // 发放名单与审批名单核对
    if (ok && idHash && ctx.kind === 'disbursement' && ctx.approved) {
      const approvedAmount = ctx.approved.hashes.get(idHash)
      if (approvedAmount === undefined) {
        fail('idNumber', {
          code: 'crossCheck.notApproved',
          message: `该户不在同月已发布的救助对象名单（${ctx.approved.title}）中。发放名单中的每一户都必须先经审批：请核对身份证号，或先把该户列入救助对象名单并发布。`,
        })
      } else if (amount !== null && Math.round(approvedAmount * 100) !== Math.round(amount * 100)) {
        issue(r, 'amount', { code: 'crossCheck.amountDiffers', message: `发放金额 ${fmtYuan(amount)} 元与救助对象名单中的保障金额 ${fmtYuan(approvedAmount)} 元不一致，请确认（如补发、扣减）。` }, 'warning')
      }
    }

    sums.households++
    if (ok) rows.push({ rowNumber: r, headName, idNumber, idHash, householdSize, amount, category, villageId, villageName })
    else badRows.add(r)
  }

  for (const f of filledNote) {
    issues.push({
      severity: 'warning',
      scope: 'file',
      code: 'cell.mergedFilled',
      field: f,
      column: mapping[f]?.column,
      message: `“${FIELD_LABELS[f]}”列有跨行合并的单元格，已把合并单元格的内容用于其中的每一行，请在预览中核对。`,
    })
  }
  for (const [c, n] of formulaColumns) {
    issues.push({
      severity: 'warning',
      scope: 'file',
      code: 'cell.formulaIgnored',
      column: columnLetter(c),
      message: `${columnLetter(c)} 列有 ${fmtInt(n)} 个公式单元格。这一列不导入，公式不会被执行，也不会被保存。`,
    })
  }
  if (hiddenRows.length) {
    const shown = hiddenRows.slice(0, 20).join('、')
    issues.push({
      severity: 'warning',
      scope: 'file',
      code: 'row.hidden',
      message: `第 ${shown}${hiddenRows.length > 20 ? ` 等 ${fmtInt(hiddenRows.length)}` : ''} 行在 Excel 中是隐藏的，但仍会导入。如果这些行不应导入，请删除后重新上传。`,
    })
  }
  if (totals) {
    const t: TotalsCheck = totals
    t.computed = { households: sums.households, persons: sums.persons, amount: sums.cents / 100 }
    const problems: string[] = []
    if (t.households !== undefined && t.households !== sums.households) problems.push(`户数写的是 ${fmtInt(t.households)} 户，实际有 ${fmtInt(sums.households)} 户`)
    if (t.persons !== undefined && t.persons !== sums.persons) problems.push(`人数合计写的是 ${fmtInt(t.persons)} 人，各行相加为 ${fmtInt(sums.persons)} 人`)
    if (t.amount !== undefined && Math.round(t.amount * 100) !== sums.cents) {
      problems.push(`金额合计写的是 ${fmtYuan(t.amount)} 元，各行相加为 ${fmtYuan(sums.cents / 100)} 元（相差 ${fmtYuan(Math.abs(Math.round(t.amount * 100) - sums.cents) / 100)} 元）`)
    }
    if (problems.length) {
      const partial = badRows.size ? '（有错误的行中无法识别的数值未计入）' : ''
      issues.push({
        severity: 'error',
        scope: 'row',
        code: 'totals.mismatch',
        row: t.row,
        message: `“合计”行与明细不符：${problems.join('；')}${partial}。可能有行被遗漏、重复或录错，请核对。`,
      })
    }
  }
  return { rows, dataRows, badRows: [...badRows].sort((a, b) => a - b), issues, totals, skipped, upgradedIds }
}
