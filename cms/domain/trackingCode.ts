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

export function hashQueryPassword(password: string): string {
  const salt = crypto.randomBytes(16)
  const hash = crypto.scryptSync(password, salt, 32)
  return `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`
}

export function verifyQueryPassword(password: string, stored: string): boolean {
  const [scheme, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const actual = crypto.scryptSync(password.replace(/\s/g, ''), Buffer.from(salt, 'base64'), expected.length)
  return crypto.timingSafeEqual(actual, expected)
}
