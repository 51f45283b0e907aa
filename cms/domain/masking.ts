// What the public site shows of a person (domain.md §4). Identifiers are normally never exported
// at all (allow-list); the identifier masks exist only for a local rule that insists on them.
import { graphemes, NAME_SEPARATORS, toHalfWidth } from './normalise'

/**
 * Compound (two-character) surnames that keep both characters when masked (domain.md §4): only
 * those whose first character is not itself a single surname in common use, so that reading the
 * first two characters as the surname never shows a character of a given name. Simplified and a
 * few traditional forms. Data, with a test per entry (tests/unit/masking.test.ts).
 */
export const UNAMBIGUOUS_COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒',
  '令狐', '端木', '独孤', '南宫', '西门', '呼延', '轩辕', '司空', '赫连', '百里', '东郭', '南门',
  '羊舌', '微生', '公羊', '东门', '第五', '鲜于', '闾丘', '亓官', '司寇', '子车', '颛孙', '壤驷',
  '公良', '漆雕', '宰父', '拓跋', '夹谷', '公西', '公冶', '公仪', '太史', '澹台', '濮阳', '淳于',
  '太叔', '即墨', '呼衍',
  '歐陽', '司馬', '諸葛', '東方', '尉遲', '公孫', '長孫', '獨孤', '南宮', '西門', '軒轅', '赫連',
  '東郭', '鮮于', '閭丘', '顓孫', '澹臺', '濮陽',
])

/**
 * Compound surnames whose first character is also a common single surname (乐, 宗, 单, 钟 …):
 * 乐正伟 may be 乐 + 正伟, so these mask as single surnames — more masked, never less.
 */
export const AMBIGUOUS_COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  '乐正', '宗政', '单于', '钟离', '夏侯', '闻人', '万俟', '梁丘', '左丘', '谷梁', '段干', '巫马',
  '申屠', '仲孙',
  '樂正', '單于', '鍾離', '聞人',
])

/** Every compound surname known here (both kinds). */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([...UNAMBIGUOUS_COMPOUND_SURNAMES, ...AMBIGUOUS_COMPOUND_SURNAMES])

export class NameMaskError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'NameMaskError'
  }
}

const SEPARATOR_CHARS = new Set([...NAME_SEPARATORS])

function cleanName(name: string): string {
  // Spaces inside a Chinese name are typing noise ("张 三"); separators are unified to '·'.
  return Array.from(String(name ?? '').replace(/[\s\u00a0\u3000]+/g, ''), (ch) => (SEPARATOR_CHARS.has(ch) ? '·' : ch)).join('')
}

/**
 * Masks a person's name for the public site:
 * - keep the first character (user-perceived: 𠮷 counts as one), mask every other with one '*':
 *   张三 → 张*, 张三丰 → 张**;
 * - a name of 3+ characters starting with an unambiguous compound surname keeps both:
 *   欧阳娜娜 → 欧阳** (a 2-character name is read as surname + given name: 欧阳 → 欧*); an
 *   ambiguous one masks as a single surname: 乐正伟 → 乐**;
 * - a single-character name still gets one '*' (张 → 张*), so the output never shows a whole name;
 * - a name with the separator · (or •, ・, ‧, full-width variants) keeps its first character and
 *   always gets exactly two '*': 阿不都·热合曼 → 阿**. A fixed mask hides the length and the
 *   separator, so the entry neither reveals the number of name parts nor singles out ethnicity.
 * Masking is idempotent (张* → 张*). Throws NameMaskError on an empty name.
 */
export function maskName(name: string): string {
  const s = cleanName(name)
  const chars = graphemes(s)
  const letters = chars.filter((c) => c !== '·')
  if (letters.length === 0) {
    throw new NameMaskError('姓名为空（或只有分隔符），无法打码；请在原始名单中补全户主姓名后重新导入。')
  }
  if (chars.includes('·')) return `${letters[0]}**`
  if (chars.length >= 3 && UNAMBIGUOUS_COMPOUND_SURNAMES.has(chars[0] + chars[1])) {
    return chars[0] + chars[1] + '*'.repeat(chars.length - 2)
  }
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1))
}

/**
 * Masks every name of one published list. Entries whose masks collide get a neutral household
 * code from their 1-based row position, zero-padded to at least two digits (and to the width of
 * the list length): ['张三','张四','李四'] → ['张*（户01）','张*（户02）','李*']. Deterministic for a
 * given order, so publish the list in a stable order.
 */
export function maskNamesInList(names: string[]): string[] {
  const masks = names.map(maskName)
  const counts = new Map<string, number>()
  for (const m of masks) counts.set(m, (counts.get(m) ?? 0) + 1)
  const width = Math.max(2, String(names.length).length)
  return masks.map((m, i) => ((counts.get(m) ?? 0) > 1 ? `${m}（户${String(i + 1).padStart(width, '0')}）` : m))
}

function digitsOf(raw: string): string {
  return toHalfWidth(String(raw ?? '')).replace(/[\s\-()]/g, '').toUpperCase()
}

/** 110101199001011234 → 110101********1234 (6 + 4; 15-digit numbers likewise). */
export function maskIdNumber(raw: string): string {
  const id = digitsOf(raw)
  if (!/^(\d{17}[\dX]|\d{15})$/.test(id)) {
    throw new Error('身份证号码格式不对（应为18位或15位），无法按规定打码；请先核对号码。')
  }
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4)
}

/** 13812345678 (also +86 / 0086 prefixed, spaced, dashed, full-width) → 138****5678. */
export function maskMobile(raw: string): string {
  let d = digitsOf(raw).replace(/^\+/, '')
  if (d.length === 15 && d.startsWith('0086')) d = d.slice(4)
  else if (d.length === 13 && d.startsWith('86')) d = d.slice(2)
  if (!/^1[3-9]\d{9}$/.test(d)) {
    throw new Error('手机号码格式不对（应为以1开头的11位号码），无法按规定打码；请先核对号码。')
  }
  return `${d.slice(0, 3)}****${d.slice(-4)}`
}

/** 6222021234567890123 → 622202*********0123 (6 + 4). */
export function maskBankCard(raw: string): string {
  const d = digitsOf(raw)
  if (!/^\d{12,19}$/.test(d)) {
    throw new Error('银行卡号格式不对（应为12至19位数字），无法按规定打码；请先核对卡号。')
  }
  return d.slice(0, 6) + '*'.repeat(d.length - 10) + d.slice(-4)
}

export const COARSE_REASONS = ['因病', '因灾', '意外事故', '教育支出', '其他'] as const
export type CoarseReason = (typeof COARSE_REASONS)[number]

// Order matters: the first rule that matches wins, so a cause beats its consequence
// ("车祸住院" is an accident, not an illness). Fire is an 意外事件 in 社会救助暂行办法 第47条,
// so it is checked before the natural-disaster rule that would catch the 灾 in 火灾.
const REASON_RULES: ReadonlyArray<[CoarseReason, RegExp]> = [
  ['意外事故', /火灾|失火|着火|起火|燃气爆炸|煤气中毒/],
  ['因灾', /自然灾害|受灾|灾害|灾情|水灾|旱灾|雪灾|风灾|震灾|洪水|洪涝|山洪|内涝|干旱|地震|台风|冰雹|泥石流|滑坡|暴雨|暴雪|冻灾|因灾/],
  ['意外事故', /意外|事故|车祸|溺水|摔伤|跌伤|烧伤|烫伤|坠落|坠亡|工伤|触电|被撞|突发事件/],
  ['因病', /病|医疗|医药|住院|手术|治疗|癌|瘤|白血|透析|化疗|放疗|医院|重症|急诊|康复/],
  ['教育支出', /教育|学费|学杂|上学|入学|就学|求学|就读|读书|升学|大学|高中|中专|职校|技校|因学|学生/],
]

/**
 * Coarse public category of a 临时救助 reason (病名 and details are never published).
 * Disability is deliberately not a category here and falls to 其他.
 */
export function coarseReason(text: string): CoarseReason {
  const t = toHalfWidth(String(text ?? ''))
  for (const [reason, re] of REASON_RULES) if (re.test(t)) return reason
  return '其他'
}
