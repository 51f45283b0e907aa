import type { Field } from 'payload'
import { DEFAULT_STAGES } from '../domain/publicity'

export const STAGE_KEYS = [
  { value: 'village', label: '村（居）民主评议后公示' },
  { value: 'township', label: '乡镇（街道）审核后公示' },
  { value: 'county', label: '县民政局审批后公示' },
  { value: 'single', label: '公示（一次）' },
] as const

/** The publicity stages of a programme (or a region's override): label, length, and how days count. */
export const stagesField = (name = 'stages', label = '公示阶段'): Field => ({
  name,
  type: 'array',
  label,
  labels: { singular: '阶段', plural: '阶段' },
  defaultValue: DEFAULT_STAGES.map((s) => ({ ...s })),
  admin: {
    description: '默认三榜公示，每榜7天（自然日，张贴当日不计，最后一天逢休息日顺延至下一个工作日）。',
  },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'key', type: 'select', label: '阶段', required: true, options: STAGE_KEYS.map((s) => ({ ...s })) },
        { name: 'label', type: 'text', label: '名称', required: true, maxLength: 40 },
        { name: 'days', type: 'number', label: '天数', required: true, min: 1, max: 60, defaultValue: 7 },
        {
          name: 'unit',
          type: 'select',
          label: '计算方式',
          required: true,
          defaultValue: 'calendar',
          options: [
            { value: 'calendar', label: '自然日（末日逢休息日顺延）' },
            { value: 'working', label: '工作日' },
          ],
        },
      ],
    },
  ],
})
