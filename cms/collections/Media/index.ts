import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook, CollectionBeforeOperationHook, CollectionConfig } from 'payload'
import { collectionAccess, isStaffOrExporter, nobody, opensAdmin, regionScopedContentStaff } from '../../access'
import { makeSanitiseUpload, servedFileHeaders } from '../../complaints/sanitiseUpload'
import { auditChange, auditDelete } from '../../hooks/audit'
import { refuseUnreviewed } from '../../hooks/twoPersonRule'
import { mediaDir } from '../../paths'

type Use = { collection: string; title: string }

/** Published documents that show this file (a release copies it into the public site). */
export async function publishedUsesOfMedia(req: Parameters<CollectionBeforeDeleteHook>[0]['req'], id: string | number): Promise<Use[]> {
  const opts = { depth: 0, limit: 5, overrideAccess: true, req, context: { skipAudit: true }, select: { title: true } } as const
  const [policies, notices] = await Promise.all([
    req.payload.find({ collection: 'policies', where: { and: [{ attachments: { equals: id } }, { _status: { equals: 'published' } }] }, ...opts }),
    req.payload.find({ collection: 'notices', where: { and: [{ boardPhoto: { equals: id } }, { _status: { equals: 'published' } }] }, ...opts }),
  ])
  return [...policies.docs.map((d) => ({ collection: '政策法规', title: String(d.title) })), ...notices.docs.map((d) => ({ collection: '公示', title: String(d.title) }))]
}

const usesText = (uses: Use[]) => uses.map((u) => `${u.collection}“${u.title.slice(0, 30)}”`).join('、')

/** Replacing the file (or deleting it) under published content changes what the public sees: a second person decides. */
const guardReplacingPublishedFile: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'update' && operation !== 'updateByID') return args
  const id = (args as { id?: string }).id
  if (!req.file || !id || !req.user) return args
  const uses = await publishedUsesOfMedia(req, id)
  if (uses.length) {
    const doc = await req.payload.findByID({ collection: 'media', id, depth: 0, overrideAccess: true, req })
    refuseUnreviewed({ action: 'replaceFile', user: req.user, lastEditor: doc.lastEditedBy, reason: undefined, detail: usesText(uses) })
  }
  return args
}

const guardDeletingPublishedFile: CollectionBeforeDeleteHook = async ({ id, req }) => {
  if (!req.user) return
  const uses = await publishedUsesOfMedia(req, id)
  if (!uses.length) return
  const doc = await req.payload.findByID({ collection: 'media', id, depth: 0, overrideAccess: true, req })
  refuseUnreviewed({ action: 'deleteFile', user: req.user, lastEditor: doc.lastEditedBy, reason: typeof req.query?.reason === 'string' ? req.query.reason : undefined, detail: usesText(uses) })
}

/** A new file belongs to the uploader's region (county staff: the county), and remembers who uploaded it. */
const recordRegionAndUploader: CollectionBeforeChangeHook = ({ data, req, operation }) => {
  const user = req.user as { id: string; collection?: string; regions?: (string | { id: string })[] } | null
  if (!user || user.collection !== 'users') return data
  const out = { ...data }
  if (operation === 'create' && !out.region && user.regions?.length) {
    const r = user.regions[0]
    out.region = typeof r === 'object' ? r.id : r
  }
  if (operation === 'create' || req.file) out.lastEditedBy = user.id
  return out
}

/**
 * Images and PDF attachments. The public never reads this collection: a release copies in only the
 * files that published content references. Files are served as downloads with a restrictive CSP.
 */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: '附件', plural: '附件与图片' },
  admin: {
    group: '内容',
    description: '被已发布内容使用的文件，替换或删除须由另一位审核人（或管理员）操作。乡镇经办人只能修改本地区上传的文件。',
  },
  access: collectionAccess({
    read: isStaffOrExporter,
    readVersions: nobody,
    create: regionScopedContentStaff,
    update: regionScopedContentStaff,
    delete: regionScopedContentStaff,
    unlock: nobody,
    admin: opensAdmin,
  }),
  upload: {
    staticDir: mediaDir(),
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
    imageSizes: [{ name: 'web', width: 1280, withoutEnlargement: true }],
    modifyResponseHeaders: servedFileHeaders,
  },
  hooks: {
    beforeOperation: [guardReplacingPublishedFile, makeSanitiseUpload({ maxBytes: 30 * 1024 * 1024, keepName: true })],
    beforeChange: [recordRegionAndUploader],
    beforeDelete: [guardDeletingPublishedFile],
    afterChange: [auditChange],
    afterDelete: [auditDelete],
  },
  fields: [
    { name: 'alt', type: 'text', label: '替代文字（供读屏软件朗读）' },
    { name: 'region', type: 'relationship', relationTo: 'regions', label: '所属地区', admin: { position: 'sidebar', description: '上传人所在地区；县级人员上传的文件留空（全县）。' } },
    { name: 'lastEditedBy', type: 'relationship', relationTo: 'users', label: '上传人', access: { create: () => false, update: () => false }, admin: { readOnly: true, position: 'sidebar' } },
  ],
}
