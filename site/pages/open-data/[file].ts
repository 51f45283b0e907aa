import type { APIRoute } from 'astro'
import { catalog } from '../../lib/catalog'
import { toCsv } from '../../lib/csv'
import { datasets, datasetJson, type Dataset } from '../../lib/openData'

export function getStaticPaths() {
  return datasets().flatMap((dataset) => [
    { params: { file: `${dataset.slug}.csv` }, props: { dataset, format: 'csv' as const } },
    { params: { file: `${dataset.slug}.json` }, props: { dataset, format: 'json' as const } },
  ])
}

export const GET: APIRoute = ({ props }) => {
  const { dataset, format } = props as { dataset: Dataset; format: 'csv' | 'json' }
  const c = catalog()
  return format === 'csv'
    ? new Response(toCsv(dataset.columns.map((x) => x.label), dataset.rows(c)), { headers: { 'content-type': 'text/csv; charset=utf-8' } })
    : new Response(datasetJson(dataset, c), { headers: { 'content-type': 'application/json; charset=utf-8' } })
}
