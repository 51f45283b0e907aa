import type { CollectionConfig } from 'payload'
import { anyone, isContentStaff } from '../../access'
import { mediaDir } from '../../paths'

/**
 * Images and PDF attachments of public content. Only files referenced by published content are
 * copied into a release; this collection's API is readable so the admin can preview them.
 */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: '附件', plural: '附件与图片' },
  admin: { group: '内容' },
  access: { read: anyone, create: isContentStaff, update: isContentStaff, delete: isContentStaff },
  upload: {
    staticDir: mediaDir(),
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
    imageSizes: [{ name: 'web', width: 1280, withoutEnlargement: true }],
  },
  fields: [{ name: 'alt', type: 'text', label: '替代文字（供读屏软件朗读）' }],
}
