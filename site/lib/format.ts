/** Formatting for Chinese readers. Dates arrive as YYYY-MM-DD (no time zone games). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—'
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number)
  return `${y}年${m}月${d}日`
}

export function formatYuan(amount: number): string {
  return `${amount.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 })} 元`
}

export const validityLabel = {
  current: '现行有效',
  amended: '已修订',
  repealed: '已废止',
} as const
