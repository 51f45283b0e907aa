// What the PII gate of a release checked its files against, kept beside that release so the first
// publish after a restart is as incremental as any other (issue 19). It holds keyed hashes (HMAC
// under a key derived from ID_HASH_KEY) of the raw values and allowed contacts, never the values,
// plus the detector's version: a new detector, another key or a damaged file means a full scan.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { PII_DETECTOR_VERSION } from '../domain/pii'
import { idHashKey } from '../secret'

const FILE = 'gate-memory.bin'
const MAGIC = 'ygjz-gate-memory'
const DIGEST_BYTES = 16

export type GateMemory = { release: string; known: Set<string>; allow: Set<string> }

let cachedKey: { source: string; key: Buffer; id: string } | null = null
function memoryKey() {
  const source = idHashKey()
  if (cachedKey?.source !== source) {
    const key = crypto.createHmac('sha256', source).update('publish-gate-memory').digest()
    cachedKey = { source, key, id: crypto.createHmac('sha256', key).update('key-id').digest('hex').slice(0, 16) }
  }
  return cachedKey
}

/** The keyed hash of one value, as held in memory and on disk (16 bytes, base64). */
export function gateDigest(value: string): string {
  return crypto.createHmac('sha256', memoryKey().key).update(value).digest().subarray(0, DIGEST_BYTES).toString('base64')
}

export function digestAll(values: Iterable<string>): Set<string> {
  const out = new Set<string>()
  for (const v of values) out.add(gateDigest(v))
  return out
}

export const gateMemoryFile = (releaseDir: string) => path.join(releaseDir, FILE)

/**
 * Binary, owner-only: a JSON header line (version, detector, key id, counts) and the digests.
 * The release folder is otherwise public-readable; this file is not served (it sits outside client/).
 */
export function writeGateMemory(releaseDir: string, memory: GateMemory) {
  const known = [...memory.known].map((d) => Buffer.from(d, 'base64'))
  const allow = [...memory.allow].map((d) => Buffer.from(d, 'base64'))
  const header = JSON.stringify({ magic: MAGIC, detector: PII_DETECTOR_VERSION, key: memoryKey().id, release: memory.release, known: known.length, allow: allow.length })
  const file = gateMemoryFile(releaseDir)
  const tmp = `${file}.${process.pid}.tmp`
  fs.writeFileSync(tmp, Buffer.concat([Buffer.from(`${header}\n`), ...known, ...allow]), { mode: 0o600 })
  fs.renameSync(tmp, file)
}

/** The memory a release was published with, or null when it is missing or void (other detector or key). */
export function readGateMemory(releaseDir: string, release: string): GateMemory | null {
  let buf: Buffer
  try {
    buf = fs.readFileSync(gateMemoryFile(releaseDir))
  } catch {
    return null
  }
  const nl = buf.indexOf(0x0a)
  if (nl < 0) return null
  let header: { magic?: string; detector?: number; key?: string; release?: string; known?: number; allow?: number }
  try {
    header = JSON.parse(buf.subarray(0, nl).toString('utf8'))
  } catch {
    return null
  }
  const known = Number(header.known)
  const allow = Number(header.allow)
  if (header.magic !== MAGIC || header.detector !== PII_DETECTOR_VERSION || header.key !== memoryKey().id || header.release !== release) return null
  if (!Number.isInteger(known) || !Number.isInteger(allow) || buf.length !== nl + 1 + (known + allow) * DIGEST_BYTES) return null
  const at = (i: number) => buf.subarray(nl + 1 + i * DIGEST_BYTES, nl + 1 + (i + 1) * DIGEST_BYTES).toString('base64')
  const out: GateMemory = { release, known: new Set(), allow: new Set() }
  for (let i = 0; i < known; i++) out.known.add(at(i))
  for (let i = 0; i < allow; i++) out.allow.add(at(known + i))
  return out
}
