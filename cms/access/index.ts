import type { Access, FieldAccess } from 'payload'
import { hasRole } from './roles'

export const anyone: Access = () => true
export const nobody: Access = () => false
export const authenticated: Access = ({ req: { user } }) => Boolean(user)
export const isAdmin: Access = ({ req: { user } }) => hasRole(user, 'admin')
export const isAdminField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin')

/** Staff read everything; the public reads only what is published. */
export const authenticatedOrPublished: Access = ({ req: { user } }) =>
  user ? true : { _status: { equals: 'published' } }

/** Content editors and reviewers (and admins) may write content collections. */
export const isContentStaff: Access = ({ req: { user } }) =>
  hasRole(user, 'admin', 'editor', 'reviewer')

/** Admins see every account; everyone else only their own. */
export const isAdminOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  return { id: { equals: user.id } }
}
