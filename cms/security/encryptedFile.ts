/**
 * Encrypted files for backups: the file is cut into 1 MiB chunks, each sealed with the chosen AEAD
 * (AES-256-GCM or SM4-GCM, cms/security/aead.ts) under a key derived from BACKUP_KEY and a random
 * per-file salt; the nonce is a random prefix, the chunk counter and a last-chunk flag (the STREAM
 * construction of Hoang, Reyhanitabar, Rogaway and Vizár), so reordering, truncation or appending
 * is detected, and nothing is released before its chunk is authenticated. Written here because no
 * maintained package offers chunked SM4-GCM; the ciphers themselves come from OpenSSL and @noble.
 *
 *   header (32 bytes): "YGJZENC1" ‖ cipher (1) ‖ salt (16) ‖ nonce prefix (7); the header is the AAD of every chunk
 *   chunks:            sealed(≤ 1 MiB) = ciphertext ‖ 16-byte tag; the last one (possibly empty) has flag 1
 */
import crypto from 'node:crypto'
import { Transform, type TransformCallback } from 'node:stream'
import { KEY_BYTES, TAG_BYTES, open, seal, type CipherName } from './aead'

const MAGIC = Buffer.from('YGJZENC1')
const HEADER_BYTES = 32
export const CHUNK_BYTES = 1 << 20
const CIPHER_CODE: Record<CipherName, number> = { 'aes-256-gcm': 1, 'sm4-gcm': 2 }
const CODE_CIPHER: Record<number, CipherName> = { 1: 'aes-256-gcm', 2: 'sm4-gcm' }

function fileKey(alg: CipherName, secret: string, salt: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync(alg === 'sm4-gcm' ? 'sm3' : 'sha256', secret, salt, `ygjz-backup-v1/${alg}`, KEY_BYTES[alg]))
}

function nonce(prefix: Buffer, counter: number, last: boolean): Buffer {
  const n = Buffer.alloc(12)
  prefix.copy(n, 0)
  n.writeUInt32BE(counter, 7)
  n[11] = last ? 1 : 0
  return n
}

export function encryptStream(secret: string, alg: CipherName): Transform {
  const salt = crypto.randomBytes(16)
  const prefix = crypto.randomBytes(7)
  const header = Buffer.concat([MAGIC, Buffer.from([CIPHER_CODE[alg]]), salt, prefix])
  const key = fileKey(alg, secret, salt)
  let pending: Buffer[] = []
  let pendingBytes = 0
  let counter = 0
  return new Transform({
    construct(cb) {
      this.push(header)
      cb()
    },
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      pending.push(chunk)
      pendingBytes += chunk.length
      // Keep at least one byte back so that the last chunk is always sealed with the "last" flag.
      while (pendingBytes > CHUNK_BYTES) {
        const all = Buffer.concat(pending)
        this.push(seal(alg, key, nonce(prefix, counter++, false), all.subarray(0, CHUNK_BYTES), header))
        pending = [all.subarray(CHUNK_BYTES)]
        pendingBytes = pending[0].length
      }
      cb()
    },
    flush(cb) {
      this.push(seal(alg, key, nonce(prefix, counter++, true), Buffer.concat(pending), header))
      cb()
    },
  })
}

const unreadable = (err: unknown) =>
  new Error(`备份文件无法解密：${(err as Error).message}。请确认 BACKUP_KEY 是做备份时用的密钥，且文件未被改动或截断。`)

export function decryptStream(secret: string): Transform {
  let header: Buffer | null = null
  let alg: CipherName
  let key: Buffer
  let prefix: Buffer
  let buf: Buffer = Buffer.alloc(0)
  let counter = 0
  let done = false
  const sealedChunk = CHUNK_BYTES + TAG_BYTES
  return new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      buf = buf.length ? Buffer.concat([buf, chunk]) : chunk
      try {
        if (!header) {
          if (buf.length < HEADER_BYTES) return cb()
          header = buf.subarray(0, HEADER_BYTES)
          if (!header.subarray(0, 8).equals(MAGIC) || !CODE_CIPHER[header[8]]) throw new Error('不是本系统的加密备份文件')
          alg = CODE_CIPHER[header[8]]
          key = fileKey(alg, secret, header.subarray(9, 25))
          prefix = header.subarray(25, 32)
          buf = buf.subarray(HEADER_BYTES)
        }
        // A full-size chunk is never the last one unless the data ends exactly there: keep it until more arrives.
        while (buf.length > sealedChunk) {
          this.push(open(alg, key, nonce(prefix, counter++, false), buf.subarray(0, sealedChunk), header))
          buf = buf.subarray(sealedChunk)
        }
        cb()
      } catch (err) {
        cb(unreadable(err))
      }
    },
    flush(cb) {
      try {
        if (!header || done) throw new Error('加密备份文件不完整')
        this.push(open(alg, key, nonce(prefix, counter++, true), buf, header))
        done = true
        cb()
      } catch (err) {
        cb(unreadable(err))
      }
    },
  })
}
