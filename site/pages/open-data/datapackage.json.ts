import type { APIRoute } from 'astro'
import { catalog } from '../../lib/catalog'
import { datasets, type Column } from '../../lib/openData'

const TYPES: Record<Column['type'], { type: string; format?: string }> = {
  文本: { type: 'string' },
  整数: { type: 'integer' },
  '金额（元）': { type: 'number' },
  日期: { type: 'date', format: '%Y-%m-%d' },
  月份: { type: 'yearmonth' },
  '是/否': { type: 'boolean' },
}

/**
 * Frictionless Data Package describing the released CSV files with their data dictionary. The
 * release step adds each resource's SHA-256 and size once the files exist (see cms/publish).
 */
export const GET: APIRoute = () => {
  const { site, asOf, generatedAt } = catalog().snapshot
  const pkg = {
    profile: 'tabular-data-package',
    name: 'yangguang-jiuzhu',
    title: `${site.bureauName}社会救助公开数据`,
    description: `${site.columnTitle}专栏公开的数据集。姓名已部分隐去；身份证号、银行账号、电话、住址等个人信息不公开。数据截至 ${asOf}。`,
    created: generatedAt,
    licenses: [{ name: 'public-government-information', title: '政府信息公开，可自由下载使用，请注明来源' }],
    sources: [{ title: site.bureauName }],
    resources: datasets().map((d) => ({
      profile: 'tabular-data-resource',
      name: d.slug,
      path: `${d.slug}.csv`,
      title: d.title,
      description: d.description,
      format: 'csv',
      mediatype: 'text/csv',
      // UTF-8 (with a byte-order mark, so Excel opens it right); the IANA name is utf-8
      encoding: 'utf-8',
      schema: {
        // the CSV header is the Chinese title (for Excel users); the machine name stays here (issue 15)
        fields: d.columns.map((c) => ({ name: c.label, title: c.label, machineName: c.name, description: c.note || undefined, ...TYPES[c.type] })),
      },
    })),
  }
  return new Response(JSON.stringify(pkg, null, 1), { headers: { 'content-type': 'application/json; charset=utf-8' } })
}
