// The one personal-data detector: CMS save hooks, the export gate and the release scan all call it,
// so "does this look like personal data" is decided in one place.
//
// The text is first normalised index-for-index (full-width → half-width, odd spaces and dashes →
// ASCII), so a finding's index/length point into the ORIGINAL text. A finding never carries the
// raw value: `hint` is a masked excerpt, safe for logs and error messages.
import { today as clockToday } from './clock'
import { idCheckDigit, isPlausibleRegion } from './idNumber'
import { maskName } from './masking'
import { normaliseForScan } from './normalise'

export type PiiKind =
  | 'idNumber'
  | 'idNumber15'
  | 'mobile'
  | 'landline'
  | 'bankCard'
  | 'email'
  | 'address'
  | 'knownValue'

export type PiiFinding = { kind: PiiKind; index: number; length: number; hint: string }

export type PiiOptions = {
  /** Raw values that must never appear (names ≥ 2 characters, ID numbers …), or a prebuilt index. */
  knownValues?: Iterable<string> | KnownValueIndex
  /**
   * Values that are public on purpose — the bureau's own 咨询电话/监督电话, office address, e-mail.
   * A finding is dropped when its value is contained in one of these (compared without spaces,
   * dashes, parentheses).
   */
  allow?: Iterable<string>
  /** Bounds the birth date of ID numbers (default: today in China). */
  today?: string
}

export const PII_KIND_LABELS: Record<PiiKind, string> = {
  idNumber: '身份证号',
  idNumber15: '15位旧身份证号',
  mobile: '手机号',
  landline: '固定电话号码',
  bankCard: '银行卡号',
  email: '电子邮箱地址',
  address: '详细住址（门牌号）',
  knownValue: '名单中的真实姓名或证件号',
}

// Overlapping candidates: the more specific kind wins.
const PRIORITY: Record<PiiKind, number> = {
  idNumber: 0,
  idNumber15: 1,
  bankCard: 2,
  mobile: 3,
  landline: 4,
  email: 5,
  knownValue: 6,
  address: 7,
}

type Candidate = PiiFinding & { value: string }

// ---------------------------------------------------------------------------------------------
// Known raw values

// Spaces typed between the characters of a Chinese name ("张 三", "欧阳 娜娜") are typing noise:
// known names are looked for in the text with such spaces (1–3 between two Chinese characters)
// taken out, positions mapped back. A plain loop: this runs over every byte of a release.
const isCjkUnit = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd840 && c <= 0xdfff)

/** The end of a run of 1–3 spaces at `i` between two Chinese characters, or -1. */
function nameSpaceRunEnd(norm: string, i: number): number {
  if (i === 0 || !isCjkUnit(norm.charCodeAt(i - 1))) return -1
  let j = i
  while (j < norm.length && j - i < 4 && norm.charCodeAt(j) === 32) j++
  return j - i <= 3 && j < norm.length && isCjkUnit(norm.charCodeAt(j)) ? j : -1
}

/** The text without spaces between Chinese characters, and for each of its positions the original index. */
function squeezeNameSpaces(norm: string): { text: string; at: (i: number) => number } {
  let first = -1
  for (let i = norm.indexOf(' '); i !== -1; i = norm.indexOf(' ', i + 1)) {
    if (nameSpaceRunEnd(norm, i) !== -1) {
      first = i
      break
    }
  }
  if (first === -1) return { text: norm, at: (i) => i }
  const map = new Int32Array(norm.length + 1)
  const parts: string[] = []
  let n = 0
  let from = 0
  for (let i = first; i !== -1 && i < norm.length; ) {
    const end = nameSpaceRunEnd(norm, i)
    if (end === -1) {
      i = norm.indexOf(' ', i + 1)
      continue
    }
    parts.push(norm.slice(from, i))
    for (let k = from; k < i; k++) map[n++] = k
    from = end
    i = norm.indexOf(' ', end)
  }
  parts.push(norm.slice(from))
  for (let k = from; k < norm.length; k++) map[n++] = k
  map[n] = norm.length
  return { text: parts.join(''), at: (i) => map[i] }
}

/** Known-value matches in normalised text, with spaces inside names ignored; positions in `norm`. */
function knownMatches(norm: string, index: KnownValueIndex): Array<{ index: number; length: number; value: string }> {
  if (index.size === 0) return []
  const sq = squeezeNameSpaces(norm)
  const out: Array<{ index: number; length: number; value: string }> = []
  for (const m of index.find(sq.text)) {
    if (!knownValueCounts(sq.text, m.index, m.value)) continue
    const start = sq.at(m.index)
    const end = sq.at(m.index + m.value.length - 1) + 1
    out.push({ index: start, length: end - start, value: m.value })
  }
  return out
}

/**
 * Bumped whenever what the detector finds changes: the publish gate's persisted memory of checked
 * files (cms/publish/gateMemory.ts) is void under another version.
 */
export const PII_DETECTOR_VERSION = 2

/**
 * Prebuilt lookup of raw values; build once when scanning many texts against one list.
 * Keyed by the first two characters, then one hash set per value length (longest first): the cost
 * at a position is the number of distinct lengths, never the number of values. Every ID number of a
 * county shares its first two digits, and so does every village code in the site's links; a plain
 * list per prefix made each such position compare against every ID number held (quadratic in the
 * data: the 33-minute release after an import benchmark of issue 19).
 */
export class KnownValueIndex {
  private readonly byPrefix = new Map<string, Array<{ length: number; values: Set<string> }>>()
  private count = 0
  constructor(values: Iterable<string>) {
    for (const raw of values) {
      if (typeof raw !== 'string') continue
      const v = squeezeNameSpaces(normaliseForScan(raw).trim()).text
      if (Array.from(v).length < 2) continue
      const key = v.slice(0, 2)
      let buckets = this.byPrefix.get(key)
      if (!buckets) this.byPrefix.set(key, (buckets = []))
      let bucket = buckets.find((b) => b.length === v.length)
      if (!bucket) {
        buckets.push((bucket = { length: v.length, values: new Set() }))
        buckets.sort((a, b) => b.length - a.length)
      }
      if (bucket.values.has(v)) continue
      bucket.values.add(v)
      this.count++
    }
  }
  get size(): number {
    return this.count
  }
  /** Matches in already-normalised text: longest value at each position. */
  find(norm: string): Array<{ index: number; value: string }> {
    const out: Array<{ index: number; value: string }> = []
    if (this.byPrefix.size === 0) return out
    for (let i = 0; i + 1 < norm.length; i++) {
      const buckets = this.byPrefix.get(norm.slice(i, i + 2))
      if (!buckets) continue
      for (const b of buckets) {
        if (i + b.length > norm.length) continue
        const candidate = norm.slice(i, i + b.length)
        if (b.values.has(candidate)) {
          out.push({ index: i, value: candidate })
          break
        }
      }
    }
    return out
  }
}

/** Known raw values only (no pattern detectors), with the same two-character rule as findPii. */
export function findKnownValues(text: string, index: KnownValueIndex): PiiFinding[] {
  if (!text || index.size === 0) return []
  const norm = normaliseForScan(String(text))
  return knownMatches(norm, index).map((m) => ({ kind: 'knownValue' as const, index: m.index, length: m.length, hint: hintFor({ kind: 'knownValue', ...m, hint: '' }, norm) }))
}

export function buildKnownValueIndex(values: Iterable<string>): KnownValueIndex {
  return new KnownValueIndex(values)
}

// ---------------------------------------------------------------------------------------------
// Numbers written as digit groups: IDs, mobiles, bank cards

type Group = { start: number; end: number; text: string }

// A run of digit groups joined by short space/dash separators; an ID may end in X.
const DIGIT_RUN = /\d+(?:[ -]{1,3}\d+)*(?:[Xx](?![A-Za-z0-9]))?/g
const GROUP = /\d+(?:[Xx])?/g

function luhnOk(d: string): boolean {
  let sum = 0
  let dbl = false
  for (let i = d.length - 1; i >= 0; i--) {
    let n = d.charCodeAt(i) - 48
    if (dbl) {
      n *= 2
      if (n > 9) n -= 9
    }
    sum += n
    dbl = !dbl
  }
  return sum % 10 === 0
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
}

function isId18(d: string, today: string): boolean {
  if (!/^\d{17}[\dX]$/.test(d) || !isPlausibleRegion(d.slice(0, 6))) return false
  const y = Number(d.slice(6, 10))
  const m = Number(d.slice(10, 12))
  const day = Number(d.slice(12, 14))
  if (y < 1900 || !isRealDate(y, m, day)) return false
  if (`${d.slice(6, 10)}-${d.slice(10, 12)}-${d.slice(12, 14)}` > today) return false
  return idCheckDigit(d.slice(0, 17)) === d[17]
}

function isId15(d: string): boolean {
  if (!/^\d{15}$/.test(d) || !isPlausibleRegion(d.slice(0, 6))) return false
  return isRealDate(1900 + Number(d.slice(6, 8)), Number(d.slice(8, 10)), Number(d.slice(10, 12)))
}

/**
 * An 18-digit number with an ID's region and date layout but a broken check digit or date is a
 * mistyped ID number, not a bank card (1 in 10 such numbers would pass Luhn by chance).
 */
function idShaped(d: string): boolean {
  return isPlausibleRegion(d.slice(0, 6)) && /^(?:18|19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/.test(d.slice(6, 14))
}

function isMobile(d: string): boolean {
  return /^1[3-9]\d{9}$/.test(d)
}

// Issuer prefixes seen on cards in China: 62 UnionPay, 4 Visa, 5 and 2221–2720 Mastercard,
// 3 JCB/Amex, 95 old domestic debit cards (9558…). Excludes 0/1/7/8, other 9x (our fictional
// 99 region) and date-like 19xx/20xx starts.
function cardPrefixOk(d: string): boolean {
  if (/^(?:[3456]|95)/.test(d)) return true
  const p4 = Number(d.slice(0, 4))
  return p4 >= 2221 && p4 <= 2720
}

const PHONE_LABEL = /(?:tel|phone|mobile|mob|cell|fax)$/i

function digitCandidates(norm: string, today: string): Candidate[] {
  const out: Candidate[] = []
  for (const run of norm.matchAll(DIGIT_RUN)) {
    const runStart = run.index
    const runText = run[0]
    const runEnd = runStart + runText.length
    const groups: Group[] = []
    for (const g of runText.matchAll(GROUP)) {
      groups.push({ start: runStart + g.index, end: runStart + g.index + g[0].length, text: g[0].toUpperCase() })
    }
    // A run glued to letters (serial numbers like SN123…) or to a decimal point (amounts) cannot
    // start or end a finding at that side. Commas do not block: CSV rows put IDs between commas.
    const before = norm[runStart - 1] ?? ''
    const before2 = norm[runStart - 2] ?? ''
    const after = norm[runEnd] ?? ''
    const after2 = norm[runEnd + 1] ?? ''
    // …except a phone label glued to the number: Tel13812345678, Mobile13812345678.
    const labelled = PHONE_LABEL.test(norm.slice(Math.max(0, runStart - 6), runStart))
    const blockFirst = (/[A-Za-z]/.test(before) && !labelled) || (before === '.' && /\d/.test(before2))
    // A run followed by '@' is an e-mail's local part (13900001234@139.com): the e-mail finding covers it.
    const blockLast = /[A-Za-z@]/.test(after) || (after === '.' && /\d/.test(after2))
    const plusBefore = before === '+'

    for (let a = 0; a < groups.length; a++) {
      if (a === 0 && blockFirst) continue
      let digits = ''
      for (let b = a; b < groups.length && b < a + 8; b++) {
        digits += groups[b].text
        if (digits.length > 22) break
        if (b === groups.length - 1 && blockLast) continue
        const hasX = digits.includes('X')
        if (hasX && !digits.endsWith('X')) break
        const n = b - a + 1
        const index = groups[a].start
        const length = groups[b].end - index
        const L = digits.length
        if (L === 18 && isId18(digits, today)) {
          out.push({ kind: 'idNumber', index, length, value: digits, hint: '' })
          continue
        }
        if (hasX) continue
        if (L === 15 && n <= 3 && isId15(digits)) {
          out.push({ kind: 'idNumber15', index, length, value: digits, hint: '' })
        }
        // Mobile: 11 digits in at most three groups (138 1234 5678), optionally after 86 / 0086.
        const firstIsPrefix = (groups[a].text === '86' || groups[a].text === '0086') && n >= 2
        const core = firstIsPrefix ? digits.slice(groups[a].text.length) : digits
        const coreGroups = firstIsPrefix ? n - 1 : n
        const coreFirstLen = firstIsPrefix ? groups[a + 1].text.length : groups[a].text.length
        if (core.length === 11 && coreGroups <= 3 && coreFirstLen >= 3 && isMobile(core)) {
          const withPlus = firstIsPrefix && a === 0 && plusBefore ? 1 : 0
          out.push({ kind: 'mobile', index: index - withPlus, length: length + withPlus, value: core, hint: '' })
        } else if (n === 1 && L === 13 && plusBefore && a === 0 && digits.startsWith('86') && isMobile(digits.slice(2))) {
          out.push({ kind: 'mobile', index: index - 1, length: length + 1, value: digits.slice(2), hint: '' })
        } else if (n === 1 && L === 15 && digits.startsWith('0086') && isMobile(digits.slice(4))) {
          out.push({ kind: 'mobile', index, length, value: digits.slice(4), hint: '' })
        }
        // Bank card: 16–19 digits, Luhn, a plausible issuer, written whole, in fours, or 6 + rest.
        if (L >= 16 && L <= 19 && cardPrefixOk(digits) && luhnOk(digits) && !(L === 18 && idShaped(digits))) {
          const lens = groups.slice(a, b + 1).map((g) => g.text.length)
          const inFours = lens.slice(0, -1).every((x) => x === 4) && lens[lens.length - 1] <= 4
          const sixThenRest = n === 2 && lens[0] === 6
          if (n === 1 || inFours || sixThenRest) out.push({ kind: 'bankCard', index, length, value: digits, hint: '' })
        }
      }
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Landlines, e-mail, addresses (regular expressions over the normalised text)

const AREA3 = '(?:010|02\\d)'
const AREA4 = '(?:0[3-9]\\d{2})'
const LANDLINE = new RegExp(
  '(?<!\\d)(?:(?<=tel|Tel|TEL|fax|Fax|FAX|phone|Phone|PHONE)|(?<![A-Za-z]))(?<!\\d[ -])((?:' +
    `(?:\\(\\s?${AREA3}\\s?\\)|${AREA3})\\s?-?\\s?[2-9]\\d{3}[ -]?\\d{4}` +
    '|' +
    `(?:\\(\\s?${AREA4}\\s?\\)|${AREA4})\\s?-?\\s?[2-9]\\d{2,3}[ -]?\\d{4}` +
    '))(?:\\s?(?:转|分机|ext\\.?|x|-)\\s?\\d{1,6})?(?![\\dA-Za-z])',
  'g',
)

const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![A-Za-z0-9-])/g

const HAN = '[\\u3400-\\u9fff]'
const CN = '[一二三四五六七八九十百零〇两]{1,4}'
const NUM = `(?:\\d{1,4}|${CN})`
const DOOR = `(?:\\d{1,5}|${CN})`
// 村 and the other words for a village or lane that addresses end in (王家庄, 李家屯, 平安里);
// 里 not after 月/公/这/那/哪/心/夜 (月里五号, 公里, 这里).
const VILLAGE = '(?:村|屯|庄|(?<![月公这那哪心夜])里)'
const ROOM_TAIL = `(?:\\s*(?:院|楼))?(?:\\s*(?:\\d{1,5}|[A-Za-z]|${CN})\\s*(?:号楼|栋|幢|座|单元|层|楼|室|号|户))*`
// Each pattern needs a street, building, door-plate or village-group structure around the number,
// so 文号 (民发〔2021〕57号), 第24条, dates (11月5号) and 3号窗口 never match.
const ADDRESS_PATTERNS: RegExp[] = [
  // 人民路88号, 解放大道12-3号, 长乐路88弄3号, 幸福巷5号院3号楼201室
  new RegExp(
    `${HAN}{1,4}(?:路|街|巷|弄|胡同|大道|大街)\\s*(?:\\d{1,5}\\s*(?:弄|支弄|巷)\\s*)?${DOOR}(?:\\s*[-之]\\s*\\d{1,4})?\\s*号${ROOM_TAIL}`,
    'g',
  ),
  // 3号楼2单元501室, 5栋1203室, A座1203室, 三栋二单元
  new RegExp(
    `(?:\\d{1,4}|[A-Za-z]|${CN})\\s*(?:号楼|栋|幢|座)\\s*(?:${NUM}\\s*单元(?:\\s*\\d{2,5}\\s*(?:室|房|号|户)?)?|\\d{2,5}\\s*(?:室|房|户))`,
    'g',
  ),
  // 2单元501室
  new RegExp(`${NUM}\\s*单元\\s*\\d{2,5}\\s*(?:室|房|号|户)?`, 'g'),
  // 门牌号12号, 门牌：15
  /门牌(?:号码|号)?\s*[:为是]?\s*\d{1,5}(?:\s*[-之]\s*\d{1,4})?\s*号?/g,
  // 张家村3组12号, 李庄村12号, 王家庄十二号, 李家屯5号, 平安里8号
  new RegExp(`${HAN}{1,4}${VILLAGE}\\s*(?:第?${NUM}\\s*(?:村民小组|组|社|队)\\s*)?${DOOR}\\s*号${ROOM_TAIL}`, 'g'),
  // 五组12号, 第3村民小组8号, 三组十二号
  new RegExp(`第?${NUM}\\s*(?:村民小组|组|社|队)\\s*${DOOR}\\s*号`, 'g'),
  // 幸福小区3-2-501
  new RegExp(`(?:小区|花园|公寓|家园|新村|大厦|苑|社区)\\s*\\d{1,3}\\s*-\\s*\\d{1,2}\\s*-\\s*\\d{2,4}(?:\\s*(?:室|号))?`, 'g'),
]

// 138.1234.5678 (also after 86): the dots stand where spaces or dashes usually are.
const DOTTED_MOBILE = /(?<![\d.])(?:\+?86[. ]?)?1[3-9]\d\.\d{4}\.\d{4}(?!\.?\d)/g
// A local number without area code right after a phone word: 电话 62345678, 联系电话：8765432.
const LOCAL_NUMBER = /(?:电话|手机|座机|联系方式|号码|热线)\s*[:：]?\s*(?:是|为)?\s*([2-9]\d{6,7})(?![\d])/dg

function regexCandidates(norm: string): Candidate[] {
  const out: Candidate[] = []
  for (const m of norm.matchAll(DOTTED_MOBILE)) {
    const digits = m[0].replace(/\D/g, '')
    out.push({ kind: 'mobile', index: m.index, length: m[0].length, value: digits.slice(-11), hint: '' })
  }
  for (const m of norm.matchAll(LOCAL_NUMBER)) {
    const [start, end] = m.indices![1]
    out.push({ kind: 'landline', index: start, length: end - start, value: m[1], hint: '' })
  }
  for (const m of norm.matchAll(LANDLINE)) {
    // value: area code + number without the extension (what an allow-list entry would contain)
    out.push({ kind: 'landline', index: m.index, length: m[0].length, value: m[1].replace(/\D/g, ''), hint: '' })
  }
  for (const m of norm.matchAll(EMAIL)) {
    out.push({ kind: 'email', index: m.index, length: m[0].length, value: m[0].toLowerCase(), hint: '' })
  }
  for (const re of ADDRESS_PATTERNS) {
    for (const m of norm.matchAll(re)) {
      out.push({ kind: 'address', index: m.index, length: m[0].length, value: compact(m[0]), hint: '' })
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Hints (masked excerpts)

function hintFor(c: Candidate, norm: string): string {
  const v = c.value
  switch (c.kind) {
    case 'idNumber':
      return `${v.slice(0, 4)}${'*'.repeat(10)}${v.slice(-4)}`
    case 'idNumber15':
      return `${v.slice(0, 4)}${'*'.repeat(7)}${v.slice(-4)}`
    case 'mobile':
      return `${v.slice(0, 3)}****${v.slice(-4)}`
    case 'bankCard':
      return `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}`
    case 'landline': {
      const area = /^0(?:10|2\d)/.test(v) ? v.slice(0, 3) : v.slice(0, 4)
      const rest = v.length - area.length
      return `${area}-${'*'.repeat(Math.max(0, rest - 2))}${v.slice(-2)}`
    }
    case 'email': {
      const at = v.indexOf('@')
      return `${v[0]}***${v.slice(at)}`
    }
    case 'address': {
      const text = norm.slice(c.index, c.index + c.length)
      const masked = text.replace(/[0-9一二三四五六七八九十百零〇两]/g, '*').replace(/\s+/g, '')
      return Array.from(masked).slice(0, 30).join('')
    }
    case 'knownValue': {
      if (/^[\dX]+$/i.test(v)) {
        const keep = v.length >= 12 ? 4 : v.length >= 6 ? 2 : 0
        return keep ? `${v.slice(0, keep)}${'*'.repeat(v.length - 2 * keep)}${v.slice(-keep)}` : '*'.repeat(v.length)
      }
      try {
        return maskName(v)
      } catch {
        return '*'.repeat(Array.from(v).length)
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * UUIDs and long hex identifiers (database ids, hashes) are not personal data, but their digit runs
 * can look like a phone or a landline ("…-0905-4612…"). A hex run counts as an identifier only when it
 * holds a letter a–f, so a bank-card number (digits only) is still found.
 */
const UUID = /(?<![0-9A-Za-z])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9A-Za-z])/gi
const HEX_ID = /(?<![0-9A-Za-z])(?=[0-9a-f]*[a-f])[0-9a-f]{16,}(?![0-9A-Za-z])/gi
export function maskMachineIdentifiers(text: string): string {
  return text.replace(UUID, (m) => 'x'.repeat(m.length)).replace(HEX_ID, (m) => 'x'.repeat(m.length))
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}·]/u
const HOUSEHOLD_AFTER = /^(家|户|一家|同志|先生|女士|老人|夫妇|之[妻夫子女父母])/
const HOUSEHOLD_BEFORE = /(户主|申请人|姓名|村民|居民|对象|户名|名叫|叫做|[:：])$/

/**
 * A raw value held for a list or notice counts wherever it appears — except a two-character name
 * inside running Chinese text, where it is as likely an ordinary word (“提高金额” holds the name
 * 高金). Such a name counts when it stands on its own (a table cell, a JSON string, a CSV field:
 * no Chinese character on either side) or in a household context (“…家”, “户主…”).
 */
function knownValueCounts(text: string, index: number, value: string): boolean {
  if (/\d/.test(value) || Array.from(value).length >= 3) return true
  const before = text.slice(Math.max(0, index - 4), index)
  const after = text.slice(index + value.length, index + value.length + 4)
  const prev = Array.from(before).at(-1) ?? ''
  const next = Array.from(after)[0] ?? ''
  if (!CJK.test(prev) && !CJK.test(next)) return true
  return HOUSEHOLD_AFTER.test(after) || HOUSEHOLD_BEFORE.test(before)
}

function compact(s: string): string {
  return normaliseForScan(s).replace(/[\s\-()（）+]/g, '').toLowerCase()
}

function overlaps(a: PiiFinding, b: PiiFinding): boolean {
  return a.index < b.index + b.length && b.index < a.index + a.length
}

/** Every place in `text` that looks like personal data, in text order, without overlaps. */
export function findPii(text: string, opts: PiiOptions = {}): PiiFinding[] {
  if (!text) return []
  const norm = normaliseForScan(String(text))
  const today = opts.today ?? clockToday()
  // Pattern detectors look past machine identifiers (same length, so positions still match).
  const patterns = maskMachineIdentifiers(norm)
  const candidates: Candidate[] = [...digitCandidates(patterns, today), ...regexCandidates(patterns)]
  if (opts.knownValues) {
    const index = opts.knownValues instanceof KnownValueIndex ? opts.knownValues : new KnownValueIndex(opts.knownValues)
    for (const m of knownMatches(norm, index)) candidates.push({ kind: 'knownValue', ...m, hint: '' })
  }
  const allowed = opts.allow ? [...opts.allow].map(compact).filter((s) => s.length > 0) : []
  const kept = allowed.length
    ? candidates.filter((c) => {
        const v = compact(c.value)
        return !allowed.some((a) => a.includes(v))
      })
    : candidates
  kept.sort((x, y) => PRIORITY[x.kind] - PRIORITY[y.kind] || y.length - x.length || x.index - y.index)
  const accepted: Candidate[] = []
  for (const c of kept) if (!accepted.some((a) => overlaps(a, c))) accepted.push(c)
  accepted.sort((x, y) => x.index - y.index)
  return accepted.map((c) => ({ kind: c.kind, index: c.index, length: c.length, hint: hintFor(c, norm) }))
}

function position(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index)
  const lines = before.split('\n')
  return { line: lines.length, column: Array.from(lines[lines.length - 1]).length + 1 }
}

/**
 * Chinese explanation for a person: where (line and character, counted as people count them, when
 * the text is given), what, the masked hint, and what to do.
 */
export function describeFinding(f: PiiFinding, text?: string): string {
  let where = `第${f.index + 1}个字符处`
  if (text !== undefined) {
    const { line, column } = position(text, f.index)
    where = text.includes('\n') ? `第${line}行第${column}个字符处` : `第${column}个字符处`
  }
  return `${where}疑似${PII_KIND_LABELS[f.kind]}（已打码：${f.hint}），请删除或改写后再发布`
}

export type PiiScan = { ok: boolean; findings: PiiFinding[]; messages: string[] }

export function scanForPii(text: string, opts: PiiOptions = {}): PiiScan {
  const findings = findPii(text, opts)
  return { ok: findings.length === 0, findings, messages: findings.map((f) => describeFinding(f, text)) }
}

export type PiiObjectFinding = { path: string; finding: PiiFinding; message: string }

/**
 * Scans every string inside a JSON-like value (export snapshot, document data); `path` names the
 * field as `households[3].headName`. Object keys are scanned too (a key could be a raw value).
 */
export function findPiiInObject(value: unknown, opts: PiiOptions = {}, rootPath = ''): PiiObjectFinding[] {
  const shared: PiiOptions = {
    ...opts,
    today: opts.today ?? clockToday(),
    knownValues:
      opts.knownValues && !(opts.knownValues instanceof KnownValueIndex)
        ? new KnownValueIndex(opts.knownValues)
        : opts.knownValues,
    allow: opts.allow ? [...opts.allow] : undefined,
  }
  const out: PiiObjectFinding[] = []
  const seen = new Set<object>()
  const visit = (v: unknown, path: string): void => {
    if (typeof v === 'string') {
      for (const f of findPii(v, shared)) {
        out.push({ path, finding: f, message: `字段“${path || '(根)'}”${describeFinding(f, v)}` })
      }
    } else if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) >= 1e10) {
      // Long integers stored as numbers (an ID or card typed into a numeric Excel column).
      visit(String(v), path)
    } else if (Array.isArray(v)) {
      if (seen.has(v)) return
      seen.add(v)
      v.forEach((item, i) => visit(item, `${path}[${i}]`))
    } else if (v && typeof v === 'object') {
      if (seen.has(v)) return
      seen.add(v)
      for (const [k, item] of Object.entries(v)) {
        const p = path ? `${path}.${k}` : k
        visit(k, `${p}(字段名)`)
        visit(item, p)
      }
    }
  }
  visit(value, rootPath)
  return out
}
