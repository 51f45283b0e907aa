import crypto from 'node:crypto'
import { dataDir } from '../paths'
import { secretFromEnvOrFile } from '../secret'
import { IV_BYTES, KEY_BYTES, isCipherName, open, seal, type CipherName } from './aead'

/**
 * Field encryption of identifiers at rest (ID numbers, complainants' names and phones; also the
 * accounts' TOTP secrets): stored as
 *   ygjz1.<a|s>.<key id>.<base64url(iv ‖ ciphertext ‖ tag)>
 * with AES-256-GCM (a) or SM4-GCM (s), under a key held outside the database: FIELD_KEY (production)
 * or .data/field-key (generated on a developer's machine, like the other keys). The AEAD's
 * associated data is the field's purpose, so a value cannot be moved into another field unnoticed.
 * The cipher for new values is FIELD_CIPHER (aes-256-gcm by default, or sm4-gcm for 国密); values
 * under older keys (FIELD_KEY_PREVIOUS, comma-separated) or the other cipher still decrypt until
 * `npm run keys:rotate` re-encrypts them. Matching across months does not need any of this: it uses
 * the keyed hash (idHash).
 */
export type IdentifierPurpose = 'idNumber' | 'reporterName' | 'reporterPhone' | 'totpSecret' | 'totpPendingSecret'

const WHAT: Record<IdentifierPurpose, string> = { idNumber: '身份证号', reporterName: '反映人信息', reporterPhone: '反映人信息', totpSecret: '两步验证密钥', totpPendingSecret: '两步验证密钥' }

const PREFIX = 'ygjz1.'
const ALG_CODE: Record<CipherName, string> = { 'aes-256-gcm': 'a', 'sm4-gcm': 's' }
const CODE_ALG: Record<string, CipherName> = { a: 'aes-256-gcm', s: 'sm4-gcm' }
const ENCRYPTED = /^ygjz1\.([as])\.([0-9a-f]{8})\.([A-Za-z0-9_-]+)$/

export type FieldKey = { id: string; secret: string }

export function fieldCipher(): CipherName {
  const v = (process.env.FIELD_CIPHER ?? 'aes-256-gcm').toLowerCase()
  if (!isCipherName(v)) throw new Error(`FIELD_CIPHER 只能是 aes-256-gcm 或 sm4-gcm（国密），现在是“${process.env.FIELD_CIPHER}”。`)
  return v
}

/** A short public fingerprint of a key (what backups record to check that a restore has the right key). */
export function keyId(secret: string): string {
  return crypto.createHash('sha256').update(`ygjz key id\0${secret}`).digest('hex').slice(0, 8)
}

let cache: { source: string; current: FieldKey; all: Map<string, FieldKey> } | undefined

function keys() {
  const source = `${process.env.FIELD_KEY ?? `file:${dataDir()}`}|${process.env.FIELD_KEY_PREVIOUS ?? ''}`
  if (cache?.source !== source) {
    const secret = secretFromEnvOrFile('FIELD_KEY', 'field-key')
    const current = { id: keyId(secret), secret }
    const all = new Map([[current.id, current]])
    for (const s of (process.env.FIELD_KEY_PREVIOUS ?? '').split(',').map((x) => x.trim()).filter(Boolean)) all.set(keyId(s), { id: keyId(s), secret: s })
    cache = { source, current, all }
  }
  return cache
}

export const currentFieldKey = (): FieldKey => keys().current

const derived = new Map<string, Buffer>()
/** One key per cipher from the same secret (HKDF with SM3 for SM4, SHA-256 for AES). */
function derive(alg: CipherName, key: FieldKey): Buffer {
  const memo = `${alg}|${key.id}|${key.secret}`
  let k = derived.get(memo)
  if (!k) {
    k = Buffer.from(crypto.hkdfSync(alg === 'sm4-gcm' ? 'sm3' : 'sha256', key.secret, Buffer.alloc(0), `ygjz-field-v1/${alg}`, KEY_BYTES[alg]))
    derived.set(memo, k)
  }
  return k
}

export const isEncryptedIdentifier = (v: unknown): v is string => typeof v === 'string' && v.startsWith(PREFIX) && ENCRYPTED.test(v)

/** True when the value is stored under the current key and cipher (nothing to re-encrypt). */
export function isUnderCurrentKey(v: unknown): boolean {
  const m = typeof v === 'string' ? ENCRYPTED.exec(v) : null
  return Boolean(m && CODE_ALG[m[1]] === fieldCipher() && m[2] === currentFieldKey().id)
}

export function encryptIdentifier(plain: string, purpose: IdentifierPurpose, opts: { iv?: Buffer; key?: FieldKey; alg?: CipherName } = {}): string {
  const alg = opts.alg ?? fieldCipher()
  const key = opts.key ?? currentFieldKey()
  const iv = opts.iv ?? crypto.randomBytes(IV_BYTES)
  const sealed = seal(alg, derive(alg, key), iv, Buffer.from(plain, 'utf8'), Buffer.from(purpose))
  return `${PREFIX}${ALG_CODE[alg]}.${key.id}.${Buffer.concat([iv, sealed]).toString('base64url')}`
}

/** Plaintext of a stored value; a value that is not encrypted (an old row before migration) comes back as it is. */
export function decryptIdentifier(stored: string, purpose: IdentifierPurpose): string {
  const m = ENCRYPTED.exec(stored)
  if (!m) return stored
  const alg = CODE_ALG[m[1]]
  const key = keys().all.get(m[2])
  if (!key) throw new Error(`无法解密${WHAT[purpose]}：数据由另一个字段加密密钥（编号 ${m[2]}）加密。请设置原来的 FIELD_KEY，或在 FIELD_KEY_PREVIOUS 中列出旧密钥。`)
  const raw = Buffer.from(m[3], 'base64url')
  return open(alg, derive(alg, key), raw.subarray(0, IV_BYTES), raw.subarray(IV_BYTES), Buffer.from(purpose)).toString('utf8')
}

/** null/empty stay as they are; a value already encrypted is not encrypted twice. */
export function encryptIfPlain(v: string | null | undefined, purpose: IdentifierPurpose): string | null | undefined {
  if (v === null || v === undefined || v === '' || isEncryptedIdentifier(v)) return v
  return encryptIdentifier(v, purpose)
}

export function decryptIfEncrypted(v: string | null | undefined, purpose: IdentifierPurpose): string | null | undefined {
  return typeof v === 'string' && isEncryptedIdentifier(v) ? decryptIdentifier(v, purpose) : v
}

/** Re-encrypts a stored value under the current key and cipher (plaintext is encrypted). */
export function reencrypt(v: string, purpose: IdentifierPurpose): string {
  return encryptIdentifier(decryptIdentifier(v, purpose), purpose)
}
