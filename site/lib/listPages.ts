// Village pages of a recipient list: rows grouped by village, three pre-built orders, pages of
// PAGE_SIZE rows. Computed once per list and cached, so each of thousands of pages only slices.
import { loadListRows } from './snapshot'
import type { PublicList, PublicListRow } from './snapshotSchema'

export const PAGE_SIZE = 100

export const SORTS = {
  no: { slug: '', label: '按序号' },
  name: { slug: 'by-name', label: '按姓氏拼音' },
  amount: { slug: 'by-amount', label: '按金额从高到低' },
} as const
export type SortKey = keyof typeof SORTS
export const SORT_KEYS = Object.keys(SORTS) as SortKey[]

/** One row as shown: `no` is its 序号 within the village in the published order. */
export type VillageRow = { no: number; row: PublicListRow }
export type VillageRows = {
  villageCode: string
  orders: Record<SortKey, VillageRow[]>
  /** For the 姓氏 index on name-sorted pages: first character → page number (1-based). */
  surnamePages: Array<{ surname: string; page: number }>
  pages: number
}

const collator = new Intl.Collator('zh-CN-u-co-pinyin')
const cache = new Map<string, Map<string, VillageRows>>()

/** The leading characters before the mask: 欧阳**（户03） → 欧阳. */
export function surnameOf(maskedName: string): string {
  const i = maskedName.indexOf('*')
  return i > 0 ? maskedName.slice(0, i) : Array.from(maskedName)[0] ?? ''
}

export function villageRowsOf(list: Pick<PublicList, 'id' | 'rowsFile'>): Map<string, VillageRows> {
  const hit = cache.get(list.id)
  if (hit) return hit
  const rows = loadListRows(list)
  const grouped = new Map<string, VillageRow[]>()
  for (const row of rows) {
    let xs = grouped.get(row[4])
    if (!xs) grouped.set(row[4], (xs = []))
    xs.push({ no: xs.length + 1, row })
  }
  // Collate each distinct surname once (a list has thousands of rows but few surnames).
  const surnames = [...new Set(rows.map((r) => surnameOf(r[0])))].sort(collator.compare)
  const surnameRank = new Map(surnames.map((s, i) => [s, i]))
  const out = new Map<string, VillageRows>()
  for (const [villageCode, byNo] of grouped) {
    const byName = [...byNo].sort(
      (a, b) => surnameRank.get(surnameOf(a.row[0]))! - surnameRank.get(surnameOf(b.row[0]))! || a.no - b.no,
    )
    const byAmount = [...byNo].sort((a, b) => b.row[2] - a.row[2] || a.no - b.no)
    const surnamePages: VillageRows['surnamePages'] = []
    let last = ''
    byName.forEach((r, i) => {
      const s = surnameOf(r.row[0])
      if (s !== last) surnamePages.push({ surname: s, page: Math.floor(i / PAGE_SIZE) + 1 })
      last = s
    })
    out.set(villageCode, {
      villageCode,
      orders: { no: byNo, name: byName, amount: byAmount },
      surnamePages,
      pages: Math.max(1, Math.ceil(byNo.length / PAGE_SIZE)),
    })
  }
  cache.set(list.id, out)
  return out
}

/** /lists/<id>/<village>/[by-name/][<page>/] */
export function villagePageHref(listId: string, villageCode: string, sort: SortKey = 'no', page = 1): string {
  const slug = SORTS[sort].slug
  return `/lists/${listId}/${villageCode}/${slug ? `${slug}/` : ''}${page > 1 ? `${page}/` : ''}`
}

/** The rest parameter of a village page route ("by-name/3") or undefined for the first page. */
export function villagePageRest(sort: SortKey, page: number): string | undefined {
  const parts = [SORTS[sort].slug, page > 1 ? String(page) : ''].filter(Boolean)
  return parts.length ? parts.join('/') : undefined
}

/**
 * Page numbers to show: first, last, and a window around the current one, with gaps as null.
 * 1 … 4 5 [6] 7 8 … 40
 */
export function pageWindow(current: number, total: number, radius = 2): Array<number | null> {
  const out: Array<number | null> = []
  for (let p = 1; p <= total; p++) {
    if (p === 1 || p === total || Math.abs(p - current) <= radius) out.push(p)
    else if (out[out.length - 1] !== null) out.push(null)
  }
  return out
}
