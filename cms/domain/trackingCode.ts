import crypto from 'node:crypto'

/**
 * Tracking codes residents read aloud or type on an old phone: Crockford base32 (no I, L, O, U;
 * case-insensitive; 0/O and 1/I/L read alike), 12 random symbols (60 bits: unguessable, no
 * sequence) plus one check symbol (mod 37) that catches a mistyped or swapped symbol.
 * Shown in groups: K7M2-Q9XP-4RTB-Z.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const CHECK = `${ALPHABET}*~$=U`
const BODY_LENGTH = 12

function checkSymbol(body: string): string {
  let mod = 0
  for (const ch of body) mod = (mod * 32 + ALPHABET.indexOf(ch)) % 37
  return CHECK[mod]
}

export function generateTrackingCode(random: (n: number) => Buffer = crypto.randomBytes): string {
  const bytes = random(BODY_LENGTH)
  let body = ''
  for (let i = 0; i < BODY_LENGTH; i++) body += ALPHABET[bytes[i] & 31]
  return body + checkSymbol(body)
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

export function isValidTrackingCode(input: string): boolean {
  const code = normaliseTrackingCode(input)
  if (code.length !== BODY_LENGTH + 1) return false
  const body = code.slice(0, BODY_LENGTH)
  if (![...body].every((c) => ALPHABET.includes(c))) return false
  return checkSymbol(body) === code[BODY_LENGTH]
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
