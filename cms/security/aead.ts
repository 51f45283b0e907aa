/**
 * The two authenticated ciphers the project offers: AES-256-GCM (OpenSSL through node:crypto) and
 * SM4-GCM (国密, GB/T 32907 block cipher in GCM mode as in RFC 8998), for field encryption and
 * backups alike. Node's OpenSSL build has SM4 but no SM4-GCM, so SM4-GCM is assembled here from
 * OpenSSL's SM4 (ECB for the hash key and tag mask, CTR for the data) and the audited GHASH of
 * @noble/ciphers; nothing of the block cipher or the field arithmetic is hand-written.
 * Both take a 96-bit IV and produce a 128-bit tag; the test vectors are in tests/unit/aead.test.ts.
 */
import crypto from 'node:crypto'
import { GHASH } from '@noble/ciphers/_polyval.js'

export const CIPHERS = ['aes-256-gcm', 'sm4-gcm'] as const
export type CipherName = (typeof CIPHERS)[number]
export const KEY_BYTES: Record<CipherName, number> = { 'aes-256-gcm': 32, 'sm4-gcm': 16 }
export const IV_BYTES = 12
export const TAG_BYTES = 16
/** GCM's 32-bit block counter (OpenSSL's CTR counts all 128 bits): stay below its wrap-around. */
const MAX_SM4_GCM_BYTES = (2 ** 32 - 3) * 16

export function isCipherName(v: unknown): v is CipherName {
  return typeof v === 'string' && (CIPHERS as readonly string[]).includes(v)
}

function check(alg: CipherName, key: Uint8Array, iv: Uint8Array) {
  if (key.length !== KEY_BYTES[alg]) throw new Error(`${alg} 密钥长度应为 ${KEY_BYTES[alg]} 字节`)
  if (iv.length !== IV_BYTES) throw new Error(`IV 长度应为 ${IV_BYTES} 字节`)
}

function sm4Block(key: Uint8Array, block: Uint8Array): Buffer {
  const c = crypto.createCipheriv('sm4-ecb', key, null)
  c.setAutoPadding(false)
  return Buffer.concat([c.update(block), c.final()])
}

/**
 * SM4 in CTR mode from the block J0 = IV ‖ 1: the first key-stream block is E(J0), the tag mask;
 * the rest, from inc32(J0), encrypts the data. Returns [mask, data ⊕ key stream].
 */
function sm4Ctr(key: Uint8Array, iv: Uint8Array, data: Uint8Array): [Buffer, Buffer] {
  const j0 = Buffer.alloc(16)
  Buffer.from(iv).copy(j0)
  j0.writeUInt32BE(1, 12)
  const c = crypto.createCipheriv('sm4-ctr', key, j0)
  const out = Buffer.concat([c.update(Buffer.concat([Buffer.alloc(16), data])), c.final()])
  return [out.subarray(0, 16), out.subarray(16)]
}

/** The GHASH key H = E_K(0¹²⁸) depends on the key only: computed once per key object. */
const hashKeys = new WeakMap<Uint8Array, Buffer>()
function ghashKey(key: Uint8Array): Buffer {
  let h = hashKeys.get(key)
  if (!h) {
    h = sm4Block(key, new Uint8Array(16))
    hashKeys.set(key, h)
  }
  return h
}

function sm4GcmTag(key: Uint8Array, mask: Buffer, aad: Uint8Array, ciphertext: Uint8Array): Buffer {
  const lengths = Buffer.alloc(16)
  lengths.writeBigUInt64BE(BigInt(aad.length) * 8n, 0)
  lengths.writeBigUInt64BE(BigInt(ciphertext.length) * 8n, 8)
  const g = new GHASH(ghashKey(key), aad.length + ciphertext.length + 16)
  if (aad.length) g.update(aad)
  if (ciphertext.length) g.update(ciphertext)
  const s = g.update(lengths).digest()
  const tag = Buffer.from(mask)
  for (let i = 0; i < 16; i++) tag[i] ^= s[i]
  return tag
}

/** Encrypts and authenticates: returns ciphertext followed by the 16-byte tag. */
export function seal(alg: CipherName, key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array, aad: Uint8Array = new Uint8Array()): Buffer {
  check(alg, key, iv)
  if (alg === 'aes-256-gcm') {
    const c = crypto.createCipheriv('aes-256-gcm', key, iv)
    c.setAAD(aad)
    return Buffer.concat([c.update(plaintext), c.final(), c.getAuthTag()])
  }
  if (plaintext.length > MAX_SM4_GCM_BYTES) throw new Error('SM4-GCM 单条消息过长')
  const [mask, ct] = sm4Ctr(key, iv, plaintext)
  return Buffer.concat([ct, sm4GcmTag(key, mask, aad, ct)])
}

/** Verifies and decrypts `ciphertext || tag`; throws when anything was changed or the key is wrong. */
export function open(alg: CipherName, key: Uint8Array, iv: Uint8Array, sealed: Uint8Array, aad: Uint8Array = new Uint8Array()): Buffer {
  check(alg, key, iv)
  if (sealed.length < TAG_BYTES) throw new Error('密文不完整')
  const ct = sealed.subarray(0, sealed.length - TAG_BYTES)
  const tag = sealed.subarray(sealed.length - TAG_BYTES)
  if (alg === 'aes-256-gcm') {
    const d = crypto.createDecipheriv('aes-256-gcm', key, iv)
    d.setAAD(aad)
    d.setAuthTag(tag)
    try {
      return Buffer.concat([d.update(ct), d.final()])
    } catch {
      throw new Error('解密失败：密钥不对或数据已被改动')
    }
  }
  // CTR is its own inverse: one pass gives the tag mask and the plaintext; nothing is returned unless the tag matches.
  const [mask, plain] = sm4Ctr(key, iv, ct)
  if (!crypto.timingSafeEqual(sm4GcmTag(key, mask, aad, ct), Buffer.from(tag))) throw new Error('解密失败：密钥不对或数据已被改动')
  return plain
}
