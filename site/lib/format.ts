/** Formatting for Chinese readers. Dates arrive as YYYY-MM-DD (no time zone games). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—'
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** 2026-10 → 2026年10月 */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return `${y}年${m}月`
}

const yuan = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 })
const count = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 })

/** 1800 → "1,800 元" */
export function formatYuan(amount: number): string {
  return `${yuan.format(amount)} 元`
}

/** A signed amount change: +1,200 元 / −300 元 / 0 元 (the sign is spelled out, never only coloured). */
export function formatYuanDelta(amount: number): string {
  if (amount === 0) return '0 元'
  return `${amount > 0 ? '增加' : '减少'} ${yuan.format(Math.abs(amount))} 元`
}

/** 12345 → "12,345" */
export function formatCount(n: number): string {
  return count.format(n)
}

/** Small village counts arrive as null (not shown on their own, domain.md §4). */
export function formatSmallCount(n: number | null, unit: string, threshold = 3): string {
  return n === null ? `少于${threshold}${unit}` : `${formatCount(n)} ${unit}`
}

export const validityLabel = {
  current: '现行有效',
  amended: '已修订',
  repealed: '已废止',
} as const

export const listKindLabel = {
  approved: '救助对象名单',
  disbursement: '资金发放名单',
} as const

export const noticeKindLabel = {
  apply: '拟纳入',
  terminate: '拟终止',
  change: '拟调整',
  post: '事后公布',
} as const

export const withdrawalKindLabel = {
  notice: '公示',
  list: '名单',
  policy: '政策文件',
  guide: '办事指南',
} as const

/** The day part of a timestamp as written (the CMS exports +08:00 or dates). */
export function dayOfTimestamp(ts: string | null | undefined): string | null {
  return ts ? ts.slice(0, 10) : null
}
