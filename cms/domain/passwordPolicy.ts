import { dictionary } from '@zxcvbn-ts/language-common'

/**
 * Account passwords: at least 12 characters, not a common password (the zxcvbn-ts list of ~49,000
 * leaked passwords, plus common Chinese patterns — pinyin phrases, QQ numbers, 520/1314 love
 * numbers), not one character or a keyboard/number run repeated, and not the account's own e-mail
 * or name. Returns the Chinese reason, or null when the password is acceptable.
 */
export const MIN_PASSWORD_LENGTH = 12

const COMMON = new Set<string>((dictionary as Record<string, string[]>)['passwords-common'] ?? [])

/** Chinese favourites that the international list misses (and long forms of short ones). */
const CHINESE_COMMON = [
  'woaini', 'woaini1314', 'woaini520', 'woaini521', 'woainima', 'woaiwojia', '5201314', '1314520', '520520', '1314521',
  'qq123456', 'qq111111', 'qq5201314', 'a123456', 'a1234567', 'a12345678', 'a123456789', 'aa123456', 'abc123456', 'zxc123456',
  'wang123456', 'zhang123456', 'li123456', 'liu123456', 'chen123456', 'admin123456', 'admin888', 'admin@123', 'root123456',
  'password123', 'qwe123456', 'qweasdzxc', 'asd123456', '1qaz2wsx3edc', '1q2w3e4r5t6y', 'zxcvbnm123', 'qwertyuiop',
  'iloveyou1314', 'wodemima', 'mima123456', 'nihao123456', 'zhongguo', 'zhongguo123', 'beijing2008', 'minzheng', 'minzhengju',
]
for (const p of CHINESE_COMMON) COMMON.add(p)

const RUNS = ['0123456789', '9876543210', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1qaz2wsx3edc4rfv', 'qazwsxedcrfv']

/** The password with common decorations removed: case, trailing digits/symbols, a leading year. */
function cores(pw: string): string[] {
  const lower = pw.toLowerCase()
  const out = new Set([lower])
  out.add(lower.replace(/[\d!@#$%^&*.?_\-]+$/, ''))
  out.add(lower.replace(/^(19|20)\d{2}/, ''))
  out.add(lower.replace(/[!@#$%^&*.?_\-]/g, ''))
  return [...out].filter((c) => c.length >= 4)
}

function isRepetition(pw: string): boolean {
  const lower = pw.toLowerCase()
  for (let size = 1; size <= lower.length / 2; size++) {
    if (lower.length % size) continue
    if (lower.slice(0, size).repeat(lower.length / size) === lower) return true
  }
  return RUNS.some((run) => run.includes(lower) || (run + run).includes(lower))
}

export function passwordProblem(password: unknown, account: { email?: string | null; name?: string | null } = {}): string | null {
  if (typeof password !== 'string' || password.length === 0) return '请输入密码。'
  if (password.length < MIN_PASSWORD_LENGTH) return `密码太短：至少需要 ${MIN_PASSWORD_LENGTH} 个字符（现在是 ${password.length} 个）。可以用几个词组成一句好记的话。`
  if (password.length > 256) return '密码太长：最多 256 个字符。'
  if (isRepetition(password)) return '密码不能是同一个字符、同一段内容的重复或连续的数字、字母、键盘顺序。'
  if (cores(password).some((c) => COMMON.has(c))) return '这是常见密码（在泄露的密码库中很常见，容易被猜中），请换一个。'
  const local = account.email?.split('@')[0]?.toLowerCase()
  const lower = password.toLowerCase()
  if (local && local.length >= 3 && lower.includes(local)) return '密码不能包含自己的邮箱用户名。'
  if (account.name && account.name.length >= 2 && password.includes(account.name)) return '密码不能包含自己的姓名。'
  return null
}
