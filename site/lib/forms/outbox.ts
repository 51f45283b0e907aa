import fs from 'node:fs'
import path from 'node:path'
import { isSealedEntry, seal, type SealedEntry } from '../../../cms/complaints/outboxSeal'

/**
 * The durable outbox: when the CMS cannot take a submission, it is written here — sealed to the
 * CMS's public key and flushed to disk — BEFORE the receipt is shown; the forwarder sends the files
 * once the CMS takes them again. The tracking code is the idempotency key, so a retry never creates
 * a second complaint. A file holds no plaintext: the submission (attachments already stripped of
 * metadata, the query password already hashed) is inside the sealed envelope; only the CMS opens it.
 */
export type OutboxFile = { v: 1; queuedAt: string; sealed: SealedEntry }

let seq = 0

function fsyncDir(dir: string) {
  const fd = fs.openSync(dir, 'r')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

export function createOutbox(dir: string, publicKey: string | null) {
  const refusedDir = path.join(dir, 'refused')
  const ensure = (d: string) => fs.mkdirSync(d, { recursive: true, mode: 0o700 })
  return {
    dir,
    /** Whether entries can be kept at all (no public key configured: nothing may be written). */
    canQueue: publicKey !== null,
    enqueue(queuedAt: string, submission: unknown): string {
      if (!publicKey) throw new Error('OUTBOX_PUBLIC_KEY 未设置：无法加密保存提交。')
      ensure(dir)
      // Sortable by time, then a per-process sequence; no tracking code in the name (names show in listings and logs).
      const name = `${Date.now().toString().padStart(14, '0')}-${process.pid}-${String(seq++).padStart(6, '0')}.json`
      const file: OutboxFile = { v: 1, queuedAt, sealed: seal(publicKey, Buffer.from(JSON.stringify(submission))) }
      const tmp = path.join(dir, `.${name}.tmp`)
      const fd = fs.openSync(tmp, 'w', 0o600)
      try {
        fs.writeSync(fd, JSON.stringify(file))
        fs.fsyncSync(fd)
      } finally {
        fs.closeSync(fd)
      }
      fs.renameSync(tmp, path.join(dir, name))
      fsyncDir(dir)
      return name
    },
    pending(): string[] {
      if (!fs.existsSync(dir)) return []
      return fs.readdirSync(dir).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort()
    },
    read(name: string): OutboxFile {
      const v = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as OutboxFile
      if (v?.v !== 1 || !isSealedEntry(v.sealed)) throw new Error('not a sealed outbox file')
      return v
    },
    remove(name: string) {
      fs.rmSync(path.join(dir, name), { force: true })
      fsyncDir(dir)
    },
    /** A submission the CMS refused for its content (retrying cannot help): kept aside for the office, with the reason; never deleted. */
    setAside(name: string, reason: string) {
      ensure(refusedDir)
      fs.writeFileSync(path.join(refusedDir, `${name}.reason.txt`), `${reason}\n`, { mode: 0o600 })
      fs.renameSync(path.join(dir, name), path.join(refusedDir, name))
      fsyncDir(dir)
    },
    refused(): string[] {
      if (!fs.existsSync(refusedDir)) return []
      return fs.readdirSync(refusedDir).filter((n) => n.endsWith('.json'))
    },
  }
}

export type Outbox = ReturnType<typeof createOutbox>
