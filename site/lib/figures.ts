// County-level figures on the home and statistics pages, from the published lists only
// (cms/domain/disclosure.ts areaFigure): a month or programme without a published list is
// 未公布, never 0, and a total that leaves out places that did not publish says so in words.
import { areaFigure, type AreaFigure } from '../../cms/domain/disclosure'
import type { Catalog } from './catalog'
import { formatCount, formatYuan } from './format'

export const NOT_PUBLISHED = '未公布'

export type Filter = { programmeCode?: string; regionCodes?: ReadonlySet<string> }

export function figure(c: Catalog, month: string, filter: Filter = {}): AreaFigure {
  return areaFigure(c.snapshot.monthlyStats, month, filter)
}

/** "另有 2 个乡镇（街道）的名单尚未公布，未计入：甲镇、乙镇。" — or null when nothing is missing. */
export function missingNote(c: Catalog, f: AreaFigure, what = '名单'): string | null {
  if (!f.published || f.missing.length === 0) return null
  const places = [...new Set(f.missing.map((p) => p.split('|')))].map(([programme, region]) => `${c.regionName(region)}${c.programmeName(programme)}`)
  return `另有 ${places.length} 处${what}尚未公布，未计入合计：${places.join('、')}。`
}

export type Key = 'households' | 'persons' | 'amount'

/** A cell: the number with its unit, 未公布 when nothing was published, and a mark when partial. */
export function cell(f: AreaFigure, key: Key): string {
  if (!f.published) return NOT_PUBLISHED
  const v = key === 'amount' ? formatYuan(f.amount) : `${formatCount(f[key])} ${key === 'households' ? '户' : '人'}`
  return f.missing.length ? `${v}（不全）` : v
}

/** A chart point: missing stays missing (a gap in the line), never a fall to zero. */
export const point = (f: AreaFigure, key: Key): number | null => (f.published ? f[key] : null)
