import { type CollectionBeforeChangeHook, type CollectionConfig } from 'payload'
import { collectionAccess, isContentStaffField, nobody, nobodyField, opensAdmin, regionScopedContentStaff, regionScopedOrPublished, staffVersionsInRegion } from '../../access'
import { changeNotesField, internalRemarksField, reviewFields } from '../../fields/review'
import { auditChange, auditDelete } from '../../hooks/audit'
import { enforceTwoPersonRule, guardDeletingPublished, rememberSaveMode } from '../../hooks/twoPersonRule'
import { checkPublishableText } from '../../hooks/privacyCheck'
import { isStaffUser } from '../../access/roles'
import { publishOnChange, publishOnDelete } from '../../publish/autoPublish'
import { eraseRowsOfDeletedList, eraseRowsOnWithdrawal, guardWithdrawal, refuseDeletingUnwithdrawnList } from '../../lists/takeDown'
import { importListEndpoint } from '../../endpoints/importList'
import { householdChangesEndpoint } from '../../endpoints/householdChanges'
import { monthListsEndpoint } from '../../endpoints/spreadsheets'
import { relationId } from '../../util/relation'
import { refusal } from '../../hooks/refuse'

export const LIST_KINDS = [
  { value: 'approved', label: '救助对象名单' },
  { value: 'disbursement', label: '资金发放公示' },
] as const


/** Only a completely imported list can be published, and only one per kind, programme, region and month. */
const guardPublish: CollectionBeforeChangeHook = async ({ data, originalDoc, req, operation }) => {
  if (data._status !== 'published') return data
  const merged = { ...originalDoc, ...data }
  if (merged.importStatus !== 'complete') {
    throw refusal('名单尚未完整导入（或导入失败），不能发布。请重新导入。')
  }
  const clash = await req.payload.find({
    collection: 'recipient-lists',
    where: {
      and: [
        { kind: { equals: merged.kind } },
        { programme: { equals: relationId(merged.programme) } },
        { region: { equals: relationId(merged.region) } },
        { month: { equals: merged.month } },
        { _status: { equals: 'published' } },
        ...(operation === 'update' && originalDoc ? [{ id: { not_equals: originalDoc.id } }] : []),
      ],
    },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (clash.docs.length) {
    throw refusal(`同一救助类别、地区和月份已有已发布的名单（${clash.docs[0].title}）。请先撤回原名单，或把本名单作为更正版本替换它。`, { status: 409 })
  }
  return data
}

/** Written by the import only (the row store and storeListDraft use overrideAccess); no one edits them by hand. */
const importOnly = { create: nobodyField, update: nobodyField }
const IDENTITY = ['kind', 'programme', 'region', 'month'] as const

/**
 * A list that is or was public keeps what it is a list of: its rows are fixed (recipient-rows cannot
 * be written) and so are kind, programme, region and month. A correction is a new import (a new
 * draft list, diffed against the last published one and reviewed), which replaces it when published.
 */
const freezePublishedList: CollectionBeforeChangeHook = async ({ data, originalDoc, req, operation, context }) => {
  if (operation !== 'update' || !originalDoc || context.system) return data
  const main = (await req.payload.db.findOne({ collection: 'recipient-lists', where: { id: { equals: originalDoc.id } }, req })) as Record<string, unknown> | null
  if (main?._status !== 'published' && !main?.publishedAt) return data
  const changed = IDENTITY.filter((k) => k in data && relationId(data[k]) !== relationId(main?.[k]))
  if (changed.length) {
    throw refusal('已发布的名单不能修改类型、救助类别、地区或月份，明细也不能逐条修改。如需更正，请重新导入更正后的名单：新名单作为新版本，经审核发布后替换原名单。', { status: 403 })
  }
  return data
}

/**
 * 救助对象名单 / 资金发放公示 for one programme, region and month. The rows (thousands to 100,000)
 * are stored in recipient-rows by the row store in bulk, not as fields of this document.
 */
export const RecipientLists: CollectionConfig = {
  slug: 'recipient-lists',
  labels: { singular: '名单', plural: '救助对象名单与资金发放' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'month', 'kind', 'programme', 'region', 'importStatus', '_status'],
    group: '公示与名单',
    // A list being imported is not shown until all its rows are stored (see lists/storeList.ts).
    baseFilter: () => ({ or: [{ importStatus: { not_equals: 'importing' } }, { importStatus: { exists: false } }] }),
    // Import from Excel/CSV: a button above the list, the import screen at …/recipient-lists/import.
    components: {
      edit: { PublishButton: '/components/review/ReviewPublishButton#ReviewPublishButton' },
      beforeListTable: ['/components/import/ImportLink#ImportListLink', '/components/exports/ExportButtons#MonthListsExport'],
      views: { import: { Component: '/components/import/ImportView#ImportListView', path: '/import', exact: true } },
    },
  },
  endpoints: [importListEndpoint, householdChangesEndpoint, monthListsEndpoint],
  access: collectionAccess({
    read: regionScopedOrPublished,
    readVersions: staffVersionsInRegion,
    create: regionScopedContentStaff,
    update: regionScopedContentStaff,
    delete: regionScopedContentStaff,
    unlock: nobody,
    admin: opensAdmin,
  }),
  versions: { drafts: true, maxPerDoc: 20 },
  hooks: {
    beforeOperation: [rememberSaveMode],
    beforeChange: [freezePublishedList, enforceTwoPersonRule, guardPublish, guardWithdrawal, checkPublishableText('recipient-lists')],
    afterChange: [auditChange, eraseRowsOnWithdrawal, publishOnChange],
    // A published list must be withdrawn first, then needs a second person to delete; its rows are
    // erased before the list goes (they reference it), in cms/lists/takeDown.ts.
    beforeDelete: [refuseDeletingUnwithdrawnList, guardDeletingPublished, eraseRowsOfDeletedList],
    afterDelete: [auditDelete, publishOnDelete],
  },
  defaultSort: '-month',
  fields: [
    { name: 'title', type: 'text', label: '标题', required: true, maxLength: 120 },
    {
      type: 'row',
      fields: [
        { name: 'kind', type: 'select', label: '类型', required: true, defaultValue: 'disbursement', options: LIST_KINDS.map((k) => ({ ...k })) },
        { name: 'programme', type: 'relationship', relationTo: 'programmes', label: '救助类别', required: true },
        { name: 'region', type: 'relationship', relationTo: 'regions', label: '地区（县或乡镇）', required: true },
        {
          name: 'month',
          type: 'text',
          label: '月份',
          required: true,
          index: true,
          admin: { description: '格式 2026-10' },
          validate: (v: unknown) => (typeof v === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(v) ? true : '月份格式应为 YYYY-MM，例如 2026-10。'),
        },
      ],
    },
    {
      name: 'importStatus',
      type: 'select',
      label: '导入状态',
      defaultValue: 'importing',
      access: importOnly,
      options: [
        { value: 'importing', label: '导入中' },
        { value: 'complete', label: '已完成' },
        { value: 'failed', label: '失败' },
      ],
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      // Which process is writing the rows of a list still "importing" (for the clean-up after a crash).
      name: 'importLease',
      type: 'text',
      label: '导入进程',
      access: { read: ({ req }) => isStaffUser(req.user) },
      admin: { hidden: true, readOnly: true },
    },
    {
      name: 'totals',
      type: 'group',
      label: '合计（导入时自动计算）',
      access: importOnly,
      admin: { readOnly: true },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'households', type: 'number', label: '户数' },
            { name: 'persons', type: 'number', label: '人数' },
            { name: 'amount', type: 'number', label: '金额（元）' },
          ],
        },
      ],
    },
    { name: 'changes', type: 'json', label: '与上月相比的变化（自动计算）', access: importOnly, admin: { readOnly: true, components: { Field: '/components/import/ChangesField#ChangesField' } } },
    // Which households were 新增 / 停保 / 调整 (names as staff see them), read from the rows on demand.
    { name: 'householdChanges', type: 'ui', label: '户级变化', admin: { components: { Field: '/components/import/HouseholdChangesField#HouseholdChangesField' } } },
    {
      name: 'source',
      type: 'group',
      label: '来源文件',
      // The uploaded file's name can carry names or numbers: staff only, never on the public API.
      access: { read: ({ req }) => isStaffUser(req.user), create: isContentStaffField, update: nobodyField },
      admin: { readOnly: true },
      fields: [
        { name: 'fileName', type: 'text', label: '文件名' },
        { name: 'sha256', type: 'text', label: 'SHA-256' },
        { name: 'importedAt', type: 'date', label: '导入时间', admin: { date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
    {
      type: 'collapsible',
      label: '撤回',
      admin: { initCollapsed: true },
      fields: [
        { name: 'withdrawnAt', type: 'date', label: '撤回日期', admin: { date: { pickerAppearance: 'dayOnly' } } },
        {
          name: 'withdrawReason',
          type: 'text',
          label: '撤回原因（公开）',
          admin: { description: '撤回发布后，名单明细（姓名、身份证号）立即从系统中删除，网站上只留撤回说明。' },
          validate: (v: unknown, { siblingData }: { siblingData: { withdrawnAt?: string } }) =>
            !siblingData.withdrawnAt || (typeof v === 'string' && v.trim().length >= 4) ? true : '撤回名单必须写明原因（至少4个字），原因会公开。',
        },
      ],
    },
    changeNotesField(),
    internalRemarksField(),
    ...reviewFields(),
  ],
}
