// Resident identity card numbers, GB 11643-1999 (公民身份号码).
// Messages never repeat the number: they are shown in import reports and logs.
import { createHmac } from 'node:crypto'
import { today as clockToday } from './clock'
import { isIsoDate } from './dates'
import { toHalfWidth } from './normalise'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

/**
 * First two digits that can start a valid number: the province-level codes (incl. 71 Taiwan,
 * 81/82/83 residence permits for HK/Macao/Taiwan residents), plus any code beginning with 9:
 * the 2023 foreigners' permanent residence card uses it, and our fictional demo county is 99xxxx.
 */
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
])

export function isPlausibleRegion(code6: string): boolean {
  return /^\d{6}$/.test(code6) && (PROVINCE_CODES.has(code6.slice(0, 2)) || code6[0] === '9')
}

/** Full-width digits/letters → half-width, spaces and dashes removed, x → X. */
export function normaliseIdNumber(raw: string): string {
  return toHalfWidth(String(raw ?? ''))
    .replace(/[\s\u00a0\-‐‑‒–—―−]/g, '')
    .toUpperCase()
}

/** Check character (0–9 or X) for the first 17 digits. */
export function idCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new IdNumberError('chars', '计算身份证校验位需要恰好17位数字。')
  }
  let sum = 0
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]
  return CHECK_CHARS[sum % 11]
}

export type IdNumberProblem = 'length' | 'chars' | 'region' | 'date' | 'checkDigit'

export const ID_NUMBER_MESSAGES: Record<IdNumberProblem, string> = {
  length: '身份证号码位数不对：应为18位（旧证为15位），请对照身份证原件核对后重新填写。',
  chars: '身份证号码含有不应出现的字符：只能是数字，18位号码的最后一位可以是 X，请核对后重新填写。',
  region: '身份证号码前两位不是有效的省级行政区划代码，请对照身份证原件核对前6位。',
  date: '身份证号码中的出生日期无效（不是真实日期、早于1900年或晚于今天），请对照身份证原件核对出生日期部分。',
  checkDigit: '身份证号码最后一位（校验位）与前17位不符，通常是某一位录入错误，请对照身份证原件逐位核对。',
}

export class IdNumberError extends Error {
  readonly reason: IdNumberProblem
  constructor(reason: IdNumberProblem, message = ID_NUMBER_MESSAGES[reason]) {
    super(message)
    this.name = 'IdNumberError'
    this.reason = reason
  }
}

export type IdNumberResult =
  | { ok: true; id18: string; birthDate: string; sex: '男' | '女'; upgradedFrom15: boolean }
  | { ok: false; reason: IdNumberProblem; message: string }

function birthDateProblem(birth: string, today: string): boolean {
  return !isIsoDate(birth) || birth < '1900-01-01' || birth > today
}

/**
 * Validates an 18-digit number (or a 15-digit old one, returned upgraded to 18 digits).
 * `today` (YYYY-MM-DD, default: today in China) bounds the birth date.
 */
export function validateIdNumber(raw: string, opts: { today?: string } = {}): IdNumberResult {
  const id = normaliseIdNumber(raw)
  const fail = (reason: IdNumberProblem): IdNumberResult => ({ ok: false, reason, message: ID_NUMBER_MESSAGES[reason] })
  if (id.length !== 18 && id.length !== 15) return fail('length')
  if (id.length === 18 ? !/^\d{17}[\dX]$/.test(id) : !/^\d{15}$/.test(id)) return fail('chars')
  if (!isPlausibleRegion(id.slice(0, 6))) return fail('region')
  const today = opts.today ?? clockToday()
  const birthDate =
    id.length === 18
      ? `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`
      : `19${id.slice(6, 8)}-${id.slice(8, 10)}-${id.slice(10, 12)}`
  if (birthDateProblem(birthDate, today)) return fail('date')
  if (id.length === 15) {
    const id18 = upgradeUnchecked(id)
    return { ok: true, id18, birthDate, sex: sexOf(id18), upgradedFrom15: true }
  }
  if (idCheckDigit(id.slice(0, 17)) !== id[17]) return fail('checkDigit')
  return { ok: true, id18: id, birthDate, sex: sexOf(id), upgradedFrom15: false }
}

function sexOf(id18: string): '男' | '女' {
  return Number(id18[16]) % 2 === 1 ? '男' : '女'
}

function upgradeUnchecked(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`
  return first17 + idCheckDigit(first17)
}

/** 15-digit (1999 and earlier) number → 18 digits: '19' before the 2-digit year, plus check digit. */
export function upgradeId15(id15: string): string {
  const id = normaliseIdNumber(id15)
  if (id.length !== 15) throw new IdNumberError('length', '旧身份证号码应为15位数字，请核对后重新填写。')
  if (!/^\d{15}$/.test(id)) throw new IdNumberError('chars', '旧身份证号码只能由15位数字组成，请核对后重新填写。')
  const r = validateIdNumber(id)
  if (!r.ok) throw new IdNumberError(r.reason, r.message)
  return r.id18
}

/**
 * Keyed hash (HMAC-SHA256, hex) of an ID number, to match households across months without
 * storing raw numbers. The input is normalised (and a 15-digit number upgraded) first, so the
 * same person always hashes alike. Keep `key` secret: without it the hash cannot be brute-forced
 * from the small space of valid ID numbers.
 */
export function hashIdNumber(id18: string, key: string | Uint8Array): string {
  if (!key || key.length === 0) throw new Error('缺少身份证号哈希密钥，请管理员在服务器环境变量中配置后再导入。')
  let id = normaliseIdNumber(id18)
  if (/^\d{15}$/.test(id)) id = upgradeUnchecked(id)
  if (!/^\d{17}[\dX]$/.test(id)) throw new IdNumberError(id.length === 18 ? 'chars' : 'length')
  return createHmac('sha256', key).update(id, 'utf8').digest('hex')
}
