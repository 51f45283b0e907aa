import type { CollectionConfig } from 'payload'
import { collectionAccess, isAdmin, isComplaintOfficer, isComplaintOfficerOrPublicForm, nobody, opensAdmin } from '../../access'
import { hasRole } from '../../access/roles'
import { auditRead } from '../../hooks/audit'
import { dataDir } from '../../paths'
import path from 'node:path'
import { sanitiseUpload, servedFileHeaders } from '../../complaints/sanitiseUpload'

/**
 * Attachments of complaints and reports: only complaint officers and admins can read them; type
 * checked by content; images re-encoded with every metadata (EXIF, GPS) removed; PDFs rewritten
 * without metadata (or refused when they carry scripts); no SVG, nothing executable. Stored outside
 * the media folder, never copied into a release, served only as downloads.
 */
export const ComplaintFiles: CollectionConfig = {
  slug: 'complaint-files',
  labels: { singular: '投诉附件', plural: '投诉附件' },
  admin: { group: '投诉举报', hidden: ({ user }) => !hasRole(user as never, 'admin', 'complaintOfficer') },
  access: collectionAccess({
    read: isComplaintOfficer,
    readVersions: nobody,
    create: isComplaintOfficerOrPublicForm,
    update: nobody,
    delete: isAdmin,
    unlock: nobody,
    admin: opensAdmin,
  }),
  upload: {
    staticDir: path.join(dataDir(), 'complaint-files'),
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
    filesRequiredOnCreate: true,
    modifyResponseHeaders: servedFileHeaders,
  },
  hooks: { beforeOperation: [sanitiseUpload], afterOperation: [auditRead] },
  fields: [{ name: 'note', type: 'text', label: '说明' }],
}
