import crypto from 'node:crypto'

/**
 * Tracking codes residents read aloud or type on an old phone: the 32 symbols 0–9 and A–Z without
 * I, L, O, U (Crockford's base32 alphabet; case-insensitive; 0/O and 1/I/L read alike), 12 random
 * symbols (60 bits: unguessable, no sequence) plus one check symbol **from the same alphabet**, so
 * nothing in a code is a sign an older resident cannot say on the phone (issue 15). Shown in
 * groups: K7M2-Q9XP-4RTB-Z.
 *
 * The check symbol is a weighted sum in GF(32) (polynomial x⁵+x²+1) with weights α¹²…α¹ on the
 * body and 1 on the check symbol itself, all distinct and non-zero (α has order 31): it catches
 * every single mistyped symbol and every swap of two different symbols, anywhere in the code. Hand-written (a dozen lines) because no package offers a check
 * symbol over this alphabet that does both; Crockford's own mod-37 check needs the five extra
 * symbols * ~ $ = U that this replaces.
 *
 * Codes given out before (mod-37 check, about 13.5 % of them ending in * ~ $ = U) stay valid:
 * `isValidTrackingCode` accepts either check. The price is that about 1 in 37 mistyped new codes
 * passes the format check and is then answered "查询码或查询密码不对" by the lookup, as an
 * unknown code is; it can be dropped once no legacy code is open.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const LEGACY_CHECK = `${ALPHABET}*~$=U`
const BODY_LENGTH = 12

/** Multiplication by α in GF(2⁵) modulo x⁵ + x² + 1. */
const timesAlpha = (x: number) => ((x << 1) & 31) ^ (x & 16 ? 0b00101 : 0)

/** The read-aloud check symbol of a 12-symbol body (Horner's rule: Σ vᵢ·α^(12−i)). */
export function readAloudCheck(body: string): string {
  let c = 0
  for (const ch of body) c = timesAlpha(c) ^ ALPHABET.indexOf(ch)
  return ALPHABET[timesAlpha(c)]
}

/** Crockford's mod-37 check symbol, as codes issued before issue 15 carry. */
function legacyCheck(body: string): string {
  let mod = 0
  for (const ch of body) mod = (mod * 32 + ALPHABET.indexOf(ch)) % 37
  return LEGACY_CHECK[mod]
}

export function generateTrackingCode(random: (n: number) => Buffer = crypto.randomBytes): string {
  const bytes = random(BODY_LENGTH)
  let body = ''
  for (let i = 0; i < BODY_LENGTH; i++) body += ALPHABET[bytes[i] & 31]
  return body + readAloudCheck(body)
}

/** Upper-case, drop spaces and dashes, read O as 0 and I/L as 1 (how people copy codes). */
export function normaliseTrackingCode(input: string): string {
  return input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
}

function splitCode(input: string): { body: string; check: string } | null {
  const code = normaliseTrackingCode(input)
  if (code.length !== BODY_LENGTH + 1) return null
  const body = code.slice(0, BODY_LENGTH)
  if (![...body].every((c) => ALPHABET.includes(c))) return null
  return { body, check: code[BODY_LENGTH] }
}

/** A code as issued from issue 15 on: read-aloud alphabet, GF(32) check. */
export function hasReadAloudCheck(input: string): boolean {
  const c = splitCode(input)
  return c !== null && readAloudCheck(c.body) === c.check
}

export function isValidTrackingCode(input: string): boolean {
  const c = splitCode(input)
  if (!c) return false
  return readAloudCheck(c.body) === c.check || legacyCheck(c.body) === c.check
}

export function formatTrackingCode(code: string): string {
  const c = normaliseTrackingCode(code)
  return [c.slice(0, 4), c.slice(4, 8), c.slice(8, 12), c.slice(12)].filter(Boolean).join('-')
}

/** The separate query password: 8 digits, easy to say on the phone; stored only as a scrypt hash. */
export function generateQueryPassword(random: (n: number) => Buffer = crypto.randomBytes): string {
  const n = random(4).readUInt32BE(0) % 100_000_000
  return String(n).padStart(8, '0')
}

/**
 * scrypt on the libuv thread pool (never blocking the event loop). N=4096 is deliberate: an 8-digit
 * password is protected online by the lock-out, and the hash only has to keep a copied database
 * from showing the passwords outright; heavier settings cost every submission tens of milliseconds.
 * The parameters are stored with the hash, so they can be raised later without breaking old ones.
 */
const SCRYPT_N = 4096

function scrypt(password: string, salt: Buffer, length: number, N: number): Promise<Buffer> {
  return new Promise((resolve, reject) => crypto.scrypt(password, salt, length, { N }, (err, key) => (err ? reject(err) : resolve(key))))
}

export async function hashQueryPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16)
  const hash = await scrypt(password, salt, 32, SCRYPT_N)
  return `scrypt$${SCRYPT_N}$${salt.toString('base64')}$${hash.toString('base64')}`
}

export async function verifyQueryPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts[0] !== 'scrypt') return false
  const [n, salt, hash] = parts.length === 4 ? [Number(parts[1]), parts[2], parts[3]] : [16384, parts[1], parts[2]]
  // A damaged stored value is "wrong password", never a server error on the public tracking page.
  if (!salt || !hash || !Number.isInteger(n) || n < 1024 || n > 1 << 20 || (n & (n - 1)) !== 0) return false
  const expected = Buffer.from(hash, 'base64')
  if (expected.length < 16 || expected.length > 64) return false
  try {
    const actual = await scrypt(password.replace(/\s/g, ''), Buffer.from(salt, 'base64'), expected.length, n)
    return crypto.timingSafeEqual(actual, expected)
  } catch {
    return false
  }
}
