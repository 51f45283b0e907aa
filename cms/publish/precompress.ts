import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

/**
 * Writes `<file>.br` and `<file>.gz` beside every text file of a release, so the public server
 * sends compressed bytes without compressing per request — a county without nginx still gets
 * compression. Files unchanged since the live release (same SHA-256 in both manifests) reuse its
 * compressed copies by hard link, so a publish recompresses only what changed. The copies are
 * derived from files that passed the privacy gates and are not listed in the manifest.
 */
const COMPRESSIBLE = /\.(html|css|js|mjs|json|xml|svg|txt|csv|webmanifest)$/
const MIN_BYTES = 1024

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

type Files = Record<string, { sha256: string; bytes: number }>
const readManifest = (clientDir: string): Files | null => {
  try {
    return (JSON.parse(fs.readFileSync(path.join(clientDir, 'manifest.json'), 'utf8')) as { files: Files }).files
  } catch {
    return null
  }
}

function reuse(from: string, to: string): boolean {
  try {
    fs.linkSync(from, to)
    return true
  } catch {
    try {
      fs.copyFileSync(from, to)
      return true
    } catch {
      return false
    }
  }
}

export type PrecompressStats = { files: number; compressed: number; reused: number; bytesIn: number; bytesBr: number; bytesGz: number }

export async function precompressRelease(clientDir: string, previousClientDir: string | null, concurrency = 4): Promise<PrecompressStats> {
  const files = readManifest(clientDir)
  if (!files) throw new Error(`发布目录缺少 manifest.json，无法预压缩：${clientDir}`)
  const previous = previousClientDir ? readManifest(previousClientDir) : null
  const stats: PrecompressStats = { files: 0, compressed: 0, reused: 0, bytesIn: 0, bytesBr: 0, bytesGz: 0 }
  const todo = Object.entries(files).filter(([rel, f]) => COMPRESSIBLE.test(rel) && f.bytes >= MIN_BYTES)
  // manifest.json itself is not in the manifest; it is the largest JSON of all.
  todo.push(['/manifest.json', { sha256: '', bytes: fs.statSync(path.join(clientDir, 'manifest.json')).size }])
  let next = 0
  const worker = async () => {
    while (next < todo.length) {
      const [rel, f] = todo[next++]
      const src = path.join(clientDir, rel)
      stats.files++
      stats.bytesIn += f.bytes
      const old = previous?.[rel]
      if (old && f.sha256 && old.sha256 === f.sha256 && previousClientDir) {
        const prev = path.join(previousClientDir, rel)
        const br = fs.existsSync(`${prev}.br`) ? reuse(`${prev}.br`, `${src}.br`) : true
        const gz = fs.existsSync(`${prev}.gz`) ? reuse(`${prev}.gz`, `${src}.gz`) : true
        if (br && gz) {
          stats.reused++
          continue
        }
      }
      const data = await fs.promises.readFile(src)
      const [b, g] = await Promise.all([
        brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
        gzip(data, { level: 9 }),
      ])
      // A copy linked from the live release above (when only one of the two could be) is
      // unlinked first: writing through it would change the live release's file.
      await Promise.all([fs.promises.rm(`${src}.br`, { force: true }), fs.promises.rm(`${src}.gz`, { force: true })])
      // Not worth a second copy when it barely shrinks (the server then sends the file as it is).
      if (b.length < data.length * 0.9) {
        await fs.promises.writeFile(`${src}.br`, b)
        stats.bytesBr += b.length
      }
      if (g.length < data.length * 0.9) {
        await fs.promises.writeFile(`${src}.gz`, g)
        stats.bytesGz += g.length
      }
      stats.compressed++
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return stats
}
