// Minimal ZIP reader for .xlsx: the central directory gives random access to each part, and a part
// is inflated as a stream with a byte cap, so a zip bomb or a huge sheet is refused early instead
// of filling memory. Only what .xlsx writers use: stored or deflated entries, ZIP64 sizes.
import { createInflateRaw } from 'node:zlib'
import { ImportFileError } from './types'

export type ZipEntry = {
  name: string
  method: number
  flags: number
  compressedSize: number
  uncompressedSize: number
  localHeaderOffset: number
}

const corrupt = (detail: string) =>
  new ImportFileError(
    'file.corruptZip',
    `文件已损坏，无法按 Excel（.xlsx）读取（${detail}）。请在 Excel 或 WPS 中打开该文件，确认能正常显示后“另存为”新的 .xlsx 文件再导入；若打不开，请重新从系统导出。`,
  )

export function readZipDirectory(buf: Uint8Array): Map<string, ZipEntry> {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength)
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
  const entries = new Map<string, ZipEntry>()
  let p = cdOffset
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) throw corrupt('压缩包目录项损坏')
    const flags = b.readUInt16LE(p + 8)
    const method = b.readUInt16LE(p + 10)
    let compressedSize = b.readUInt32LE(p + 20)
    let uncompressedSize = b.readUInt32LE(p + 24)
    const nameLen = b.readUInt16LE(p + 28)
    const extraLen = b.readUInt16LE(p + 30)
    const commentLen = b.readUInt16LE(p + 32)
    let localHeaderOffset = b.readUInt32LE(p + 42)
    const name = b.subarray(p + 46, p + 46 + nameLen).toString('utf8')
    // ZIP64 extended information extra field (0x0001): only the fields that overflowed are present.
    let e = p + 46 + nameLen
    const extraEnd = e + extraLen
    while (e + 4 <= extraEnd) {
      const id = b.readUInt16LE(e)
      const size = b.readUInt16LE(e + 2)
      if (id === 0x0001) {
        let q = e + 4
        if (uncompressedSize === 0xffffffff) (uncompressedSize = Number(b.readBigUInt64LE(q))), (q += 8)
        if (compressedSize === 0xffffffff) (compressedSize = Number(b.readBigUInt64LE(q))), (q += 8)
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = Number(b.readBigUInt64LE(q))
      }
      e += 4 + size
    }
    entries.set(name.replace(/\\/g, '/'), { name, method, flags, compressedSize, uncompressedSize, localHeaderOffset })
    p += 46 + nameLen + extraLen + commentLen
  }
  return entries
}

function entryData(buf: Uint8Array, entry: ZipEntry): Uint8Array {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength)
  const h = entry.localHeaderOffset
  if (h + 30 > b.length || b.readUInt32LE(h) !== 0x04034b50) throw corrupt(`“${entry.name}”的本地文件头损坏`)
  const start = h + 30 + b.readUInt16LE(h + 26) + b.readUInt16LE(h + 28)
  const end = start + entry.compressedSize
  if (end > b.length) throw corrupt(`“${entry.name}”的数据不完整，文件可能被截断`)
  if (entry.flags & 1) {
    throw new ImportFileError('file.encrypted', '文件设置了密码（已加密），无法读取。请在 Excel 中取消密码保护后另存，再导入。')
  }
  if (entry.method !== 0 && entry.method !== 8) throw corrupt(`不支持的压缩方式 ${entry.method}`)
  return b.subarray(start, end)
}

/**
 * Inflates one entry as a stream of UTF-8 text chunks. `onText` returns false to stop early (the
 * rest is not inflated). More than `maxBytes` of output is refused with `tooBig()`.
 */
export async function streamZipText(
  buf: Uint8Array,
  entry: ZipEntry,
  maxBytes: number,
  tooBig: () => Error,
  onText: (text: string) => boolean | void,
): Promise<void> {
  const data = entryData(buf, entry)
  const decoder = new TextDecoder('utf-8')
  if (entry.method === 0) {
    if (data.length > maxBytes) throw tooBig()
    const step = 1 << 20
    for (let i = 0; i < data.length; i += step) {
      const text = decoder.decode(data.subarray(i, Math.min(data.length, i + step)), { stream: true })
      if (onText(text) === false) return
    }
    onText(decoder.decode())
    return
  }
  const inflate = createInflateRaw({ chunkSize: 256 * 1024 })
  let total = 0
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
      try {
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
