import type { Access, FieldAccess } from 'payload'
import { hasRole, isStaffUser } from './roles'
import { regionScope, regionScopeWhere } from './regionScope'

export const anyone: Access = () => true
export const nobody: Access = () => false
export const isAdmin: Access = ({ req: { user } }) => hasRole(user, 'admin')
export const isAdminField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin')
export const isStaffField: FieldAccess = ({ req: { user } }) => isStaffUser(user)
/** Raw values that the export must read to mask (entries), but no anonymous caller may see. */
export const isStaffOrExporterField: FieldAccess = ({ req: { user } }) => isStaffUser(user) || hasRole(user, 'exporter')
/** Who sees decrypted ID numbers: the list and notice staff, and the publish step (for its privacy gate, in memory). */
export const mayReadIdNumbers: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin', 'editor', 'reviewer', 'exporter')

/** Staff read everything; the public (and the exporter) only what is published. */
export const authenticatedOrPublished: Access = ({ req: { user } }) =>
  isStaffUser(user) ? true : { _status: { equals: 'published' } }

/** Content editors and reviewers (and admins) may write content collections. */
export const isContentStaff: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor', 'reviewer')

/** Admins see every account; everyone else only their own. */
export const isAdminOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  return { id: { equals: user.id } }
}

/** Region-scoped content: staff see their region subtree (drafts included); the public sees published only. */
export const regionScopedOrPublished: Access = async ({ req }) => {
  if (!isStaffUser(req.user)) return { _status: { equals: 'published' } }
  return regionScopeWhere(req)
}

/**
 * Region-scoped writes by content staff. A where-clause limits which existing documents can be
 * changed; the region a create or update *sets* is checked here too (create cannot use a where).
 */
export const regionScopedContentStaff: Access = async ({ req, data }) => {
  if (!hasRole(req.user, 'admin', 'editor', 'reviewer')) return false
  const scope = await regionScope(req)
  if (scope === 'all') return true
  const target = data?.region
  if (target !== undefined && target !== null) {
    const id = typeof target === 'object' ? String((target as { id: unknown }).id) : String(target)
    if (!scope.includes(id)) return false
  }
  return regionScopeWhere(req)
}
