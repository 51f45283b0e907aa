import fs from 'node:fs'
import path from 'node:path'

/**
 * The durable outbox: when the CMS cannot be reached, a submission is written here — and flushed to
 * disk — BEFORE the receipt is shown; a forwarder sends the files in order once the CMS is back.
 * The tracking code is the idempotency key, so a retry never creates a second complaint.
 * The folder holds personal data (real-name reports): same protection as the database.
 */
export const outboxDir = () => path.resolve(process.env.OUTBOX_DIR ?? path.join(process.cwd(), '.data', 'outbox'))

let seq = 0

function fsyncDir(dir: string) {
  const fd = fs.openSync(dir, 'r')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

export function enqueue(trackingCode: string, submission: unknown): string {
  const dir = outboxDir()
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
  // Sortable: time, then a per-process sequence, so forwarding keeps the order of receipts.
  const name = `${Date.now().toString().padStart(14, '0')}-${process.pid}-${String(seq++).padStart(6, '0')}-${trackingCode}.json`
  const tmp = path.join(dir, `.${name}.tmp`)
  const fd = fs.openSync(tmp, 'w', 0o600)
  try {
    fs.writeSync(fd, JSON.stringify(submission))
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  fs.renameSync(tmp, path.join(dir, name))
  fsyncDir(dir)
  return name
}

export function pending(): string[] {
  const dir = outboxDir()
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort()
}

export const readEntry = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(outboxDir(), name), 'utf8'))

export function remove(name: string) {
  fs.rmSync(path.join(outboxDir(), name), { force: true })
}

/** A submission the CMS refused (it cannot become valid by retrying): kept aside for the office, not lost. */
export function setAside(name: string, reason: string) {
  const dir = path.join(outboxDir(), 'refused')
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
  fs.renameSync(path.join(outboxDir(), name), path.join(dir, name))
  fs.writeFileSync(path.join(dir, `${name}.reason.txt`), reason)
}
