// The single error path of hooks and endpoints: every refusal a person can act on is made here, so
// its Chinese text reaches them where they acted — on the field when it concerns one field (a
// Payload ValidationError with the field's path: the admin marks the field and shows the text under
// it), otherwise as the toast (a public APIError). Either way the status is 4xx and the error is
// public, so REST, GraphQL and the admin never replace the text by "An unknown error occurred.".
import { APIError, ValidationError, type PayloadRequest } from 'payload'
import { rememberRefusal } from '../domain/errors'

export type RefusalPlace = {
  /** The field the refusal concerns (its path in the document, e.g. `statusReason`, `entries.2.name`). */
  field?: string
  /** The field's label as the admin shows it (the toast names it when the field is out of sight). */
  label?: string
  /** The collection of the document (the admin uses it to place the error). */
  collection?: string
  /** HTTP status, 400 unless the rule says otherwise (403 not allowed, 409 conflict with another record). */
  status?: number
  req?: PayloadRequest
}

/** The error to throw for `message`: on the field when `place.field` is given, as the toast otherwise. */
export function refusal(message: string, place: RefusalPlace = {}): Error {
  rememberRefusal(message)
  if (!place.field) return new APIError(message, place.status ?? 400, undefined, true)
  const err = new ValidationError({ collection: place.collection, errors: [{ path: place.field, message, ...(place.label ? { label: place.label } : {}) }] }, place.req?.t)
  // The toast shows the error's own message: make it the rule's text, not "下面的字段是无效的：<field>".
  err.message = message
  return err
}

/** Throws `refusal(message, place)`: `refuse('……', { field: 'statusReason' })`. */
export function refuse(message: string, place: RefusalPlace = {}): never {
  throw refusal(message, place)
}
