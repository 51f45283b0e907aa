import type { CollectionConfig, FieldHook } from 'payload'
import { collectionAccess, isAdmin, nobody, opensAdmin } from '../../access'
import { auditLogExportEndpoint } from '../../endpoints/spreadsheets'
import { chinaDateTime } from '../../domain/dates'
import { collectionLabel } from '../../spreadsheets/labels'
import { auditTargetTitle } from '../../spreadsheets/readableAudit'

// Readable columns (issue 16): China time, the collection's Chinese name, the record's title.
const atInChina: FieldHook = ({ data }) => (data?.at ? `${chinaDateTime(String(data.at))}（北京时间）` : null)
const collectionInChinese: FieldHook = ({ data, req }) => (data?.targetCollection ? collectionLabel(req.payload, String(data.targetCollection)) : null)
const recordTitle: FieldHook = async ({ data, req }) => (data ? (await auditTargetTitle(req, data)) || null : null)

export const AUDIT_ACTIONS = [
  { value: 'create', label: '新建' },
  { value: 'update', label: '修改' },
  { value: 'publish', label: '发布' },
  { value: 'forcePublish', label: '强制发布' },
  { value: 'unpublish', label: '撤销发布' },
  { value: 'delete', label: '删除' },
  { value: 'restore', label: '恢复旧版本' },
  { value: 'schedule', label: '安排定时发布' },
  { value: 'scheduleCancel', label: '取消定时发布' },
  { value: 'view', label: '查看' },
  { value: 'viewVersions', label: '查看历史版本' },
  { value: 'denied', label: '拒绝访问' },
  { value: 'export', label: '导出' },
  { value: 'import', label: '导入' },
  { value: 'unlock', label: '解锁账号' },
  { value: 'login', label: '登录' },
  { value: 'loginFailed', label: '登录失败' },
  { value: 'passwordChange', label: '修改密码' },
  { value: 'passwordReset', label: '重置密码' },
  { value: 'twoFactor', label: '两步验证' },
] as const satisfies readonly { value: import('../../hooks/audit').AuditAction; label: string }[]

/**
 * 审计日志: who did what to which record, when and from where. Written only by hooks (with
 * overrideAccess); nobody can create, edit or delete an entry through any API. Admins read it.
 */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: { singular: '审计日志', plural: '审计日志' },
  admin: {
    group: '系统管理',
    useAsTitle: 'summary',
    defaultColumns: ['atChina', 'action', 'targetLabel', 'targetTitle', 'actorName', 'summary'],
    components: { beforeListTable: ['/components/exports/ExportButtons#AuditLogExport'] },
    disableCopyToLocale: true,
  },
  access: collectionAccess({ read: isAdmin, readVersions: nobody, create: nobody, update: nobody, delete: nobody, unlock: nobody, admin: opensAdmin }),
  endpoints: [auditLogExportEndpoint],
  defaultSort: '-at',
  timestamps: false,
  fields: [
    { name: 'at', type: 'date', label: '时间', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'atChina', type: 'text', label: '时间（北京时间）', virtual: true, admin: { readOnly: true }, hooks: { afterRead: [atInChina] } },
    { name: 'targetLabel', type: 'text', label: '对象类型', virtual: true, admin: { readOnly: true }, hooks: { afterRead: [collectionInChinese] } },
    { name: 'targetTitle', type: 'text', label: '对象', virtual: true, admin: { readOnly: true }, hooks: { afterRead: [recordTitle] } },
    { name: 'action', type: 'select', label: '操作', required: true, index: true, options: AUDIT_ACTIONS.map((a) => ({ ...a })) },
    { name: 'targetCollection', type: 'text', label: '对象类型（代码）', required: true, index: true },
    { name: 'targetId', type: 'text', label: '对象编号', index: true },
    { name: 'actor', type: 'relationship', relationTo: 'users', label: '操作人' },
    { name: 'actorName', type: 'text', label: '操作人名称' },
    { name: 'ip', type: 'text', label: '来源地址' },
    { name: 'summary', type: 'text', label: '摘要' },
    { name: 'reason', type: 'textarea', label: '理由' },
  ],
}
