/** The id of a relationship value, whether it arrived populated (an object) or as an id. */
export const relationId = (v: unknown): string | undefined =>
  v && typeof v === 'object' ? String((v as { id: unknown }).id) : v ? String(v) : undefined
