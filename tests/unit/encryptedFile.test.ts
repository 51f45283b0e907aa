import { Readable } from 'node:stream'
import { buffer } from 'node:stream/consumers'
import { describe, expect, it } from 'vitest'
import { CHUNK_BYTES, decryptStream, encryptStream } from '../../cms/security/encryptedFile'

const SECRET = 'k'.repeat(64)
const enc = (data: Buffer, alg: 'aes-256-gcm' | 'sm4-gcm', pieces = 7) => buffer(Readable.from(split(data, pieces)).pipe(encryptStream(SECRET, alg)))
const dec = (data: Buffer, secret = SECRET) => buffer(Readable.from(split(data, 5)).pipe(decryptStream(secret)))
const split = (b: Buffer, n: number) => {
  const out: Buffer[] = []
  const step = Math.max(1, Math.ceil(b.length / n))
  for (let i = 0; i < b.length; i += step) out.push(b.subarray(i, i + step))
  return out
}

describe.each(['aes-256-gcm', 'sm4-gcm'] as const)('encrypted backup files (%s)', (alg) => {
  const sizes = [0, 1, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 2 * CHUNK_BYTES + 12345]
  for (const size of sizes) {
    it(`round-trips ${size} bytes`, async () => {
      const data = Buffer.alloc(size, 0).map((_, i) => (i * 31) & 0xff)
      const sealed = await enc(Buffer.from(data), alg)
      if (size >= 64) expect(sealed.includes(Buffer.from(data.subarray(0, 64)))).toBe(false)
      expect((await dec(sealed)).equals(Buffer.from(data))).toBe(true)
    })
  }
  it('refuses a truncated file, a changed byte, an appended chunk and a wrong key', async () => {
    const data = Buffer.alloc(2 * CHUNK_BYTES + 10, 1)
    const sealed = await enc(data, alg)
    const firstChunkEnd = 32 + CHUNK_BYTES + 16
    await expect(dec(sealed.subarray(0, firstChunkEnd))).rejects.toThrow(/无法解密|不完整/)
    const changed = Buffer.from(sealed)
    changed[100] ^= 1
    await expect(dec(changed)).rejects.toThrow(/无法解密/)
    await expect(dec(Buffer.concat([sealed, sealed.subarray(32, firstChunkEnd)]))).rejects.toThrow(/无法解密/)
    await expect(dec(sealed, 'x'.repeat(64))).rejects.toThrow(/BACKUP_KEY/)
  })
})
