import type { Access, FieldAccess, Where } from 'payload'
import { hasRole, isStaffUser } from './roles'
import { regionScope, regionScopeWhere } from './regionScope'

export { collectionAccess, globalAccess, ACCESS_BLOCK, COLLECTION_OPERATIONS, GLOBAL_OPERATIONS, isBuiltBlock } from './block'
export type { CollectionRules, GlobalRules } from './block'

/*
 * Small named predicates. Each collection composes its complete access block from these with
 * `collectionAccess` (block.ts); nothing else decides who may do what.
 */

export const anyone: Access = () => true
export const nobody: Access = () => false
export const isAdmin: Access = ({ req: { user } }) => hasRole(user, 'admin')
/** Bureau staff (never the system identities). */
export const isStaff: Access = ({ req: { user } }) => isStaffUser(user)
/** Content editors and reviewers (and admins) may write content collections. */
export const isContentStaff: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor', 'reviewer')
/** Complaint officers (纪检/信访) and admins. */
export const isComplaintOfficer: Access = ({ req: { user } }) => hasRole(user, 'admin', 'complaintOfficer')
/** The public server's least-privilege key may create complaints and their attachments. */
export const isComplaintOfficerOrPublicForm: Access = ({ req: { user } }) => hasRole(user, 'admin', 'complaintOfficer', 'publicForm')
/** Staff, and the publish step's exporter identity (published media only reach a release through it). */
export const isStaffOrExporter: Access = ({ req: { user } }) => isStaffUser(user) || hasRole(user, 'exporter')
/** Who may open the admin at all: an account with a bureau role. */
export const opensAdmin = ({ req: { user } }: { req: { user?: unknown } }) => isStaffUser(user as never)

export const isAdminField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin')
export const isStaffField: FieldAccess = ({ req: { user } }) => isStaffUser(user)
export const isContentStaffField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin', 'editor', 'reviewer')
export const isPublicFormField: FieldAccess = ({ req: { user } }) => hasRole(user, 'publicForm')
export const nobodyField: FieldAccess = () => false
/** Raw values that the export must read to mask (entries), but no anonymous caller may see. */
export const isStaffOrExporterField: FieldAccess = ({ req: { user } }) => isStaffUser(user) || hasRole(user, 'exporter')
/** Who sees decrypted ID numbers: the list and notice staff, and the publish step (for its privacy gate, in memory). */
export const mayReadIdNumbers: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin', 'editor', 'reviewer', 'exporter')

const published: Where = { _status: { equals: 'published' } }

/** Staff read everything; the public (and the exporter) only what is published. */
export const authenticatedOrPublished: Access = ({ req: { user } }) => (isStaffUser(user) ? true : published)

/** Admins see every account; everyone else only their own. */
export const isAdminOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  return { id: { equals: user.id } }
}

/** Only one's own account (what a gated account may still read). */
export const isSelf: Access = ({ req: { user } }) => (user && user.collection === 'users' ? { id: { equals: user.id } } : false)

/** Region-scoped content: staff see their region subtree (drafts included); the public sees published only. */
export const regionScopedOrPublished: Access = async ({ req }) => {
  if (!isStaffUser(req.user)) return published
  return regionScopeWhere(req)
}

/** Staff read their region subtree (raw records: rows, mappings); nobody else reads at all. */
export const staffInRegion: Access = async ({ req }) => (isStaffUser(req.user) ? regionScopeWhere(req) : false)

/**
 * Versions of a region-scoped collection: staff read the versions whose own region is in their
 * subtree (an old version is raw data of the region it was made for); nobody else reads any.
 */
export const staffVersionsInRegion: Access = async ({ req }) => {
  if (!isStaffUser(req.user)) return false
  return regionScopeWhere(req, 'version.region')
}

/** Versions of county-wide content (policies, guides): staff only, never the public or the exporter. */
export const staffVersions: Access = ({ req: { user } }) => isStaffUser(user)

/** Whether `data` (what a create or update would set) keeps the record inside the user's scope. */
async function setsRegionInScope(req: Parameters<Access>[0]['req'], data: Record<string, unknown> | undefined, field = 'region') {
  const scope = await regionScope(req)
  if (scope === 'all') return true
  const target = data?.[field]
  if (target === undefined || target === null) return true
  const id = typeof target === 'object' ? String((target as { id: unknown }).id) : String(target)
  return scope.includes(id)
}

/**
 * Region-scoped writes by content staff. A where-clause limits which existing documents can be
 * changed; the region a create or update *sets* is checked here too (create cannot use a where).
 */
export const regionScopedContentStaff: Access = async ({ req, data }) => {
  if (!hasRole(req.user, 'admin', 'editor', 'reviewer')) return false
  if (!(await setsRegionInScope(req, data))) return false
  return regionScopeWhere(req)
}
