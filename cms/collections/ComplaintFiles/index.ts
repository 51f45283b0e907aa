import type { CollectionConfig } from 'payload'
import { hasRole } from '../../access/roles'
import { auditRead } from '../../hooks/audit'
import { dataDir } from '../../paths'
import path from 'node:path'
import { sanitiseUpload } from '../../complaints/sanitiseUpload'

const officers = ({ req: { user } }: { req: { user?: unknown } }) => hasRole(user as never, 'admin', 'complaintOfficer')

/**
 * Attachments of complaints and reports: only complaint officers and admins can read them; type
 * checked by content; images re-encoded with every metadata (EXIF, GPS) removed; no SVG, nothing
 * executable. Stored outside the media folder, never copied into a release.
 */
export const ComplaintFiles: CollectionConfig = {
  slug: 'complaint-files',
  labels: { singular: '投诉附件', plural: '投诉附件' },
  admin: { group: '投诉举报', hidden: ({ user }) => !hasRole(user as never, 'admin', 'complaintOfficer') },
  access: {
    read: officers,
    create: ({ req: { user } }) => hasRole(user, 'admin', 'complaintOfficer', 'publicForm'),
    update: () => false,
    delete: ({ req: { user } }) => hasRole(user, 'admin'),
  },
  upload: {
    staticDir: path.join(dataDir(), 'complaint-files'),
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
    filesRequiredOnCreate: true,
  },
  hooks: { beforeOperation: [sanitiseUpload], afterOperation: [auditRead] },
  fields: [{ name: 'note', type: 'text', label: '说明' }],
}
