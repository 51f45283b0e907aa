import { MAX_ATTACHMENT_BYTES, MAX_FILES } from '../../../cms/complaints/submission'
import type { ParseLimits } from './parseForm'

/**
 * How much each form route reads. Forms: what the attachments allow plus the text, capped at
 * 30 MB; tracking and feedback: 16 KB. A body must arrive within the deadline (a slow phone on a
 * rural network sends 30 MB in a few minutes; a lookup is a few hundred bytes).
 */
export const FORM_BODY_LIMIT = Math.min(30 * 1024 * 1024, MAX_FILES * MAX_ATTACHMENT_BYTES + 6 * 1024 * 1024)
export const TRACK_BODY_LIMIT = 16 * 1024
export const BODY_DEADLINE_MS = { form: 10 * 60_000, track: 30_000 } as const

export const FORM_PARSE_LIMITS: ParseLimits = { maxFiles: MAX_FILES, maxFileBytes: MAX_ATTACHMENT_BYTES }
export const TRACK_PARSE_LIMITS: ParseLimits = { maxFiles: 0, maxFileBytes: 0, maxFieldBytes: 4096, maxFields: 10 }
