import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import sharp from 'sharp'
import crypto from 'node:crypto'
import { isOfficeAddress, parsePhoneNumbers } from '../domain/disclosure'
import { describeFinding, findKnownValues, findPii, KnownValueIndex } from '../domain/pii'

export type GateFinding = { file: string; message: string }

export class PiiGateError extends Error {
  constructor(
    readonly stage: 'snapshot' | 'release',
    readonly findings: GateFinding[],
  ) {
    const shown = findings.slice(0, 20).map((f) => `- ${f.file}：${f.message}`)
    super(
      `${stage === 'snapshot' ? '公开数据快照' : '待发布网站'}中发现疑似个人信息，已停止发布，线上网站保持不变：\n${shown.join('\n')}${findings.length > 20 ? `\n…… 另有 ${findings.length - 20} 处` : ''}\n请修改对应内容后重新发布。`,
    )
  }
}

const IMAGE = new Set(['.jpg', '.jpeg', '.png', '.webp', '.gif', '.avif', '.tif', '.tiff'])
/** Compiled search runtime shipped by Pagefind: no site data, binary; everything else is scanned. */
const BINARY_RUNTIME = new Set(['.wasm'])

export type GateOptions = {
  knownValues: Iterable<string>
  /**
   * Official contacts (cms/domain/disclosure.ts officialContacts). Only values that validate as a
   * phone field or an office address are honoured: a free-text value would whitelist whatever it
   * contains (a resident's name and mobile in a notice's 异议受理方式) for the whole release.
   */
  allow: string[]
  /**
   * Incremental scanning: `unchanged(file, sha256)` says a file is byte-identical to one that already
   * passed; such a file is checked only against `newKnownValues` (raw values added since).
   */
  unchanged?: (file: string, sha256: string) => boolean
  newKnownValues?: Iterable<string>
}
export type GateStats = { files: number; scanned: number; skipped: number }

/** Pagefind's term dictionary: n-grams of the page text (which is scanned in full), not text itself. */
const TERM_INDEX = /[\\/]pagefind[\\/]index[\\/][^\\/]+\.pf_index$/

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
}

const UNREADABLE = '压缩文件无法解压，不能确认其中没有个人信息'

/** The bytes a reader gets: gzip by its magic number, brotli by the .br name (it has no magic number); null if it cannot be read. */
function decompressed(buf: Buffer, ext: string): Buffer | null {
  try {
    if (buf.length > 2 && buf[0] === 0x1f && buf[1] === 0x8b) return zlib.gunzipSync(buf)
    if (ext === '.br') return zlib.brotliDecompressSync(buf)
    return buf
  } catch {
    return null
  }
}

/**
 * The one detector (cms/domain/pii) over every byte about to be published: text files as text,
 * gzip- and brotli-compressed files (search index fragments, precompressed .gz/.br copies) after
 * decompression (a compressed copy read as text both hides what it holds and, being noise, looks
 * like an e-mail address now and then), images by their metadata
 * (EXIF/GPS/XMP/IPTC must be absent). A finding names the file and a masked hint, never the value.
 */
export async function scanForPersonalData(roots: string[], opts: GateOptions, stats?: GateStats): Promise<GateFinding[]> {
  const values = [...opts.knownValues]
  const allow = opts.allow.filter((a) => parsePhoneNumbers(a) !== null || isOfficeAddress(a))
  const known = new KnownValueIndex(values)
  // Two-character names are not looked for among segmented n-grams (“提高金额” yields 高金).
  const knownLong = new KnownValueIndex(values.filter((v) => /\d/.test(v) || Array.from(v).length >= 3))
  const fresh = new KnownValueIndex(opts.newKnownValues ?? [])
  const findings: GateFinding[] = []
  for (const root of roots) {
    const files = fs.statSync(root).isDirectory() ? listFiles(root) : [root]
    for (const file of files) {
      const rel = path.relative(path.dirname(root), file)
      const ext = path.extname(file).toLowerCase()
      if (BINARY_RUNTIME.has(ext)) continue
      let buf = fs.readFileSync(file)
      if (stats) stats.files++
      const unchanged = opts.unchanged?.(file, crypto.createHash('sha256').update(buf).digest('hex')) ?? false
      if (unchanged) {
        if (stats) stats.skipped++
        if (fresh.size === 0 || IMAGE.has(ext)) continue
        const plain = decompressed(buf, ext)
        if (!plain) {
          findings.push({ file: rel, message: UNREADABLE })
          continue
        }
        const text = plain.toString('utf8')
        for (const f of findKnownValues(text, TERM_INDEX.test(file) ? new KnownValueIndex([]) : fresh)) findings.push({ file: rel, message: describeFinding(f, text) })
        continue
      }
      if (stats) stats.scanned++
      if (IMAGE.has(ext)) {
        const meta = await sharp(buf).metadata().catch(() => null)
        if (!meta) findings.push({ file: rel, message: '图片无法读取，不能确认其中没有个人信息' })
        else if (meta.exif || meta.xmp || meta.iptc) findings.push({ file: rel, message: '图片带有元数据（EXIF/GPS/XMP/IPTC），可能含拍摄位置等信息' })
        continue
      }
      const plain = decompressed(buf, ext)
      if (!plain) {
        findings.push({ file: rel, message: UNREADABLE })
        continue
      }
      const text = plain.toString('utf8')
      for (const f of findPii(text, { knownValues: TERM_INDEX.test(file) ? knownLong : known, allow })) {
        findings.push({ file: rel, message: describeFinding(f, text) })
      }
    }
  }
  return findings
}
