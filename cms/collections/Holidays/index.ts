import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { anyone, collectionAccess, isAdmin, nobody, opensAdmin } from '../../access'
import { markCalendarChanged } from '../../calendar/workCalendar'
import { recomputeProvisionalDeadlines } from '../../calendar/recompute'
import { holidayScheduleEndpoints } from '../../calendar/scheduleEndpoints'
import { PROVISIONAL_NOTE } from '../../domain/calendar'
import { isIsoDate, isWeekend } from '../../domain/dates'
import { auditChange, auditDelete } from '../../hooks/audit'
import { keepingRequestContext } from '../../hooks/requestContext'
import { refusal } from '../../hooks/refuse'

const calendarChanged: CollectionAfterChangeHook = ({ doc, req }) => {
  markCalendarChanged(req)
  return doc
}

/** A real date (2026-02-30 is not), so that no stored entry can make the calendar unreadable. */
export const validateHolidayDate = (v: unknown): true | string =>
  isIsoDate(v) ? true : `日期“${String(v ?? '').slice(0, 20)}”无效：应为真实存在的日期，写成 YYYY-MM-DD（例如 2026-10-01）。`

/** 调休上班 only ever falls on a Saturday or Sunday. */
export const validateHolidayKind = (v: unknown, { siblingData }: { siblingData?: { date?: unknown } }): true | string => {
  if (v === 'makeup' && isIsoDate(siblingData?.date) && !isWeekend(siblingData.date)) {
    return `${siblingData.date} 是工作日（周一至周五），不能标为“调休上班”；调休上班只安排在周六或周日，请核对国务院办公厅的放假通知。`
  }
  return true
}

/** 节假日日历: one record per date that is a statutory rest day or a make-up working day (调休). */
export const Holidays: CollectionConfig = {
  slug: 'holidays',
  labels: { singular: '节假日', plural: '节假日日历' },
  admin: {
    useAsTitle: 'date',
    defaultColumns: ['date', 'kind', 'name', 'source'],
    group: '基础数据',
    description: '下一年的放假安排公布后，点“粘贴国务院通知录入”即可一次录入全年；尚未录入的年份按法定节假日暂定计算期限。',
    components: {
      beforeListTable: ['/components/calendar/HolidayPasteLink#HolidayPasteLink'],
      views: { paste: { Component: '/components/calendar/HolidayPasteView#HolidayPasteView', path: '/paste', exact: true } },
    },
  },
  endpoints: holidayScheduleEndpoints,
  access: collectionAccess({ read: anyone, readVersions: nobody, create: isAdmin, update: isAdmin, delete: isAdmin, unlock: nobody, admin: opensAdmin }),
  hooks: {
    afterChange: [auditChange, calendarChanged],
    afterDelete: [auditDelete, ({ doc, req }) => (markCalendarChanged(req), doc)],
  },
  defaultSort: 'date',
  fields: [
    {
      name: 'date',
      type: 'text',
      label: '日期',
      required: true,
      unique: true,
      index: true,
      admin: { description: '格式 2026-10-01' },
      validate: validateHolidayDate,
    },
    {
      name: 'kind',
      type: 'select',
      label: '类型',
      required: true,
      options: [
        { value: 'off', label: '法定节假日休息' },
        { value: 'makeup', label: '调休上班（周末补班）' },
      ],
      validate: validateHolidayKind,
    },
    { name: 'name', type: 'text', label: '节日名称', required: true },
    { name: 'source', type: 'text', label: '来源', admin: { description: '例如：国务院办公厅关于2026年部分节假日安排的通知' } },
  ],
}

/** A year cannot be marked entered while it has no entries: that would silently make it all weekdays. */
const refuseEmptyPublishedYear: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const year = Number(data.year ?? originalDoc?.year)
  if (!data.published || originalDoc?.published || !Number.isInteger(year)) return data
  const { totalDocs } = await keepingRequestContext(req, () =>
    req.payload.count({ collection: 'holidays', where: { and: [{ date: { greater_than_equal: `${year}-01-01` } }, { date: { less_than_equal: `${year}-12-31` } }] }, overrideAccess: true, req }),
  )
  if (totalDocs === 0) {
    throw refusal(`${year}年还没有录入任何节假日，不能标为“已录入”。请在“节假日日历”中点“粘贴国务院通知录入”，粘贴国务院办公厅的放假安排通知。`, { field: 'published', collection: 'calendar-years', req })
  }
  return data
}

/**
 * Saving a published year recomputes every provisional deadline (domain.md §7). Idempotent: only
 * what is still marked 暂定 is touched, so saving the year again finishes an interrupted run. The
 * paste screen defers it until its own writes are final.
 */
const recomputeWhenPublished: CollectionAfterChangeHook = async ({ doc, req, context }) => {
  markCalendarChanged(req)
  if (doc.published && !context.deferRecompute) await recomputeProvisionalDeadlines(req)
  return doc
}

export const CalendarYears: CollectionConfig = {
  slug: 'calendar-years',
  labels: { singular: '日历年度', plural: '日历年度' },
  admin: { useAsTitle: 'year', defaultColumns: ['year', 'published', 'source'], group: '基础数据' },
  access: collectionAccess({ read: anyone, readVersions: nobody, create: isAdmin, update: isAdmin, delete: isAdmin, unlock: nobody, admin: opensAdmin }),
  hooks: {
    beforeChange: [refuseEmptyPublishedYear],
    afterChange: [auditChange, recomputeWhenPublished],
    afterDelete: [auditDelete, ({ doc, req }) => (markCalendarChanged(req), doc)],
  },
  defaultSort: '-year',
  fields: [
    { name: 'year', type: 'number', label: '年度', required: true, unique: true, min: 2000, max: 2100 },
    {
      name: 'published',
      type: 'checkbox',
      label: '已录入国务院公布的节假日安排',
      defaultValue: false,
      admin: {
        description: `未勾选的年度按周末和法定节假日暂定计算期限（${PROVISIONAL_NOTE}）。勾选后，所有暂定的公示截止日期和投诉办理期限立即按录入的安排重新计算。`,
      },
    },
    { name: 'source', type: 'text', label: '来源' },
  ],
}
