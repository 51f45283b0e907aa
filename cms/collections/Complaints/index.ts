import type { CollectionConfig, FieldAccess } from 'payload'
import { KIND_OPTIONS } from '../../complaints/submission'
import { collectionAccess, isComplaintOfficer, isComplaintOfficerOrPublicForm, isPublicFormField, nobody, nobodyField, opensAdmin } from '../../access'
import { hasRole } from '../../access/roles'
import { auditChange, auditRead } from '../../hooks/audit'
import { COMPLAINT_STATUSES, TIMELINE_TYPES, complaintWorkflow } from '../../complaints/workflow'
import { encryptedText } from '../../fields/encrypted'
import { searchCodesAsPrinted } from '../../complaints/codeSearch'
import { deadlineBadgeField, keepUrgencyKey } from '../../complaints/desk'
import { complaintLedgerEndpoint } from '../../endpoints/spreadsheets'

const officersField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin', 'complaintOfficer')
/** The resident's side of the record: set by the public endpoints or the workflow hook, never by staff. */
const residentsOnly = { create: isPublicFormField, update: nobodyField }
/** Kept by the workflow hook (deadlines, timeline, timestamps): no one writes them directly. */
const workflowOnly = { create: nobodyField, update: nobodyField }

/**
 * 投诉、举报与异议. Confidential: only complaint officers and admins read any of it (a reporter's
 * identity never reaches editors, reviewers or the person reported — 信访工作条例 第30、46条); every
 * view is audited; nothing identifying is exported. The public server may only create (through the
 * public-forms endpoints) and read a public status with the tracking code and query password.
 */
export const Complaints: CollectionConfig = {
  slug: 'complaints',
  labels: { singular: '投诉举报', plural: '投诉举报与异议' },
  admin: {
    useAsTitle: 'trackingCode',
    defaultColumns: ['trackingCode', 'category', 'status', 'deadline', 'acknowledgeDue', 'resolveDue', 'resolveDueProvisional', 'assignedTo', 'receivedAt'],
    group: '投诉举报',
    listSearchableFields: ['trackingCode'],
    components: { beforeListTable: ['/components/exports/ExportButtons#ComplaintLedgerExport'] },
    hidden: ({ user }) => !hasRole(user as never, 'admin', 'complaintOfficer'),
  },
  access: collectionAccess({
    read: isComplaintOfficer,
    readVersions: nobody,
    create: isComplaintOfficerOrPublicForm,
    update: isComplaintOfficer,
    delete: nobody,
    unlock: nobody,
    admin: opensAdmin,
  }),
  hooks: { beforeOperation: [searchCodesAsPrinted], beforeChange: [complaintWorkflow, keepUrgencyKey], afterChange: [auditChange], afterOperation: [auditRead] },
  endpoints: [complaintLedgerEndpoint],
  // Most urgent first: open items by their next due date, then the handled ones, latest first.
  defaultSort: 'urgency',
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'trackingCode', type: 'text', label: '查询码', unique: true, index: true, access: residentsOnly, admin: { readOnly: true } },
        {
          name: 'queryPasswordForCaller',
          type: 'text',
          label: '查询密码（请告知来电/来访群众，下次保存后清除）',
          access: { read: officersField, ...workflowOnly },
          admin: { readOnly: true, condition: (d) => Boolean(d?.queryPasswordForCaller) },
        },
      ],
    },
    { name: 'queryPassword', type: 'text', virtual: true, access: residentsOnly, admin: { hidden: true } },
    // Set once, by the public endpoints (the public server sends only the hash of the resident's password).
    { name: 'queryPasswordHash', type: 'text', hidden: true, access: { read: nobodyField, create: isPublicFormField, update: nobodyField } },
    { name: 'idempotencyKey', type: 'text', unique: true, index: true, access: residentsOnly, admin: { hidden: true } },
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          label: '类型',
          required: true,
          options: KIND_OPTIONS.map((k) => ({ ...k })),
        },
        { name: 'category', type: 'relationship', relationTo: 'complaint-categories', label: '类别', required: true },
        {
          name: 'source',
          type: 'select',
          label: '来源',
          defaultValue: 'phone',
          options: [
            { value: 'online', label: '网上提交' },
            { value: 'phone', label: '电话' },
            { value: 'counter', label: '来访（窗口）' },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'notice', type: 'relationship', relationTo: 'notices', label: '针对的公示' },
        { name: 'noticeEntryNo', type: 'number', label: '公示中的序号', min: 1 },
        { name: 'region', type: 'relationship', relationTo: 'regions', label: '涉及地区' },
      ],
    },
    {
      type: 'collapsible',
      label: '反映人（保密）',
      fields: [
        { name: 'anonymous', type: 'checkbox', label: '匿名', defaultValue: false },
        {
          type: 'row',
          fields: [
            // Stored encrypted (cms/fields/encrypted.ts); the collection's access already limits who reads complaints.
            encryptedText({ name: 'reporterName', type: 'text', label: '姓名', maxLength: 30, admin: { condition: (d) => !d?.anonymous } }, 'reporterName', officersField),
            encryptedText({ name: 'reporterPhone', type: 'text', label: '联系电话', maxLength: 30, admin: { condition: (d) => !d?.anonymous } }, 'reporterPhone', officersField),
          ],
        },
      ],
    },
    { name: 'content', type: 'textarea', label: '反映内容', required: true, maxLength: 5000 },
    { name: 'attachments', type: 'upload', relationTo: 'complaint-files', hasMany: true, label: '附件' },
    {
      type: 'collapsible',
      label: '办理',
      fields: [
        {
          type: 'row',
          fields: [
            // Next-step buttons (受理 / 不予受理 / 转办 / 延期 / 暂停 / 答复 / 办结) instead of a free dropdown.
            { name: 'status', type: 'select', label: '办理状态', defaultValue: 'received', options: COMPLAINT_STATUSES.map((s) => ({ ...s })), admin: { components: { Field: '/components/complaints/StepButtons#StepButtons' } } },
            {
              name: 'assignedTo',
              type: 'relationship',
              relationTo: 'users',
              label: '承办人',
              filterOptions: () => ({ roles: { contains: 'complaintOfficer' } }),
            },
          ],
        },
        { name: 'statusReason', type: 'text', label: '不予受理或转办的理由（公开）', admin: { condition: (d) => ['notAccepted', 'transferred'].includes(d?.status) } },
        { name: 'transferTo', type: 'text', label: '转往机关', admin: { condition: (d) => d?.status === 'transferred' } },
        {
          type: 'row',
          fields: [
            { name: 'extended', type: 'checkbox', label: '延期办理（只能一次）' },
            { name: 'extensionReason', type: 'text', label: '延期理由（公开）', admin: { condition: (d) => Boolean(d?.extended) } },
          ],
        },
        {
          type: 'row',
          fields: [
            {
              name: 'clock',
              type: 'select',
              label: '计时',
              defaultValue: 'running',
              options: [
                { value: 'running', label: '正常计时' },
                { value: 'paused', label: '暂停计时（等待群众补充材料）' },
              ],
            },
            { name: 'pauseReason', type: 'text', label: '需要群众补充的内容（公开）', admin: { condition: (d) => d?.clock === 'paused' } },
          ],
        },
        { name: 'replyTemplateInsert', type: 'ui', admin: { components: { Field: '/components/complaints/ReplyTemplatePicker#ReplyTemplatePicker' } } },
        { name: 'replyTemplate', type: 'relationship', relationTo: 'reply-templates', label: '使用答复模板（答复内容为空时保存即填入）' },
        { name: 'publicReply', type: 'textarea', label: '答复内容（公开，查询页面可见）', maxLength: 5000 },
        {
          name: 'internalNotes',
          type: 'array',
          label: '内部办理记录（不公开）',
          labels: { singular: '办理记录', plural: '内部办理记录' },
          fields: [
            { name: 'note', type: 'textarea', label: '记录', required: true },
            { name: 'author', type: 'relationship', relationTo: 'users', label: '记录人', admin: { readOnly: true } },
          ],
        },
      ],
    },
    {
      type: 'collapsible',
      label: '期限与记录（自动）',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'deadline', type: 'text', label: '期限', virtual: true, admin: { readOnly: true }, hooks: { afterRead: [deadlineBadgeField] } },
            { name: 'urgency', type: 'text', label: '紧急程度', index: true, access: workflowOnly, admin: { hidden: true } },
            { name: 'receivedAt', type: 'date', label: '收到时间', access: workflowOnly, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
            { name: 'acknowledgeDue', type: 'date', label: '告知受理期限', index: true, access: workflowOnly, admin: { readOnly: true, date: { pickerAppearance: 'dayOnly' } } },
            { name: 'resolveDue', type: 'date', label: '办结期限', index: true, access: workflowOnly, admin: { readOnly: true, date: { pickerAppearance: 'dayOnly' } } },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'acknowledgeDueProvisional', type: 'checkbox', label: '告知受理期限暂定', defaultValue: false, access: workflowOnly, admin: { readOnly: true, condition: (d) => Boolean(d?.acknowledgeDueProvisional) } },
            { name: 'resolveDueProvisional', type: 'checkbox', label: '办结期限暂定', defaultValue: false, access: workflowOnly, admin: { readOnly: true, condition: (d) => Boolean(d?.resolveDueProvisional) } },
          ],
        },
        { name: 'deadlineWarning', type: 'text', label: '期限提示', access: workflowOnly, admin: { readOnly: true, condition: (d) => Boolean(d?.deadlineWarning) } },
        {
          type: 'row',
          fields: [
            { name: 'deadlineRevision', type: 'text', label: '期限复核', access: workflowOnly, admin: { readOnly: true, condition: (d) => Boolean(d?.deadlineRevision) } },
            { name: 'deadlineRevisedAt', type: 'date', label: '复核时间', access: workflowOnly, admin: { readOnly: true, condition: (d) => Boolean(d?.deadlineRevisedAt), date: { pickerAppearance: 'dayAndTime' } } },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'acknowledgedAt', type: 'date', label: '受理告知时间', access: workflowOnly, admin: { readOnly: true } },
            { name: 'answeredAt', type: 'date', label: '答复时间', access: workflowOnly, admin: { readOnly: true } },
            { name: 'closedAt', type: 'date', label: '办结时间', access: workflowOnly, admin: { readOnly: true } },
          ],
        },
        {
          name: 'pauses',
          type: 'array',
          label: '暂停计时记录',
          labels: { singular: '暂停记录', plural: '暂停计时记录' },
          access: workflowOnly,
          admin: { readOnly: true },
          fields: [
            { name: 'from', type: 'text', label: '自' },
            { name: 'to', type: 'text', label: '至' },
            { name: 'reason', type: 'text', label: '原因' },
          ],
        },
        {
          name: 'timeline',
          type: 'array',
          label: '办理进程（公开）',
          labels: { singular: '进程', plural: '办理进程' },
          access: workflowOnly,
          admin: { readOnly: true },
          fields: [
            { name: 'at', type: 'date', label: '时间', admin: { date: { pickerAppearance: 'dayAndTime' } } },
            { name: 'type', type: 'select', label: '事项', options: TIMELINE_TYPES.map((t) => ({ ...t })) },
            { name: 'note', type: 'text', label: '说明' },
          ],
        },
        {
          type: 'row',
          fields: [
            {
              name: 'feedbackSatisfied',
              type: 'select',
              label: '群众评价（由群众在查询页面填写）',
              access: residentsOnly,
              admin: { readOnly: true },
              options: [
                { value: 'yes', label: '问题已解决' },
                { value: 'no', label: '问题未解决' },
              ],
            },
            { name: 'feedbackNote', type: 'text', label: '评价说明', access: residentsOnly, admin: { readOnly: true } },
            { name: 'feedbackAt', type: 'date', label: '评价时间', access: workflowOnly, admin: { readOnly: true } },
          ],
        },
        { name: 'recordedBy', type: 'relationship', relationTo: 'users', label: '代为登记的工作人员', access: workflowOnly, admin: { readOnly: true } },
        { name: 'trackingFailures', type: 'number', defaultValue: 0, access: { read: nobodyField, ...workflowOnly }, admin: { hidden: true } },
        { name: 'trackingLockedUntil', type: 'date', access: { read: nobodyField, ...workflowOnly }, admin: { hidden: true } },
      ],
    },
  ],
}

export const ReplyTemplates: CollectionConfig = {
  slug: 'reply-templates',
  labels: { singular: '答复模板', plural: '答复模板' },
  admin: { useAsTitle: 'title', group: '投诉举报', hidden: ({ user }) => !hasRole(user as never, 'admin', 'complaintOfficer') },
  access: collectionAccess({ read: isComplaintOfficer, readVersions: nobody, create: isComplaintOfficer, update: isComplaintOfficer, delete: isComplaintOfficer, unlock: nobody, admin: opensAdmin }),
  fields: [
    { name: 'title', type: 'text', label: '模板名称', required: true },
    { name: 'body', type: 'textarea', label: '内容', required: true, admin: { description: '可用占位符：{编号}（查询码）、{收到日期}、{类别}、{办结期限}、{今天}。在投诉页面“插入到答复内容”后可修改再保存。' } },
  ],
}
