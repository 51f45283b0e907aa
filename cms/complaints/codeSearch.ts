// A tracking code as printed on the receipt (K7M2-Q9XP-4RTB-Z), read aloud with spaces or typed in
// lower case, finds the complaint: the code is stored normalised, so the search is normalised the
// same way before it reaches the database (the admin's list search and any API query alike).
import type { CollectionBeforeOperationHook, Where } from 'payload'
import { normaliseTrackingCode } from '../domain/trackingCode'

const TEXT_OPERATORS = ['equals', 'like', 'contains', 'not_equals', 'in', 'not_in'] as const

/** `where` with every condition on `trackingCode` normalised (a new object; the input is untouched). */
export function normaliseCodeSearch(where: Where | undefined): Where | undefined {
  if (!where || typeof where !== 'object') return where
  const out: Where = {}
  for (const [key, value] of Object.entries(where)) {
    if ((key === 'and' || key === 'or') && Array.isArray(value)) out[key] = value.map((w) => normaliseCodeSearch(w as Where) as Where)
    else if (key === 'trackingCode' && value && typeof value === 'object') {
      const cond: Record<string, unknown> = { ...(value as Record<string, unknown>) }
      for (const op of TEXT_OPERATORS) {
        const v = cond[op]
        if (typeof v === 'string') cond[op] = normaliseTrackingCode(v)
        else if (Array.isArray(v)) cond[op] = v.map((x) => (typeof x === 'string' ? normaliseTrackingCode(x) : x))
      }
      out[key] = cond as Where[string]
    } else out[key] = value as Where[string]
  }
  return out
}

export const searchCodesAsPrinted: CollectionBeforeOperationHook = ({ args, operation }) => {
  const where = (args as { where?: Where } | undefined)?.where
  if ((operation === 'read' || operation === 'count') && where) return { ...args, where: normaliseCodeSearch(where) }
  return args
}
