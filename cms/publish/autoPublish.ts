import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload } from 'payload'
import { publishRelease } from './release'

/**
 * Publishing something public starts a release, debounced so a burst of publishes makes one or two
 * releases. Enabled in the running CMS (AUTO_PUBLISH=1, set by `npm start`); tests call
 * publishRelease directly.
 */
const DEBOUNCE_MS = Number(process.env.PUBLISH_DEBOUNCE_MS ?? 3000)
let timer: NodeJS.Timeout | undefined
let running = false
let pending = false

export function schedulePublish(payload: Payload) {
  if (process.env.AUTO_PUBLISH !== '1') return
  clearTimeout(timer)
  timer = setTimeout(() => void runPublish(payload), DEBOUNCE_MS)
}

async function runPublish(payload: Payload) {
  if (running) {
    pending = true
    return
  }
  running = true
  try {
    const release = await publishRelease(payload)
    payload.logger.info({ msg: 'release published', release: release.id, pages: release.pages, ms: release.durationMs })
  } catch (err) {
    payload.logger.error({ msg: 'release failed; the live site is unchanged', err: (err as Error).message })
  } finally {
    running = false
    if (pending) {
      pending = false
      schedulePublish(payload)
    }
  }
}

type Status = { _status?: 'draft' | 'published' | null } | undefined | null

/** Fires when a document is or was published; a draft of an unpublished document never starts a release. */
export const publishOnChange: CollectionAfterChangeHook = ({ doc, previousDoc, req, context }) => {
  if (context.disableAutoPublish) return doc
  const now = (doc as Status)?._status
  const before = (previousDoc as Status)?._status
  if (now === 'published' || before === 'published') schedulePublish(req.payload)
  return doc
}

export const publishOnDelete: CollectionAfterDeleteHook = ({ doc, req, context }) => {
  if (!context.disableAutoPublish && (doc as Status)?._status === 'published') schedulePublish(req.payload)
  return doc
}
