import type { CollectionBeforeChangeHook } from 'payload'

/** The account created on an empty database (the admin's "create first user" screen) must be able to administer. */
export const ensureFirstUserIsAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req, overrideAccess: true })
  if (totalDocs === 0) return { ...data, roles: ['admin'] }
  return data
}
