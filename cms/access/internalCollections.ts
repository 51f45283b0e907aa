import type { Access, SanitizedConfig } from 'payload'
import { collectionAccess, globalAccess, isAdmin, isStaff, nobody, opensAdmin } from './index'
import { isStaffUser } from './roles'

/**
 * Payload adds its own collections while sanitising the config (jobs, document locks, preferences,
 * migrations, key-value store) and globals (job statistics), after any plugin could touch them. Their access blocks are set here,
 * through the same helper, so that they too are complete and closed to the public and to gated
 * accounts (by default any logged-in identity could, for example, delete migration records).
 */
/**
 * The admin's own screens (the dashboard, the account-security screen) read document locks and
 * preferences for whoever is logged in; a gated account gets an empty answer instead of "forbidden",
 * so it can reach the screen where it passes its gate, and still sees nothing.
 */
const emptyWhileGated: { read: Access } = { read: () => ({ id: { exists: false } }) }

const staffOnly =
  (rule: Access | undefined): Access =>
  (args) =>
    rule && isStaffUser(args.req.user as never) ? rule(args) : false

export function secureInternalCollections(config: SanitizedConfig): SanitizedConfig {
  for (const c of config.collections) {
    if (!c.slug.startsWith('payload-')) continue
    const own = c.access ?? {}
    switch (c.slug) {
      case 'payload-preferences':
        // Payload's own rules already limit each account to its own preferences.
        // System identities (the publish step, the public forms) are not accounts and have no preferences:
        // refused before Payload's own rule compares their id with the users' ids (a uuid on PostgreSQL).
        c.access = collectionAccess({ read: staffOnly(own.read), readVersions: nobody, create: isStaff, update: staffOnly(own.update), delete: staffOnly(own.delete), unlock: nobody, admin: opensAdmin }, emptyWhileGated) as never
        break
      case 'payload-locked-documents':
        c.access = collectionAccess({ read: isStaff, readVersions: nobody, create: isStaff, update: isStaff, delete: isStaff, unlock: nobody, admin: opensAdmin }, emptyWhileGated) as never
        break
      case 'payload-migrations':
        c.access = collectionAccess({ read: isAdmin, readVersions: nobody, create: nobody, update: nobody, delete: nobody, unlock: nobody, admin: opensAdmin }) as never
        break
      default:
        // payload-jobs (scheduled publishing goes through cms/publish/scheduledPublish.ts), payload-kv, …
        c.access = collectionAccess({ read: nobody, readVersions: nobody, create: nobody, update: nobody, delete: nobody, unlock: nobody, admin: opensAdmin }) as never
    }
  }
  // Payload's own globals (payload-jobs-stats, the job scheduler's bookkeeping): written by Payload
  // through its database adapter directly, never through an API, so closed to every identity.
  for (const g of config.globals) {
    if (g.slug.startsWith('payload-')) g.access = globalAccess({ read: nobody, readDrafts: nobody, readVersions: nobody, update: nobody }) as never
  }
  return config
}
