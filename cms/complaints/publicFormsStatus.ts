import fs from 'node:fs'
import path from 'node:path'
import { dataDir } from '../paths'

/**
 * What the CMS can tell admins about the public server's door: calls with a wrong public-form key
 * (typically a key rotated on one side only: the public server then keeps submissions in its outbox)
 * and sealed submissions no CMS key opens (OUTBOX_PUBLIC_KEY does not match OUTBOX_PRIVATE_KEY).
 * Kept in a small file, not memory: the admin's dashboard may render in another module instance.
 * For the dashboard: `readPublicFormsStatus()` here, or GET /api/public-forms/status (admins).
 */
export type PublicFormsProblem = { count: number; firstAt: string; lastAt: string }
export type PublicFormsStatus = { unauthorised: PublicFormsProblem | null; unsealable: PublicFormsProblem | null; lastAcceptedAt: string | null }

const file = () => path.join(dataDir(), 'public-forms-status.json')
const WRITE_EVERY_MS = 10_000
let lastWrite = 0

export function readPublicFormsStatus(): PublicFormsStatus {
  try {
    return JSON.parse(fs.readFileSync(file(), 'utf8')) as PublicFormsStatus
  } catch {
    return { unauthorised: null, unsealable: null, lastAcceptedAt: null }
  }
}

function write(status: PublicFormsStatus) {
  fs.mkdirSync(dataDir(), { recursive: true, mode: 0o700 })
  const tmp = `${file()}.${process.pid}.tmp`
  fs.writeFileSync(tmp, JSON.stringify(status), { mode: 0o600 })
  fs.renameSync(tmp, file())
}

/** Records a problem (a wrong key, an entry no key opens); writes at most every ten seconds under a flood. */
export function recordPublicFormsProblem(kind: 'unauthorised' | 'unsealable', at: string) {
  const status = readPublicFormsStatus()
  const prev = status[kind]
  status[kind] = { count: (prev?.count ?? 0) + 1, firstAt: prev?.firstAt ?? at, lastAt: at }
  if (prev && Date.now() - lastWrite < WRITE_EVERY_MS) return
  lastWrite = Date.now()
  write(status)
}

/** A submission came through with the right key and a key pair that matches: the problems are over. */
export function recordPublicFormsAccepted(at: string) {
  const status = readPublicFormsStatus()
  if (!status.unauthorised && !status.unsealable && status.lastAcceptedAt && Date.now() - lastWrite < 60_000) return
  lastWrite = Date.now()
  write({ unauthorised: null, unsealable: null, lastAcceptedAt: at })
}
