import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload } from 'payload'
import { publishRelease } from './release'
import { createPublishScheduler, type PublishScheduler } from './scheduler'

/**
 * Publishing, unpublishing or deleting something public starts a release, debounced. Enabled in
 * the running CMS (AUTO_PUBLISH=1, set by `npm start`); tests call publishRelease directly.
 */
let scheduler: PublishScheduler | undefined

function schedulerFor(payload: Payload): PublishScheduler {
  scheduler ??= createPublishScheduler({
    debounceMs: Number(process.env.PUBLISH_DEBOUNCE_MS ?? 3000),
    run: async (reasons) => {
      try {
        const release = await publishRelease(payload)
        payload.logger.info({ msg: 'release published', release: release.id, pages: release.pages, ms: release.durationMs, reasons: reasons.length })
      } catch (err) {
        payload.logger.error({ msg: 'release failed; the live site is unchanged', err: (err as Error).message.slice(0, 2000) })
      }
    },
  })
  return scheduler
}

export function schedulePublish(payload: Payload, reason = 'change') {
  if (process.env.AUTO_PUBLISH !== '1') return
  schedulerFor(payload).request(reason)
}

type Status = { _status?: 'draft' | 'published' | null } | undefined | null

/**
 * Fires when a document is published, or was published and changes (an unpublish, a withdrawal).
 * A draft save — of a new document or over a published one — never starts a release: the public
 * version did not change.
 */
export function isPublicChange(doc: Status, previousDoc: Status, draftSave: boolean, versioned: boolean): boolean {
  if (!versioned) return true
  const now = doc?._status
  const before = previousDoc?._status
  if (draftSave) return false
  return now === 'published' || before === 'published'
}

export const publishOnChange: CollectionAfterChangeHook = ({ doc, previousDoc, req, context, collection }) => {
  if (context.disableAutoPublish) return doc
  const versioned = Boolean(collection.versions?.drafts)
  const draftSave = req.query?.draft === 'true' || (doc as Status)?._status === 'draft' && (previousDoc as Status)?._status !== 'published'
  if (isPublicChange(doc as Status, previousDoc as Status, draftSave, versioned)) schedulePublish(req.payload, `${collection.slug}:${doc.id}`)
  return doc
}

export const publishOnDelete: CollectionAfterDeleteHook = ({ doc, req, context, collection }) => {
  const versioned = Boolean(collection.versions?.drafts)
  if (!context.disableAutoPublish && (!versioned || (doc as Status)?._status === 'published')) schedulePublish(req.payload, `${collection.slug}:${doc.id}:delete`)
  return doc
}
