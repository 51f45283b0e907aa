import type { CollectionConfig } from 'payload'
import type { Access } from 'payload'
import { isContentStaff } from '../../access'
import { hasRole, isStaffUser } from '../../access/roles'
import { makeSanitiseUpload } from '../../complaints/sanitiseUpload'
import { mediaDir } from '../../paths'

/** Staff and the exporter only: a draft's attachment or a photo of a village board must not be fetchable. */
const staffOrExporter: Access = ({ req: { user } }) => isStaffUser(user) || hasRole(user, 'exporter')

/**
 * Images and PDF attachments. The public never reads this collection: a release copies in only the
 * files that published content references.
 */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: '附件', plural: '附件与图片' },
  admin: { group: '内容' },
  access: { read: staffOrExporter, create: isContentStaff, update: isContentStaff, delete: isContentStaff },
  upload: {
    staticDir: mediaDir(),
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
    imageSizes: [{ name: 'web', width: 1280, withoutEnlargement: true }],
  },
  hooks: { beforeOperation: [makeSanitiseUpload({ maxBytes: 30 * 1024 * 1024, keepName: true })] },
  fields: [{ name: 'alt', type: 'text', label: '替代文字（供读屏软件朗读）' }],
}
