import type { APIRoute } from 'astro'
import { toCsv } from '../../../../lib/csv'
import { villageRowsOf } from '../../../../lib/listPages'
import { LIST_ROWS_COLUMNS, listRowsForCsv } from '../../../../lib/openData'
import { pageInputs, villageRowsKey } from '../../../../lib/pageInputs'
import { loadSnapshot } from '../../../../lib/snapshot'
import type { PublicList } from '../../../../lib/snapshotSchema'

/** One village's rows of a list (the "下载本村名单" of a village page; issue 15). */
export function getStaticPaths() {
  return loadSnapshot().lists.flatMap((list) => [...villageRowsOf(list).keys()].map((village) => ({ params: { id: list.id, village }, props: { list, village }, cacheKey: pageInputs(list, villageRowsKey(list, village)) })))
}

export const GET: APIRoute = ({ props }) => {
  const { list, village } = props as { list: PublicList; village: string }
  return new Response(toCsv(LIST_ROWS_COLUMNS.map((c) => c.label), listRowsForCsv(list, village)), { headers: { 'content-type': 'text/csv; charset=utf-8' } })
}
