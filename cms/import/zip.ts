// Minimal ZIP reader for .xlsx. Kept hand-written (not yauzl / unzipper / jszip) on purpose:
//  - the import needs an OUTPUT cap per part, enforced while inflating and able to stop early
//    (header scan, row limit), on an upload that is already in memory — the libraries either
//    inflate whole entries into memory (jszip) or expose a stream whose early stop and byte cap
//    we would re-implement around them anyway (yauzl, which also does not check CRC-32);
//  - it is ~200 lines over node:zlib (inflate and crc32 are Node's own), reads only what .xlsx
//    writers produce (stored or deflated entries, ZIP64 sizes), and checks what a hostile or
//    truncated file gets wrong: the central directory against each local header (signature, name,
//    method, sizes), the declared uncompressed size, and the CRC-32 of every fully read part.
import { crc32, createInflateRaw } from 'node:zlib'
import { ImportFileError } from './types'

export type ZipEntry = {
  name: string
  method: number
  flags: number
  crc32: number
  compressedSize: number
  uncompressedSize: number
  localHeaderOffset: number
}

const corrupt = (detail: string) =>
  new ImportFileError(
    'file.corruptZip',
    `文件已损坏，无法按 Excel（.xlsx）读取（${detail}）。请在 Excel 或 WPS 中打开该文件，确认能正常显示后“另存为”新的 .xlsx 文件再导入；若打不开，请重新从系统导出。`,
  )

/** Entries by name; at most this many (a workbook has dozens; more is a hostile archive). */
const MAX_ENTRIES = 10_000

export function readZipDirectory(buf: Uint8Array): Map<string, ZipEntry> {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength)
  if (b.length < 22) throw corrupt('文件太短，不是完整的压缩包')
  // End of central directory: 22 bytes + up to 65535 bytes of comment, searched from the end.
  let eocd = -1
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw corrupt('找不到压缩包目录，文件可能不完整')
  let count = b.readUInt16LE(eocd + 10)
  let cdSize = b.readUInt32LE(eocd + 12)
  let cdOffset = b.readUInt32LE(eocd + 16)
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    // ZIP64 end of central directory locator sits just before the EOCD.
    const loc = eocd - 20
    if (loc < 0 || b.readUInt32LE(loc) !== 0x07064b50) throw corrupt('ZIP64 目录缺失')
    const z64 = Number(b.readBigUInt64LE(loc + 8))
    if (z64 < 0 || z64 + 56 > b.length || b.readUInt32LE(z64) !== 0x06064b50) throw corrupt('ZIP64 目录损坏')
    count = Number(b.readBigUInt64LE(z64 + 32))
    cdSize = Number(b.readBigUInt64LE(z64 + 40))
    cdOffset = Number(b.readBigUInt64LE(z64 + 48))
  }
  if (cdOffset + cdSize > b.length) throw corrupt('压缩包目录超出文件末尾，文件可能被截断')
  if (count > MAX_ENTRIES) throw corrupt(`压缩包中有 ${count} 个文件，远多于 Excel 工作簿应有的数量`)
  const entries = new Map<string, ZipEntry>()
  let p = cdOffset
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) throw corrupt('压缩包目录项损坏')
    const flags = b.readUInt16LE(p + 8)
    const method = b.readUInt16LE(p + 10)
    const crc = b.readUInt32LE(p + 16)
    let compressedSize = b.readUInt32LE(p + 20)
    let uncompressedSize = b.readUInt32LE(p + 24)
    const nameLen = b.readUInt16LE(p + 28)
    const extraLen = b.readUInt16LE(p + 30)
    const commentLen = b.readUInt16LE(p + 32)
    let localHeaderOffset = b.readUInt32LE(p + 42)
    if (p + 46 + nameLen + extraLen + commentLen > b.length) throw corrupt('压缩包目录项超出文件末尾')
    const name = b.subarray(p + 46, p + 46 + nameLen).toString('utf8')
    // ZIP64 extended information extra field (0x0001): only the fields that overflowed are present.
    let e = p + 46 + nameLen
    const extraEnd = e + extraLen
    while (e + 4 <= extraEnd) {
      const id = b.readUInt16LE(e)
      const size = b.readUInt16LE(e + 2)
      if (id === 0x0001) {
        let q = e + 4
        const end = q + size
        const next = () => {
          if (q + 8 > end) throw corrupt('ZIP64 扩展信息不完整')
          const v = Number(b.readBigUInt64LE(q))
          q += 8
          return v
        }
        if (uncompressedSize === 0xffffffff) uncompressedSize = next()
        if (compressedSize === 0xffffffff) compressedSize = next()
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = next()
      }
      e += 4 + size
    }
    entries.set(name.replace(/\\/g, '/'), { name, method, flags, crc32: crc, compressedSize, uncompressedSize, localHeaderOffset })
    p += 46 + nameLen + extraLen + commentLen
  }
  return entries
}

/** The compressed bytes of an entry, after checking its local header against the central directory. */
function entryData(buf: Uint8Array, entry: ZipEntry): Uint8Array {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength)
  const h = entry.localHeaderOffset
  if (h + 30 > b.length || b.readUInt32LE(h) !== 0x04034b50) throw corrupt(`“${entry.name}”的本地文件头损坏`)
  if (entry.flags & 1) {
    throw new ImportFileError('file.encrypted', '文件设置了密码（已加密），无法读取。请在 Excel 中取消密码保护后另存，再导入。')
  }
  const localFlags = b.readUInt16LE(h + 6)
  const localMethod = b.readUInt16LE(h + 8)
  const nameLen = b.readUInt16LE(h + 26)
  const extraLen = b.readUInt16LE(h + 28)
  if (h + 30 + nameLen > b.length) throw corrupt(`“${entry.name}”的本地文件头损坏`)
  const localName = b.subarray(h + 30, h + 30 + nameLen).toString('utf8')
  if (localName !== entry.name || localMethod !== entry.method) throw corrupt(`“${entry.name}”的本地文件头与目录不一致`)
  // Without a data descriptor (bit 3) the local header repeats CRC and sizes; they must agree.
  if (!(localFlags & 8)) {
    const lCrc = b.readUInt32LE(h + 14)
    const lComp = b.readUInt32LE(h + 18)
    const lUncomp = b.readUInt32LE(h + 22)
    const sizesAgree = (lComp === 0xffffffff || lComp === entry.compressedSize) && (lUncomp === 0xffffffff || lUncomp === entry.uncompressedSize)
    if (lCrc !== entry.crc32 || !sizesAgree) throw corrupt(`“${entry.name}”的本地文件头与目录不一致`)
  }
  if (entry.method !== 0 && entry.method !== 8) throw corrupt(`不支持的压缩方式 ${entry.method}`)
  const start = h + 30 + nameLen + extraLen
  const end = start + entry.compressedSize
  if (end > b.length) throw corrupt(`“${entry.name}”的数据不完整，文件可能被截断`)
  return b.subarray(start, end)
}

/** Called with how many uncompressed bytes of the entry have been read so far. */
export type ZipProgress = (readBytes: number, totalBytes: number) => void

/**
 * Inflates one entry as a stream of UTF-8 text chunks. `onText` returns false to stop early (the
 * rest is not inflated). More than `maxBytes` of output is refused with `tooBig()`. When the entry
 * is read to the end, its length and CRC-32 must match the directory.
 */
export async function streamZipText(
  buf: Uint8Array,
  entry: ZipEntry,
  maxBytes: number,
  tooBig: () => Error,
  onText: (text: string) => boolean | void,
  onProgress?: ZipProgress,
): Promise<void> {
  const data = entryData(buf, entry)
  const decoder = new TextDecoder('utf-8')
  let total = 0
  let crc = 0
  const finish = () => {
    if (total !== entry.uncompressedSize) throw corrupt(`“${entry.name}”解压后的长度与目录记录不符`)
    if ((crc >>> 0) !== entry.crc32) throw corrupt(`“${entry.name}”的校验码（CRC-32）不符，文件内容已被改动或损坏`)
  }
  if (entry.method === 0) {
    if (data.length > maxBytes) throw tooBig()
    const step = 1 << 20
    for (let i = 0; i < data.length; i += step) {
      const slice = data.subarray(i, Math.min(data.length, i + step))
      total += slice.length
      crc = crc32(slice, crc)
      onProgress?.(total, entry.uncompressedSize)
      if (onText(decoder.decode(slice, { stream: true })) === false) return
    }
    const tail = decoder.decode()
    finish()
    if (tail) onText(tail)
    return
  }
  const inflate = createInflateRaw({ chunkSize: 256 * 1024 })
  let stopped = false
  let failure: Error | null = null
  const done = new Promise<void>((resolve) => {
    inflate.on('data', (chunk: Buffer) => {
      if (stopped) return
      total += chunk.length
      if (total > maxBytes) {
        failure = tooBig()
        stopped = true
        inflate.destroy()
        resolve()
        return
      }
      crc = crc32(chunk, crc)
      try {
        onProgress?.(total, entry.uncompressedSize)
        if (onText(decoder.decode(chunk, { stream: true })) === false) {
          stopped = true
          inflate.destroy()
          resolve()
        }
      } catch (err) {
        failure = err as Error
        stopped = true
        inflate.destroy()
        resolve()
      }
    })
    inflate.on('error', (err) => {
      if (!stopped) failure = corrupt(`“${entry.name}”解压失败：${(err as Error).message}`)
      stopped = true
      resolve()
    })
    inflate.on('end', () => resolve())
    inflate.on('close', () => resolve())
  })
  // Feed in slices so a stop request is honoured without inflating the rest.
  const step = 1 << 20
  for (let i = 0; i < data.length && !stopped; i += step) {
    const ok = inflate.write(data.subarray(i, Math.min(data.length, i + step)))
    if (!ok && !stopped) await new Promise<void>((r) => inflate.once('drain', r).once('close', r))
  }
  if (!stopped) inflate.end()
  await done
  if (failure) throw failure
  if (!stopped) {
    finish()
    const tail = decoder.decode()
    if (tail) onText(tail)
  }
}

/** A small entry (workbook.xml, rels) as a string. */
export async function readZipText(buf: Uint8Array, entry: ZipEntry, maxBytes = 16 * 1024 * 1024): Promise<string> {
  const parts: string[] = []
  await streamZipText(buf, entry, maxBytes, () => corrupt(`“${entry.name}”大得不正常`), (t) => {
    parts.push(t)
  })
  return parts.join('')
}
