import type { CollectionConfig } from 'payload'
import { collectionAccess, isAdmin, nobody, opensAdmin } from '../../access'

/**
 * One row per run of a daily task and day (key "nightlyRelease:2026-12-02"): the unique key is what
 * makes a task run once even when several CMS processes pick it up (cms/jobs/runOnce.ts). Admins see
 * when each ran, where, and how it ended; nobody edits them.
 */
export const ScheduledRuns: CollectionConfig = {
  slug: 'scheduled-runs',
  labels: { singular: '定时任务记录', plural: '定时任务记录' },
  admin: { useAsTitle: 'key', defaultColumns: ['task', 'day', 'status', 'startedAt', 'finishedAt', 'instance'], group: '系统' },
  access: collectionAccess({ read: isAdmin, readVersions: nobody, create: nobody, update: nobody, delete: isAdmin, unlock: nobody, admin: opensAdmin }),
  defaultSort: '-startedAt',
  fields: [
    { name: 'key', type: 'text', label: '任务与日期', required: true, unique: true, index: true },
    { name: 'task', type: 'text', label: '任务', required: true },
    { name: 'day', type: 'text', label: '日期（北京时间）', required: true },
    {
      name: 'status',
      type: 'select',
      label: '状态',
      required: true,
      options: [
        { value: 'running', label: '运行中' },
        { value: 'done', label: '已完成' },
        { value: 'failed', label: '失败（将重试）' },
      ],
    },
    { name: 'instance', type: 'text', label: '运行的进程' },
    { name: 'startedAt', type: 'date', label: '开始时间', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'finishedAt', type: 'date', label: '结束时间', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'result', type: 'text', label: '结果', admin: { description: '发布编号、发送的邮件数或失败原因；不含个人信息。' } },
  ],
}
