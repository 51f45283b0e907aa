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
const MAX_SM4_GCM_BYTES = (2 ** 32 - 2) * 16

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

function sm4Ctr(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Buffer {
  const counter = Buffer.alloc(16)
  Buffer.from(iv).copy(counter)
  counter.writeUInt32BE(2, 12) // inc32(J0): the first counter block used for data
  const c = crypto.createCipheriv('sm4-ctr', key, counter)
  return Buffer.concat([c.update(data), c.final()])
}

function sm4GcmTag(key: Uint8Array, iv: Uint8Array, aad: Uint8Array, ciphertext: Uint8Array): Buffer {
  const h = sm4Block(key, new Uint8Array(16))
  const lengths = Buffer.alloc(16)
  lengths.writeBigUInt64BE(BigInt(aad.length) * 8n, 0)
  lengths.writeBigUInt64BE(BigInt(ciphertext.length) * 8n, 8)
  const g = new GHASH(h, aad.length + ciphertext.length + 16)
  if (aad.length) g.update(aad)
  if (ciphertext.length) g.update(ciphertext)
  const s = g.update(lengths).digest()
  const j0 = Buffer.alloc(16)
  Buffer.from(iv).copy(j0)
  j0.writeUInt32BE(1, 12)
  const mask = sm4Block(key, j0)
  for (let i = 0; i < 16; i++) mask[i] ^= s[i]
  return mask
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
  const ct = sm4Ctr(key, iv, plaintext)
  return Buffer.concat([ct, sm4GcmTag(key, iv, aad, ct)])
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
  const expected = sm4GcmTag(key, iv, aad, ct)
  if (!crypto.timingSafeEqual(expected, Buffer.from(tag))) throw new Error('解密失败：密钥不对或数据已被改动')
  return sm4Ctr(key, iv, ct)
}
