import { today as clockToday } from '../../domain/clock'
import type { CollectionConfig, FieldHook, Where } from 'payload'
import { collectionAccess, isStaffField, isStaffOrExporterField, mayReadIdNumbers, nobody, opensAdmin, regionScopedContentStaff, regionScopedOrPublished, staffVersionsInRegion } from '../../access'
import { PROVISIONAL_NOTE } from '../../domain/calendar'
import { encryptedText } from '../../fields/encrypted'
import { chinaDate } from '../../domain/dates'
import { validateIdNumber } from '../../domain/idNumber'
import { publicityStatus } from '../../domain/publicity'
import { STAGE_KEYS } from '../../fields/stages'
import { changeNotesField, internalRemarksField, reviewFields } from '../../fields/review'
import { auditChange, auditDelete, auditRead } from '../../hooks/audit'
import { checkPublishableText, invalidateHeldRawValues, privacyFields } from '../../hooks/privacyCheck'
import { enforceTwoPersonRule, guardDeletingPublished, rememberSaveMode } from '../../hooks/twoPersonRule'
import { publishOnChange, publishOnDelete } from '../../publish/autoPublish'
import { computePublicityPeriod } from './hooks/computePublicityPeriod'
import { importNoticeEntriesEndpoint } from '../../endpoints/importNoticeEntries'
import { relationId } from '../../util/relation'
import { blockWhileObjectionsOpen, openObjectionsField } from './hooks/objections'
import { keepStagesInSequence } from './hooks/stageSequence'
import { nextStageEndpoint, periodPreviewEndpoint } from './nextStage'

export const NOTICE_KINDS = [
  { value: 'apply', label: '拟纳入（新申请）' },
  { value: 'terminate', label: '拟终止（停保）' },
  { value: 'change', label: '拟调整（增减保障金）' },
  { value: 'post', label: '事后公布（急难型临时救助等）' },
] as const

const statusFromDates: FieldHook = ({ siblingData }) => {
  if (!siblingData?.postedOn || !siblingData?.endsOn) return null
  return publicityStatus(
    { postedOn: chinaDate(siblingData.postedOn), endsOn: chinaDate(siblingData.endsOn), withdrawnAt: siblingData.withdrawnAt ? chinaDate(siblingData.withdrawnAt) : undefined },
    clockToday(),
  )
}

/**
 * 公示: one stage of the publicity of a batch of households. Entries are raw here (the CMS is the
 * system of record) and masked only by the export; anonymous API callers never see them.
 */
export const Notices: CollectionConfig = {
  slug: 'notices',
  labels: { singular: '公示', plural: '公示公告' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'stageLabel', 'region', 'postedOn', 'endsOn', 'endsOnProvisional', 'status', '_status'],
    group: '公示与名单',
    // Import the entries (公示对象) from Excel/CSV: a button on the notice, the screen at …/notices/import?notice=<id>.
    components: {
      edit: { PublishButton: '/components/review/ReviewPublishButton#ReviewPublishButton', beforeDocumentControls: ['/components/import/ImportLink#ImportNoticeEntriesLink', '/components/notices/NextStageButton#NextStageButton'] },
      views: { import: { Component: '/components/import/ImportView#ImportNoticeEntriesView', path: '/import', exact: true } },
    },
  },
  endpoints: [importNoticeEntriesEndpoint, nextStageEndpoint, periodPreviewEndpoint],
  access: collectionAccess({
    read: regionScopedOrPublished,
    readVersions: staffVersionsInRegion,
    create: regionScopedContentStaff,
    update: regionScopedContentStaff,
    delete: regionScopedContentStaff,
    unlock: nobody,
    admin: opensAdmin,
  }),
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
  hooks: {
    beforeOperation: [rememberSaveMode],
    beforeDelete: [guardDeletingPublished],
    beforeChange: [enforceTwoPersonRule, computePublicityPeriod, blockWhileObjectionsOpen, keepStagesInSequence, checkPublishableText('notices')],
    afterChange: [auditChange, publishOnChange, () => invalidateHeldRawValues()],
    afterDelete: [auditDelete, publishOnDelete],
    afterOperation: [auditRead],
  },
  defaultSort: '-postedOn',
  fields: [
    { name: 'title', type: 'text', label: '标题', required: true, maxLength: 120, admin: { description: '例如：关于2026年第4批城乡低保拟纳入对象的公示（村级）' } },
    {
      type: 'row',
      fields: [
        { name: 'programme', type: 'relationship', relationTo: 'programmes', label: '救助类别', required: true },
        { name: 'kind', type: 'select', label: '公示类型', required: true, defaultValue: 'apply', options: NOTICE_KINDS.map((k) => ({ ...k })) },
        { name: 'stage', type: 'select', label: '公示阶段', required: true, defaultValue: 'village', options: STAGE_KEYS.map((s) => ({ ...s })) },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'region', type: 'relationship', relationTo: 'regions', label: '公示地区（村或乡镇）', required: true },
        { name: 'batch', type: 'text', label: '批次', admin: { description: '同一批对象在三个阶段的公示使用相同批次号' } },
        {
          name: 'previousNotice',
          type: 'relationship',
          relationTo: 'notices',
          label: '上一阶段公示',
          admin: { description: '第一榜不填。用“发起下一阶段”创建下一榜时自动填写。' },
          // Offered: other notices of the same programme, never this one (cms/domain/publicitySequence.ts checks the rest).
          filterOptions: ({ id, data }) => {
            const and: Where[] = []
            if (id) and.push({ id: { not_equals: id } })
            if (data?.programme) and.push({ programme: { equals: relationId(data.programme) } })
            return and.length ? { and } : true
          },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'postedOn', type: 'date', label: '张贴（发布）日期', required: true, admin: { date: { pickerAppearance: 'dayOnly' } } },
        { name: 'endsOn', type: 'date', label: '公示截止日期（自动计算）', admin: { readOnly: true, date: { pickerAppearance: 'dayOnly' } } },
        { name: 'status', type: 'text', label: '状态', virtual: true, admin: { readOnly: true }, hooks: { afterRead: [statusFromDates] } },
        {
          name: 'openObjections',
          type: 'number',
          label: '未办结异议',
          virtual: true,
          access: { read: isStaffField },
          admin: { readOnly: true, description: '群众对本公示提出、尚未办结的异议件数；有异议时不能发布下一阶段公示。' },
          hooks: { afterRead: [openObjectionsField] },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'endsOnProvisional',
          type: 'checkbox',
          label: '截止日期暂定',
          defaultValue: false,
          admin: {
            readOnly: true,
            condition: (data) => Boolean(data?.endsOnProvisional),
            description: `截止日期落在国务院尚未公布节假日安排的年份：${PROVISIONAL_NOTE}，复核结果会显示在“待办事项”中。`,
          },
        },
        {
          name: 'endsOnRevisedFrom',
          type: 'date',
          label: '复核前的截止日期（暂定）',
          admin: { readOnly: true, condition: (data) => Boolean(data?.endsOnRevisedFrom), date: { pickerAppearance: 'dayOnly' } },
        },
        {
          name: 'endsOnRevisedAt',
          type: 'date',
          label: '按国务院安排复核的时间',
          admin: { readOnly: true, condition: (data) => Boolean(data?.endsOnRevisedAt), date: { pickerAppearance: 'dayAndTime' } },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'stageLabel', type: 'text', label: '阶段名称', admin: { readOnly: true } },
        { name: 'stageIndex', type: 'number', label: '第几榜', admin: { readOnly: true } },
        { name: 'stageCount', type: 'number', label: '共几榜', admin: { readOnly: true } },
      ],
    },
    // The end date recomputed as the posting day is picked, with year, weekday and the reason.
    { name: 'periodPreview', type: 'ui', label: '公示期', admin: { components: { Field: '/components/notices/PeriodPreview#PeriodPreview' } } },
    { name: 'periodRule', type: 'text', label: '公示期计算规则', admin: { readOnly: true } },
    { name: 'objectionContact', type: 'text', label: '异议受理方式', required: true, admin: { description: '例如：对公示对象有异议的，请在公示期内向××镇民政办反映，电话 0000-1234567' } },
    {
      name: 'entries',
      type: 'array',
      label: '公示对象（原始数据，公开时自动打码）',
      labels: { singular: '对象', plural: '公示对象' },
      access: { read: isStaffOrExporterField },
      admin: { description: '姓名在公开网站上自动打码（张三→张*）；身份证号只用于核对，任何情况下都不公开。' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'headName', type: 'text', label: '户主/申请人姓名', required: true, maxLength: 30 },
            encryptedText(
              {
                name: 'idNumber',
                type: 'text',
                label: '身份证号（不公开）',
                validate: (v: unknown) => {
                  if (!v) return true
                  const r = validateIdNumber(String(v))
                  return r.ok ? true : r.message
                },
              },
              'idNumber',
              mayReadIdNumbers,
            ),
            { name: 'householdSize', type: 'number', label: '家庭人口', required: true, min: 1, max: 30 },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'amount', type: 'number', label: '拟保障金额（元/月）', min: 0, max: 100_000 },
            { name: 'category', type: 'text', label: '类别/档次', maxLength: 30 },
            { name: 'village', type: 'relationship', relationTo: 'regions', label: '村（社区）', required: true },
          ],
        },
      ],
    },
    {
      type: 'collapsible',
      label: '张贴证明',
      fields: [
        { name: 'boardPhoto', type: 'upload', relationTo: 'media', label: '村务公开栏张贴照片' },
        { name: 'boardPostedAt', type: 'date', label: '张贴时间', admin: { date: { pickerAppearance: 'dayAndTime' } } },
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
          validate: (v: unknown, { siblingData }: { siblingData: { withdrawnAt?: string } }) =>
            !siblingData.withdrawnAt || (typeof v === 'string' && v.trim().length >= 4) ? true : '撤回公示必须写明原因（至少4个字），原因会公开。',
        },
      ],
    },
    changeNotesField(),
    internalRemarksField(),
    ...reviewFields(),
    ...privacyFields(),
  ],
}
