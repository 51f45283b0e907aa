import type { APIRoute } from 'astro'
import { toCsv } from '../../../lib/csv'
import { LIST_ROWS_COLUMNS, listRowsForCsv } from '../../../lib/openData'
import { listRowsKey, pageInputs } from '../../../lib/pageInputs'
import { loadSnapshot } from '../../../lib/snapshot'
import type { PublicList } from '../../../lib/snapshotSchema'

export function getStaticPaths() {
  // Its inputs (site/lib/pageInputs.ts): the list and its rows.
  return loadSnapshot().lists.map((list) => ({ params: { id: list.id }, props: { list }, cacheKey: pageInputs(list, listRowsKey(list)) }))
}

export const GET: APIRoute = ({ props }) => {
  const { list } = props as { list: PublicList }
  return new Response(toCsv(LIST_ROWS_COLUMNS.map((c) => c.label), listRowsForCsv(list)), { headers: { 'content-type': 'text/csv; charset=utf-8' } })
}
