// The released datasets: one definition per dataset drives its CSV, its JSON and its row in the
// data dictionary, so the three never disagree.
import { catalog, type Catalog } from './catalog'
import type { Cell } from './csv'
import { villageRowsOf } from './listPages'
import type { PublicList } from './snapshotSchema'

export type Column = { name: string; label: string; type: '文本' | '整数' | '金额（元）' | '日期' | '月份' | '是/否'; note: string }
export type Dataset = { slug: string; title: string; description: string; columns: Column[]; rows: (c: Catalog) => Cell[][] }

const col = (name: string, label: string, type: Column['type'], note = ''): Column => ({ name, label, type, note })

/**
 * Monthly figures per programme and place, with a row marked 未公布 (empty figures, not zero) for
 * each month a place that publishes this programme has no list.
 */
function monthlyStatRows(c: Catalog): Cell[][] {
  const stats = c.snapshot.monthlyStats
  const places = [...new Set(stats.map((s) => `${s.programmeCode}|${s.regionCode}`))]
  const byKey = new Map(stats.map((s) => [`${s.month}|${s.programmeCode}|${s.regionCode}`, s]))
  const out: Cell[][] = []
  for (const month of [...c.months].reverse()) {
    for (const place of places) {
      const [programmeCode, regionCode] = place.split('|')
      const s = byKey.get(`${month}|${place}`)
      out.push([month, c.programmeName(programmeCode), regionCode, c.regionName(regionCode), s?.households, s?.persons, s?.amount, s ? '已公布' : '未公布'])
    }
  }
  return out
}

function buildDatasets(threshold: number): Dataset[] {
  return [
  {
    slug: 'notices',
    title: '公示公告',
    description: '每条公示一行：阶段、地区、公示期、状态和户数。',
    columns: [
      col('id', '公示编号', '文本'), col('title', '标题', '文本'), col('programme', '救助类别', '文本'), col('kind', '公示类型', '文本', '拟纳入、拟终止、拟调整或事后公布'),
      col('stage', '公示阶段', '文本'), col('region_code', '地区代码', '文本'), col('region', '地区', '文本'), col('posted_on', '张贴日期', '日期', 'YYYY-MM-DD'),
      col('ends_on', '公示截止日期', '日期', '含当日'), col('status', '状态', '文本', '数据截至日的状态：未开始、公示中、已结束'), col('households', '户数', '整数'), col('persons', '人数', '整数', '可能为空'),
    ],
    rows: (c) => c.noticesSorted.map((n) => [n.id, n.title, c.programmeName(n.programmeCode), n.kind, n.stage.label, n.regionCode, c.regionFullName(n.regionCode), n.postedOn, n.endsOn, n.status, n.totals.households, n.totals.persons]),
  },
  {
    slug: 'notice-entries',
    title: '公示名单明细',
    description: '每条公示中的每一户一行。姓名已部分隐去。',
    columns: [
      col('notice_id', '公示编号', '文本'), col('no', '序号', '整数'), col('name', '户主姓名（部分隐去）', '文本', '同一公示中隐去后相同的，加“户+序号”区分'), col('household_size', '人数', '整数'),
      col('amount', '金额', '金额（元）', '可能为空'), col('category', '类别', '文本', '临时救助只给出粗分类'), col('village_code', '村（社区）代码', '文本'), col('village', '村（社区）', '文本'),
    ],
    rows: (c) => c.noticesSorted.flatMap((n) => n.entries.map((e) => [n.id, e.no, e.name, e.householdSize, e.amount, e.category, e.villageCode, c.regionFullName(e.villageCode)])),
  },
  {
    slug: 'lists',
    title: '救助名单（汇总）',
    description: '每月每个类别、每个乡镇的名单一行：户数、人数、金额和较上月变化。每个名单的明细另有 CSV（见名单页面）。',
    columns: [
      col('id', '名单编号', '文本'), col('kind', '名单类型', '文本', 'approved 救助对象名单；disbursement 资金发放名单'), col('programme', '救助类别', '文本'), col('region_code', '地区代码', '文本'),
      col('region', '地区', '文本'), col('month', '月份', '月份', 'YYYY-MM'), col('published_on', '公布日期', '日期'), col('households', '户数', '整数'), col('persons', '人数', '整数'),
      col('amount', '金额', '金额（元）'), col('added_households', '新增户数', '整数', '较上月；首月为空'), col('stopped_households', '停保户数', '整数'), col('increased_households', '增标户数', '整数'),
      col('decreased_households', '减标户数', '整数'), col('amount_delta', '金额变化', '金额（元）', '较上月，负数为减少'), col('rows_csv', '明细下载地址', '文本'),
    ],
    rows: (c) => c.listsSorted.map((l) => [l.id, l.kind, c.programmeName(l.programmeCode), l.regionCode, c.regionName(l.regionCode), l.month, l.publishedOn, l.totals.households, l.totals.persons, l.totals.amount, l.changes?.added.households, l.changes?.stopped.households, l.changes?.increased.households, l.changes?.decreased.households, l.changes?.amountDelta, `/open-data/lists/${l.id}.csv`]),
  },
  {
    slug: 'list-villages',
    title: '救助名单（按村汇总）',
    description: `每个名单中每个村（社区）一行。不足${threshold}户的村不单独显示户数、人数和金额（为空），但计入名单合计。`,
    columns: [col('list_id', '名单编号', '文本'), col('month', '月份', '月份'), col('programme', '救助类别', '文本'), col('village_code', '村（社区）代码', '文本'), col('village', '村（社区）', '文本'), col('households', '户数', '整数', `不足${threshold}户为空`), col('persons', '人数', '整数', `不足${threshold}户为空`), col('amount', '金额', '金额（元）', `不足${threshold}户为空`)],
    rows: (c) => c.listsSorted.flatMap((l) => l.byVillage.map((v) => [l.id, l.month, c.programmeName(l.programmeCode), v.villageCode, c.regionFullName(v.villageCode), v.households, v.persons, v.amount])),
  },
  {
    slug: 'standards',
    title: '保障标准',
    description: '现行和历史保障标准。',
    columns: [col('id', '编号', '文本'), col('programme', '救助类别', '文本'), col('region', '地区', '文本'), col('tier', '档次', '文本'), col('amount', '标准', '金额（元）'), col('unit', '单位', '文本'), col('effective_from', '起始日期', '日期'), col('effective_to', '终止日期', '日期', '现行标准为空'), col('is_current', '是否现行', '是/否'), col('policy', '依据文件', '文本')],
    rows: (c) => c.snapshot.standards.map((s) => [s.id, c.programmeName(s.programmeCode), c.regionName(s.regionCode), s.tier, s.amount, s.unit, s.effectiveFrom, s.effectiveTo, s.isCurrent, s.policy?.title]),
  },
  {
    slug: 'policies',
    title: '政策法规',
    description: '政策文件目录（不含正文）。',
    columns: [col('id', '编号', '文本'), col('title', '标题', '文本'), col('index_number', '索引号', '文本'), col('document_number', '文号', '文本'), col('issuer', '发布机构', '文本'), col('written_on', '成文日期', '日期'), col('published_on', '发布日期', '日期'), col('validity', '有效性', '文本', 'current 现行有效；amended 已修订；repealed 已废止'), col('superseded_by', '替代文件编号', '文本'), col('url', '网页地址', '文本')],
    rows: (c) => c.policiesSorted.map((p) => [p.id, p.title, p.indexNumber, p.documentNumber, p.issuer, p.writtenOn, p.publishedOn, p.validity, p.supersededBy?.id, `/policies/${p.id}/`]),
  },
  {
    slug: 'monthly-stats',
    title: '月度统计',
    description: '按月份、类别、乡镇汇总的户数、人数和金额（统计数据页面的数字），都是已公布名单的各户相加。某月没有公布名单的，状态为“未公布”，户数、人数和金额为空（不是零）。',
    columns: [col('month', '月份', '月份'), col('programme', '救助类别', '文本'), col('region_code', '地区代码', '文本'), col('region', '地区', '文本'), col('households', '户数', '整数', '未公布为空'), col('persons', '人数', '整数', '未公布为空'), col('amount', '金额', '金额（元）', '未公布为空'), col('status', '状态', '文本', '已公布或未公布')],
    rows: monthlyStatRows,
  },
  {
    slug: 'complaint-stats',
    title: '投诉举报办理统计',
    description: '按月份和类别统计的受理、办结和按时办结件数（不含任何个人信息）。',
    columns: [col('month', '月份', '月份'), col('category', '类别', '文本'), col('received', '受理件数', '整数'), col('answered', '办结件数', '整数'), col('answered_on_time', '按时办结件数', '整数')],
    rows: (c) => c.snapshot.complaintStats.map((s) => [s.month, s.category, s.received, s.answered, s.answeredOnTime]),
  },
  ]
}

let built: { threshold: number; datasets: Dataset[] } | undefined

/** The datasets of this release (their notes state the small-count threshold the admin set). */
export function datasets(): Dataset[] {
  const threshold = catalog().snapshot.site.smallCountThreshold
  if (built?.threshold !== threshold) built = { threshold, datasets: buildDatasets(threshold) }
  return built.datasets
}

export const LIST_ROWS_COLUMNS: Column[] = [
  col('no', '序号', '整数', '村（社区）内的序号'), col('name', '户主姓名（部分隐去）', '文本'), col('household_size', '保障人数', '整数'), col('amount', '金额', '金额（元）'),
  col('category', '类别', '文本'), col('village_code', '村（社区）代码', '文本'), col('village', '村（社区）', '文本'),
]

export function listRowsForCsv(list: PublicList, villageCode?: string): Cell[][] {
  const c = catalog()
  const out: Cell[][] = []
  for (const v of villageRowsOf(list).values()) {
    if (villageCode && v.villageCode !== villageCode) continue
    const name = c.regionFullName(v.villageCode)
    for (const r of v.orders.no) out.push([r.no, r.row[0], r.row[1], r.row[2], r.row[3], r.row[4], name])
  }
  return out
}

/** JSON form: the columns (as the dictionary) and one object per row. */
export function datasetJson(d: Dataset, c: Catalog): string {
  const names = d.columns.map((x) => x.name)
  return JSON.stringify({
    dataset: d.slug,
    title: d.title,
    publisher: c.snapshot.site.bureauName,
    asOf: c.snapshot.asOf,
    generatedAt: c.snapshot.generatedAt,
    columns: d.columns,
    rows: d.rows(c).map((r) => Object.fromEntries(names.map((n, i) => [n, r[i] ?? null]))),
  })
}
