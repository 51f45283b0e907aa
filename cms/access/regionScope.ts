import type { PayloadRequest, Where } from 'payload'
import { hasRole } from './roles'

const cache = new WeakMap<object, Promise<string[] | 'all'>>()

type ScopedUser = { id: string | number; roles?: string[] | null; regions?: (string | { id: string })[] | null }

/**
 * The region ids a user works in: the subtree under each of their regions. Admins and users with
 * no region (county-level staff) have the whole county. Computed once per request.
 */
export function regionScope(req: PayloadRequest): Promise<string[] | 'all'> {
  const user = req.user as ScopedUser | null
  if (!user) return Promise.resolve([])
  if (hasRole(user, 'admin') || !user.regions?.length) return Promise.resolve('all')
  let pending = cache.get(req)
  if (!pending) {
    pending = (async () => {
      const own = user.regions!.map((r) => (typeof r === 'object' ? String(r.id) : String(r)))
      const { docs: roots } = await req.payload.find({
        collection: 'regions',
        where: { id: { in: own } },
        pagination: false,
        depth: 0,
        select: { path: true },
        overrideAccess: true,
        req,
      })
      if (!roots.length) return []
      const { docs } = await req.payload.find({
        collection: 'regions',
        where: { or: roots.map((r) => ({ path: { contains: r.path } })) },
        pagination: false,
        depth: 0,
        select: { code: true },
        overrideAccess: true,
        req,
      })
      return docs.map((d) => String(d.id))
    })()
    cache.set(req, pending)
  }
  return pending
}

/** A where-clause limiting documents with a `region` field to the user's scope. */
export async function regionScopeWhere(req: PayloadRequest, field = 'region'): Promise<Where | boolean> {
  const scope = await regionScope(req)
  if (scope === 'all') return true
  return { [field]: { in: scope } }
}
