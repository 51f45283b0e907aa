// Deterministic synthetic demo data (domain.md §9): a fictional county and households that never
// describe real people. Region codes start with 99 (no such province), names are drawn at random
// from common characters, ID numbers are valid GB 11643 numbers on the fictional code.
import { idCheckDigit } from '../../cms/domain/idNumber'
import type { CoarseReason } from '../../cms/domain/masking'

// ---------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: tiny, fast, good enough for demo data; same seed → same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function seedNumber(seed: number | string): number {
  if (typeof seed === 'number') return seed >>> 0
  let h = 0x811c9dc5 // FNV-1a
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

type Rng = {
  next: () => number
  int: (min: number, max: number) => number
  pick: <T>(xs: readonly T[]) => T
  chance: (p: number) => boolean
}

function rng(seed: number | string): Rng {
  const next = mulberry32(seedNumber(seed))
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
  }
}

function weightedPicker<T>(items: ReadonlyArray<readonly [T, number]>): (r: Rng) => T {
  const cum: number[] = []
  let total = 0
  for (const [, w] of items) cum.push((total += w))
  return (r) => {
    const x = r.next() * total
    let lo = 0
    let hi = cum.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cum[mid] > x) hi = mid
      else lo = mid + 1
    }
    return items[lo][0]
  }
}

// ---------------------------------------------------------------------------------------------
// County

/** The fictional county code: province 99 does not exist, so no real person can share an ID. */
export const DEMO_COUNTY_CODE = '990102'
export const DEMO_COUNTY_NAME = '清河县'

export type DemoVillage = { code: string; name: string; kind: '村' | '社区'; townshipCode: string }
export type DemoTownship = { code: string; name: string; kind: '街道' | '镇' | '乡'; villages: DemoVillage[] }
export type DemoCounty = {
  code: string
  name: string
  fullName: string
  townships: DemoTownship[]
  /** All villages and communities, township by township. */
  villages: DemoVillage[]
}

const TOWNSHIP_NAMES = ['城关', '河西', '柳林', '石桥', '青山', '白沙', '东岗', '南塘', '杏花', '桃源', '清泉', '马坊']
const VILLAGE_NAMES = [
  '张庄', '李家', '王屯', '柳树', '杨湾', '黄土坡', '红星', '新华', '前进', '和平', '胜利', '东风', '长青',
  '北坡', '西岭', '南河', '槐树', '枣园', '上河', '下湾', '马家', '高桥', '三里', '五道沟',
]
const COMMUNITY_NAMES = ['滨河', '文昌', '育才', '花园', '建设', '朝阳', '友谊', '光明', '幸福', '康宁']

function shuffled<T>(xs: readonly T[], r: Rng): T[] {
  const a = [...xs]
  for (let i = a.length - 1; i > 0; i--) {
    const j = r.int(0, i)
    ;[a[i], a[j]] = [a[j], a[i]]
  }
  return a
}

/**
 * 清河县 (990102) with `townships` townships (default 3; the first is an urban 街道 made of 社区,
 * the others 镇/乡 made of 村) of `villagesPerTownship` villages each (default 5).
 * Codes follow the statistical layout: township = county + 3 digits, village = township + 3 digits
 * (社区 001–199, 村 200–399).
 */
export function generateCounty(
  seed: number | string,
  opts: { townships?: number; villagesPerTownship?: number } = {},
): DemoCounty {
  const r = rng(`county:${seed}`)
  const nT = Math.min(opts.townships ?? 3, TOWNSHIP_NAMES.length)
  const nV = Math.min(opts.villagesPerTownship ?? 5, COMMUNITY_NAMES.length)
  const tNames = shuffled(TOWNSHIP_NAMES.slice(1), r)
  const vNames = shuffled(VILLAGE_NAMES, r)
  const cNames = shuffled(COMMUNITY_NAMES, r)
  const townships: DemoTownship[] = []
  let vi = 0
  for (let t = 0; t < nT; t++) {
    const code = `${DEMO_COUNTY_CODE}${String(t + 1).padStart(3, '0')}`
    const urban = t === 0
    const kind: DemoTownship['kind'] = urban ? '街道' : t % 3 === 2 ? '乡' : '镇'
    const name = urban ? `${TOWNSHIP_NAMES[0]}街道` : `${tNames[(t - 1) % tNames.length]}${kind}`
    const villages: DemoVillage[] = []
    for (let v = 0; v < nV; v++) {
      if (urban) {
        villages.push({ code: `${code}${String(v + 1).padStart(3, '0')}`, name: `${cNames[v]}社区`, kind: '社区', townshipCode: code })
      } else {
        const base = vNames[vi++ % vNames.length]
        const suffix = vi > vNames.length ? String(Math.floor(vi / vNames.length) + 1) : ''
        villages.push({ code: `${code}${String(200 + v + 1)}`, name: `${base}${suffix}村`, kind: '村', townshipCode: code })
      }
    }
    townships.push({ code, name, kind, villages })
  }
  return {
    code: DEMO_COUNTY_CODE,
    name: DEMO_COUNTY_NAME,
    fullName: `示例省示例市${DEMO_COUNTY_NAME}`,
    townships,
    villages: townships.flatMap((t) => t.villages),
  }
}

// ---------------------------------------------------------------------------------------------
// Households

export type DemoProgramme = 'dibao-urban' | 'dibao-rural' | 'tekun' | 'linshi'

/** Demo standards (the seeds' example figures; domain.md §2). Amounts in yuan. */
export const DEMO_STANDARDS = Object.freeze({
  /** 城市低保: 300 元/人·月 */
  dibaoUrbanMonthly: 300,
  /** 农村低保: 1800 元/人·年 = 150 元/人·月 */
  dibaoRuralYearly: 1800,
  dibaoRuralMonthly: 150,
  /** 特困基本生活标准 (1.3 × 城市低保) + 照料护理标准 by 护理等级, per person per month */
  tekunBasicMonthly: 390,
  tekunCareMonthly: Object.freeze({ 全自理: 100, 半护理: 300, 全护理: 600 }),
  /** 临时救助: one-off, in hundreds */
  linshiMin: 500,
  linshiMax: 5000,
})

export type DemoHousehold = {
  headName: string
  idNumber: string
  householdSize: number
  amount: number
  villageCode: string
  /** 城市低保 / 农村低保 / 集中供养 / 分散供养 / a coarse 临时救助 reason */
  category: string
}

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高',
  '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁',
  '潘', '于', '蒋', '蔡', '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔',
  '钟', '谭', '陆', '汪', '范', '金', '石', '廖', '贾', '夏', '韦', '付', '方', '白', '邹', '孟', '熊', '秦',
  '邱', '江', '尹', '薛', '闫', '段', '雷', '侯', '龙', '史', '陶', '黎', '贺', '顾', '毛', '郝', '龚', '邵',
]
const pickSurname = weightedPicker(SURNAMES.map((s, i) => [s, 1 / (i + 8)] as const))
const COMPOUND = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '端木', '夏侯']
const MALE_GIVEN = [...'伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆旭宁龙林国建志文海春永德生福山成贵喜金荣兴富宝忠义庆']
const FEMALE_GIVEN = [...'芳娜敏静丽艳娟霞秀英华慧巧美玲桂兰凤洁梅琳素云莲真环雪荣爱香月媛燕红琴萍玉珍翠淑']
const MINORITY_PARTS = [
  '阿不都', '买买提', '艾力', '吐尔逊', '热合曼', '阿依古丽', '古丽', '努尔', '帕提古丽', '迪丽', '阿迪力',
  '依明', '艾合买提', '热依拉', '托合提', '尼亚孜', '阿布拉', '沙吾提',
]
/** A character outside the Basic Multilingual Plane (U+20BB7), written as a surrogate pair. */
export const RARE_CHAR = '𠮷'

type HardCase = 'compound' | 'minority' | 'singleGiven' | 'rareChar' | 'idEndsX'

function givenName(r: Rng, male: boolean, len: number): string {
  const pool = male ? MALE_GIVEN : FEMALE_GIVEN
  let s = ''
  for (let i = 0; i < len; i++) s += r.pick(pool)
  return s
}

function makeName(r: Rng, male: boolean, forced?: HardCase): string {
  const roll = r.next()
  const kind: HardCase | 'plain' =
    forced && forced !== 'idEndsX' ? forced : roll < 0.015 ? 'compound' : roll < 0.03 ? 'minority' : roll < 0.033 ? 'rareChar' : 'plain'
  switch (kind) {
    case 'compound':
      return r.pick(COMPOUND) + givenName(r, male, r.chance(0.5) ? 1 : 2)
    case 'minority': {
      const a = r.pick(MINORITY_PARTS)
      let b = r.pick(MINORITY_PARTS)
      if (b === a) b = '江'
      return `${a}·${b}`
    }
    case 'rareChar':
      return pickSurname(r) + RARE_CHAR + (r.chance(0.5) ? givenName(r, male, 1) : '')
    case 'singleGiven':
      return pickSurname(r) + givenName(r, male, 1)
    default:
      return pickSurname(r) + givenName(r, male, r.chance(0.25) ? 1 : 2)
  }
}

const DAY_MS = 86_400_000

function ymd(dayNumber: number): string {
  const d = new Date(dayNumber * DAY_MS)
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`
}

const pickSize = weightedPicker([[1, 30], [2, 30], [3, 20], [4, 13], [5, 5], [6, 2]] as const)
const pickLinshiReason = weightedPicker<CoarseReason>([
  ['因病', 45], ['意外事故', 20], ['因灾', 15], ['教育支出', 10], ['其他', 10],
] as const)

/**
 * `count` households for one programme and month, spread over `villages` (codes or village
 * objects). Deterministic for the same arguments. Hard cases appear at a low rate, and each of
 * them at least once when count ≥ 5: compound surname, · minority name, single-character given
 * name, a name with 𠮷 (outside the BMP), an ID number ending in X. ID numbers are unique.
 */
export function generateHouseholds(args: {
  seed: number | string
  count: number
  villages: ReadonlyArray<string | { code: string }>
  programme: DemoProgramme
  month: string
}): DemoHousehold[] {
  const { seed, count, programme, month } = args
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error(`月份“${month}”格式不对，应为 YYYY-MM。`)
  if (!Number.isInteger(count) || count < 0) throw new Error(`户数应为非负整数，收到 ${count}。`)
  const villageCodes = args.villages.map((v) => (typeof v === 'string' ? v : v.code))
  if (villageCodes.length === 0 && count > 0) throw new Error('至少需要一个村(社区)才能生成示例户。')
  const r = rng(`households:${seed}:${programme}:${month}`)

  const forced = new Map<number, HardCase>()
  if (count >= 5) {
    const kinds: HardCase[] = ['compound', 'minority', 'singleGiven', 'rareChar', 'idEndsX']
    for (const k of kinds) {
      let i = r.int(0, count - 1)
      while (forced.has(i)) i = (i + 1) % count
      forced.set(i, k)
    }
  }

  const monthStart = Math.round(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1) / DAY_MS)
  const minAge = programme === 'tekun' ? 55 : 18
  const maxAge = 95
  const used = new Set<string>()
  const rows: DemoHousehold[] = new Array(count)

  for (let i = 0; i < count; i++) {
    const hard = forced.get(i)
    const male = r.chance(0.55)
    const headName = makeName(r, male, hard)
    const villageCode = villageCodes[r.int(0, villageCodes.length - 1)]
    const region = /^\d{6}/.test(villageCode) ? villageCode.slice(0, 6) : DEMO_COUNTY_CODE

    // Birth date: age minAge..maxAge on the first day of the month (so never in the future).
    const birth = ymd(monthStart - r.int(minAge * 365 + 5, maxAge * 365))
    let idNumber = ''
    for (let attempt = 0; ; attempt++) {
      // Sequence: 3 digits; the last is odd for men, even for women (GB 11643).
      const seq = r.int(0, 99) * 10 + (male ? r.int(0, 4) * 2 + 1 : r.int(0, 4) * 2)
      const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`
      const check = idCheckDigit(first17)
      if (hard === 'idEndsX' && check !== 'X' && attempt < 2000) continue
      const id = first17 + check
      if (used.has(id) && attempt < 2000) continue
      idNumber = id
      break
    }
    used.add(idNumber)

    let householdSize: number
    let amount: number
    let category: string
    switch (programme) {
      case 'dibao-urban': {
        householdSize = pickSize(r)
        const perCapitaIncome = r.int(0, 29) * 10 // below the 300 standard
        amount = (DEMO_STANDARDS.dibaoUrbanMonthly - perCapitaIncome) * householdSize
        category = '城市低保'
        break
      }
      case 'dibao-rural': {
        householdSize = pickSize(r)
        const perCapitaIncome = r.int(0, 14) * 10 // monthly, below 150
        amount = (DEMO_STANDARDS.dibaoRuralMonthly - perCapitaIncome) * householdSize
        category = '农村低保'
        break
      }
      case 'tekun': {
        householdSize = 1
        const care = r.pick(['全自理', '全自理', '半护理', '全护理'] as const)
        amount = DEMO_STANDARDS.tekunBasicMonthly + DEMO_STANDARDS.tekunCareMonthly[care]
        category = r.chance(0.25) ? '集中供养' : '分散供养'
        break
      }
      case 'linshi': {
        householdSize = pickSize(r)
        amount = r.int(DEMO_STANDARDS.linshiMin / 100, DEMO_STANDARDS.linshiMax / 100) * 100
        category = pickLinshiReason(r)
        break
      }
      default:
        throw new Error(`未知的示例救助类别“${String(programme)}”。`)
    }
    rows[i] = { headName, idNumber, householdSize, amount, villageCode, category }
  }
  return rows
}

// ---------------------------------------------------------------------------------------------
// Messy raw inputs, as they arrive in Excel exports, for import and detector tests.

function demoId(birth: string, seq: string): string {
  const first17 = `${DEMO_COUNTY_CODE}${birth}${seq}`
  return first17 + idCheckDigit(first17)
}

function toFullWidth(s: string): string {
  return s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
}

const ID_A = demoId('19850317', '123') // ends in a digit
const ID_X = (() => {
  for (let seq = 100; seq < 1000; seq++) {
    const id = demoId('19670902', String(seq))
    if (id.endsWith('X')) return id
  }
  throw new Error('unreachable')
})()
const ID_B15_FIRST17 = `${DEMO_COUNTY_CODE}19720415` + '036'
const ID_B15 = `${DEMO_COUNTY_CODE}720415036`
const ID_B18 = ID_B15_FIRST17 + idCheckDigit(ID_B15_FIRST17)
const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0')

export type RawIdCase = {
  raw: string
  note: string
  expected: { ok: true; id18: string } | { ok: false; reason: 'length' | 'chars' | 'region' | 'date' | 'checkDigit' }
}
export type RawPhoneCase = { raw: string; note: string; kind: 'mobile' | 'landline'; digits: string }
export type RawTextCase = { raw: string; note: string }
export type RawNameCase = { raw: string; note: string; masked: string }

export const hardCaseRawInputs: {
  idNumbers: RawIdCase[]
  phones: RawPhoneCase[]
  addresses: RawTextCase[]
  names: RawNameCase[]
  amounts: Array<{ raw: string; note: string; value: number }>
} = {
  idNumbers: [
    { raw: ID_A, note: '18位，规范', expected: { ok: true, id18: ID_A } },
    { raw: ID_X, note: '18位，末位X', expected: { ok: true, id18: ID_X } },
    { raw: ID_X.slice(0, 17) + 'x', note: '末位小写x', expected: { ok: true, id18: ID_X } },
    { raw: toFullWidth(ID_A), note: '全角数字', expected: { ok: true, id18: ID_A } },
    { raw: toFullWidth(ID_X), note: '全角数字和全角Ｘ', expected: { ok: true, id18: ID_X } },
    { raw: `${ID_A.slice(0, 6)} ${ID_A.slice(6, 14)} ${ID_A.slice(14)}`, note: '6-8-4 空格分隔', expected: { ok: true, id18: ID_A } },
    { raw: `${ID_X.slice(0, 6)}-${ID_X.slice(6, 14)}-${ID_X.slice(14)}`, note: '短横线分隔', expected: { ok: true, id18: ID_X } },
    { raw: ` ${ID_A}\u3000`, note: '首尾有半角/全角空格', expected: { ok: true, id18: ID_A } },
    { raw: ID_B15, note: '15位旧号码', expected: { ok: true, id18: ID_B18 } },
    { raw: toFullWidth(ID_B15), note: '15位旧号码，全角', expected: { ok: true, id18: ID_B18 } },
    { raw: wrongCheck(ID_A), note: '校验位错误', expected: { ok: false, reason: 'checkDigit' } },
    { raw: demoId('19850230', '123'), note: '出生日期不存在（2月30日）', expected: { ok: false, reason: 'date' } },
    { raw: ID_A.slice(0, 17), note: '少一位（17位）', expected: { ok: false, reason: 'length' } },
    { raw: ID_A.slice(0, 10) + 'O' + ID_A.slice(11), note: '字母O混入', expected: { ok: false, reason: 'chars' } },
  ],
  phones: [
    { raw: '139 0000 1234', note: '手机，空格分隔', kind: 'mobile', digits: '13900001234' },
    { raw: '139-0000-1234', note: '手机，短横线分隔', kind: 'mobile', digits: '13900001234' },
    { raw: '+86 139 0000 1234', note: '手机，+86 前缀', kind: 'mobile', digits: '13900001234' },
    { raw: '+8613900001234', note: '手机，+86 连写', kind: 'mobile', digits: '13900001234' },
    { raw: '0086-139-0000-1234', note: '手机，0086 前缀', kind: 'mobile', digits: '13900001234' },
    { raw: '１３９００００１２３４', note: '手机，全角数字', kind: 'mobile', digits: '13900001234' },
    { raw: '（０１０）６２３４ ５６７８', note: '座机，全角括号和数字', kind: 'landline', digits: '01062345678' },
    { raw: '0999-6123456 转 801', note: '座机，4位区号，7位号码，分机', kind: 'landline', digits: '09996123456801' },
  ],
  addresses: [
    { raw: '清河县人民路88号', note: '路+门牌号' },
    { raw: '滨河路12-3号院2号楼301室', note: '路+号院+号楼+室' },
    { raw: '幸福小区3栋2单元501室', note: '栋+单元+室' },
    { raw: '5号楼1203室', note: '号楼+室' },
    { raw: '柳树村3组12号', note: '村+组+号' },
    { raw: '门牌号：15号', note: '门牌号' },
    { raw: '阳光花园3-2-501', note: '小区 楼-单元-室 简写' },
  ],
  names: [
    { raw: '欧阳娜娜', note: '复姓', masked: '欧阳**' },
    { raw: '司马光', note: '复姓，单字名', masked: '司马*' },
    { raw: '阿不都·热合曼', note: '少数民族姓名，间隔号', masked: '阿**' },
    { raw: '阿不都•热合曼', note: '少数民族姓名，误用圆点•', masked: '阿**' },
    { raw: '买买提．艾力', note: '少数民族姓名，全角句点', masked: '买**' },
    { raw: `王${RARE_CHAR}`, note: '基本多文种平面以外的字', masked: '王*' },
    { raw: `${RARE_CHAR}祥云`, note: '首字在基本多文种平面以外', masked: `${RARE_CHAR}**` },
    { raw: '张 三', note: '姓名中间有空格', masked: '张*' },
    { raw: '李', note: '只有一个字', masked: '李*' },
  ],
  amounts: [
    { raw: '1800', note: '整数', value: 1800 },
    { raw: '1,800.00', note: '千分位和小数', value: 1800 },
    { raw: '１８００', note: '全角数字', value: 1800 },
    { raw: '1800元', note: '带单位', value: 1800 },
    { raw: ' 300 ', note: '首尾空格', value: 300 },
  ],
}
