// Content of every page type, built from the fixture snapshot like a release.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { figuresOf } from '../../cms/domain/disclosure'
import { formatDate, formatMonth, formatYuan } from '../../site/lib/format'
import { searchEntries, type SearchEntry } from '../../site/lib/searchIndex'
import { FIXTURE_TOWNSHIP_PHONE, FIXTURE_VILLAGE_PHONE } from '../fixtures/snapshot/makeFixtureSnapshot'
import { NOINDEX_PATTERNS } from '../../site/lib/robots'
import { PAGE_SIZE } from '../../site/lib/listPages'
import type { PublicList, PublicListRow, Snapshot } from '../../site/lib/snapshotSchema'
import { buildFixtureSite, type BuiltSite } from './buildFixtureSite'

let site: BuiltSite & { cleanup: () => void }
let s: Snapshot
const read = (p: string) => fs.readFileSync(path.join(site.clientDir, p), 'utf8')
const page = (url: string) => read(path.join(url, 'index.html'))
const exists = (p: string) => fs.existsSync(path.join(site.clientDir, p))
const rowsOf = (l: PublicList): PublicListRow[] => JSON.parse(fs.readFileSync(path.join(path.dirname(site.snapshotFile), l.rowsFile), 'utf8')).rows
/** Text content of an HTML fragment (tags out, entities that matter here decoded). */
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")

beforeAll(async () => {
  // 3,000 households: enough for village lists of more than one page.
  site = await buildFixtureSite({ households: 3000, months: 3 })
  s = site.snapshot
}, 240_000)
afterAll(() => site?.cleanup())

describe('home', () => {
  it('says what the column is, lists current notices, key numbers and hotlines', () => {
    const home = page('/')
    expect(home).toContain('<h1>阳光救助</h1>')
    for (const n of s.notices.filter((x) => x.status === '公示中')) expect(home).toContain(`/notices/${n.id}/`)
    for (const n of s.notices.filter((x) => x.status === '已结束')) expect(home).not.toContain(`/notices/${n.id}/`)
    expect(home).toContain('2026年10月救助情况')
    const rural = s.monthlyStats.filter((m) => m.month === '2026-10' && m.programmeCode === 'dibao-rural')
    expect(text(home)).toContain(formatYuan(rural.reduce((a, m) => a + m.amount, 0)))
    expect(home).toContain(s.site.consultPhone!)
    expect(home).toContain(s.site.supervisePhone!)
    expect(home).toContain('周一至周五')
  })
})

describe('policies', () => {
  it('shows a policy with its full metadata', () => {
    const html = text(page('/policies/qhmf-2026-3/'))
    expect(html).toContain('清河县城乡最低生活保障实施办法')
    expect(html).toMatch(/文号\s*清民发〔2026〕3号/)
    expect(html).toMatch(/发布机构\s*清河县民政局/)
    expect(html).toMatch(/成文日期\s*2026年2月20日/)
    expect(html).toMatch(/发布日期\s*2026年3月1日/)
    expect(html).toMatch(/有效性\s*现行有效/)
    expect(html).toContain('索引号')
  })

  it('says at the top of a repealed policy that it is repealed, and links to its replacement', () => {
    const html = page('/policies/qhmf-2019-12/')
    const banner = html.indexOf('本文件已废止')
    expect(banner).toBeGreaterThan(-1)
    expect(banner).toBeLessThan(html.indexOf('<h1>'))
    expect(html.slice(banner, html.indexOf('<h1>'))).toContain('href="/policies/qhmf-2026-3/"')
    const amended = page('/policies/qhmf-2023-21/')
    expect(amended).toContain('本文件已修订')
    expect(amended).toContain('href="/policies/qhmf-2025-40/"')
  })

  it('has filter pages by programme, validity and year that work without JavaScript', () => {
    const repealed = page('/policies/validity/repealed/')
    expect(repealed).toContain('清河县农村最低生活保障实施细则')
    expect(repealed).not.toContain('>清河县城乡最低生活保障实施办法<')
    const linshi = page('/policies/programme/linshi/')
    expect(linshi).toContain('清河县临时救助实施办法')
    expect(linshi).not.toContain('清河县特困人员认定办法实施细则')
    expect(page('/policies/year/2019/')).toContain('清河县农村最低生活保障实施细则')
    expect(page('/policies/')).toMatch(/href="\/policies\/year\/2026\/"/)
  })
})

describe('guides', () => {
  it('lists one guide per programme', () => {
    const html = page('/guides/')
    for (const g of s.guides) expect(html).toContain(`href="/guides/${g.programmeCode}/"`)
  })

  it('gives a structured guide with a materials checklist, steps, time limits, place and phones', () => {
    const g = s.guides.find((x) => x.programmeCode === 'dibao-rural')!
    const html = page('/guides/dibao-rural/')
    const checklist = html.slice(html.indexOf('class="checklist"'), html.indexOf('</ul>', html.indexOf('class="checklist"')))
    for (const m of g.materials) expect(checklist).toContain(m.name)
    expect(checklist.match(/class="box"/g)).toHaveLength(g.materials.length)
    expect(text(checklist)).toContain('有则提供')
    for (const st of g.steps) expect(html).toContain(st.actor)
    expect(text(html)).toMatch(/承诺时限\s*10 个工作日/)
    expect(text(html)).toMatch(/法定时限\s*30 个工作日/)
    for (const c of g.conditions) expect(html).toContain(c)
    for (const c of g.exclusions) expect(html).toContain(c)
    expect(html).toContain(g.place!)
    expect(html).toContain(g.supervisePhone!)
    expect(html).toContain('href="/policies/qhmf-2026-3/"')
  })
})

describe('standards', () => {
  it('shows current standards by programme and region, and their history', () => {
    const html = page('/standards/')
    const current = text(html.slice(html.indexOf('<table'), html.indexOf('</table>')))
    expect(current).toContain('城市低保')
    expect(current).toContain('300 元/人·月')
    expect(current).toContain('1,800 元/人·年')
    expect(current).not.toContain('210 元/人·月')
    expect(current).toContain('清河县')
    const all = text(html)
    expect(all).toContain('210 元/人·月')
    expect(all).toContain('2024年1月1日 至 2025年12月31日')
  })
})

describe('notices', () => {
  const liveId = () => s.notices.find((n) => n.status === '公示中' && n.previousNoticeId && n.nextNoticeId)!.id

  it('shows a live notice: stage, dates, status with days left, masked entries, totals, how to object', () => {
    const n = s.notices.find((x) => x.id === liveId())!
    const html = page(`/notices/${n.id}/`)
    const t = text(html)
    expect(t).toContain(n.stage.label)
    expect(t).toContain('第2榜，共3榜')
    expect(t).toMatch(/张贴日期\s*2026年11月20日/)
    expect(t).toMatch(/公示截止\s*2026年11月27日/)
    expect(t).toContain('公示中（还剩 3 天）')
    expect(t).toContain(n.periodRule)
    for (const e of n.entries) expect(html).toContain(`<th scope="row">${e.name}</th>`)
    expect(t).toContain(`合计 ${n.totals.households} 户，${n.totals.persons} 人`)
    expect(html).toContain(`href="/interact/objection/?notice=${n.id}"`)
    expect(html).toContain(`href="/interact/objection/?notice=${n.id}&amp;entry=1"`)
    expect(html).toContain(`href="/notices/${n.previousNoticeId}/"`)
    expect(html).toContain(`href="/notices/${n.nextNoticeId}/"`)
    expect(html).toContain(s.site.supervisePhone!)
  })

  it('marks an end in a year whose holidays are not published 暂定, on the page, in lists and on the A4 print', () => {
    const n = s.notices.find((x) => x.endsOnProvisional)!
    expect(n).toMatchObject({ postedOn: '2026-12-28', endsOn: '2027-01-04' })
    const html = page(`/notices/${n.id}/`)
    const t = text(html)
    expect(t).toMatch(/公示截止\s*2027年1月4日（含当日）（暂定）/)
    expect(t).toContain('截止日期暂按法定节假日推算，国务院公布安排后自动复核。')
    expect(/class="print-objection"[^>]*>\s*<p>([^<]*)/.exec(html)?.[1]).toMatch(/^公示期：2026年12月28日 至 2027年1月4日（暂定）（截止日期暂按法定节假日推算，国务院公布安排后自动复核）。/)
    expect(text(page('/notices/'))).toContain('2026年12月28日 至 2027年1月4日（暂定）')
    // and nothing else is marked
    const other = s.notices.find((x) => !x.endsOnProvisional && x.status === '公示中')!
    expect(text(page(`/notices/${other.id}/`))).not.toContain('暂定')
  })

  it('prints as a village-board notice: the issuer of its stage, its own objection contact, a short URL and QR code, A4', () => {
    const region = (code: string) => s.regions.find((r) => r.code === code)!
    for (const key of ['village', 'township', 'county']) {
      const n = s.notices.find((x) => x.stage.key === key && x.stage.of === 3)!
      const html = page(`/notices/${n.id}/`)
      const r = region(n.regionCode)
      const expected = key === 'county' ? '清河县民政局' : key === 'township' ? `${r.name}人民政府` : `${region(r.parentCode!).name}${r.name}${r.name.endsWith('社区') ? '居民' : '村民'}委员会`
      expect(html, key).toMatch(new RegExp(`class="print-only print-bureau"[^>]*>${expected}<`))
      expect(html, key).toMatch(new RegExp(`class="signature print-signature"[\\s\\S]*?<p>${expected}</p>`))
      expect(text(html), key).toContain(`异议受理：${n.objectionContact}`)
      const short = /data-short-url="([^"]+)"/.exec(html)![1]
      expect(short).toMatch(/\/n\/[0-9A-HJKMNP-TV-Z]{6}\/$/)
      expect(html).toContain('<svg role="img" aria-label="二维码：')
      // the short address leads to the notice, without JavaScript
      const redirect = page(new URL(short).pathname)
      expect(redirect).toContain(`<meta http-equiv="refresh" content="0; url=/notices/${n.id}/"`)
      expect(redirect).toContain(`href="/notices/${n.id}/"`)
    }
    const html = page(`/notices/${liveId()}/`)
    expect(html).toMatch(/@page\{size:A4/)
    expect(html).toMatch(/\.notice-doc table\{font-size:14pt\}/)
  })

  it('shows an ended notice as ended, without per-entry objection links', () => {
    const n = s.notices.find((x) => x.status === '已结束' && x.nextNoticeId)!
    const html = page(`/notices/${n.id}/`)
    expect(text(html)).toContain('已结束')
    expect(html).not.toContain('&amp;entry=')
    expect(html).toContain(`href="/notices/${n.nextNoticeId}/"`)
  })

  it('lists notices by status and has filter pages by stage, programme and region', () => {
    const all = page('/notices/')
    for (const n of s.notices) expect(all).toContain(`/notices/${n.id}/`)
    const stage = page('/notices/stage/county/')
    expect(stage).toContain('县民政局审批后公示')
    const tekun = page('/notices/programme/tekun/')
    expect(tekun).toContain('特困人员拟终止供养公示')
    expect(tekun).not.toContain('href="/notices/n-2026-11-rural-')
    const town = s.regions.find((r) => r.level === 'township' && r.name !== '城关街道')!
    expect(exists(`notices/region/${town.code}/index.html`)).toBe(true)
    expect(all).toContain('已撤回的信息')
  })

  it('the town filter lists the county-stage notice of a village in that town (issue 15)', () => {
    const countyStage = s.notices.find((n) => n.stage.key === 'county' && n.regionCode === s.regions.find((r) => r.level === 'county')!.code && n.previousNoticeId)!
    const village = s.regions.find((r) => r.code === countyStage.entries[0].villageCode)!
    const town = s.regions.find((r) => r.code === village.parentCode)!
    expect(town.level).toBe('township')
    const html = page(`/notices/region/${town.code}/`)
    expect(html).toContain(`href="/notices/${countyStage.id}/"`)
    // and still under the county's own filter, where it was issued
    expect(page('/notices/region/county/')).toContain(`href="/notices/${countyStage.id}/"`)
    // a town none of whose villages it concerns does not list it
    const other = s.regions.find((r) => r.level === 'township' && !countyStage.entries.some((e) => s.regions.find((v) => v.code === e.villageCode)?.parentCode === r.code))
    if (other && exists(`notices/region/${other.code}/index.html`)) expect(page(`/notices/region/${other.code}/`)).not.toContain(`href="/notices/${countyStage.id}/"`)
  })
})

describe('lists', () => {
  const list = () => s.lists.find((l) => l.month === '2026-10' && l.programmeCode === 'dibao-rural')!

  it('lists the latest month and has month, programme and region pages', () => {
    const html = page('/lists/')
    for (const l of s.lists.filter((x) => x.month === '2026-10')) expect(html).toContain(`/lists/${l.id}/`)
    expect(page('/lists/month/2026-09/')).toContain(`/lists/${s.lists.find((l) => l.month === '2026-09')!.id}/`)
    expect(page('/lists/programme/linshi/')).toContain('临时救助救助对象名单')
    expect(exists(`lists/region/${list().regionCode}/index.html`)).toBe(true)
    expect(text(html)).toContain('每月公开是否按时')
  })

  it('shows a list with totals, month-over-month changes and a per-village table', () => {
    const l = list()
    const t = text(page(`/lists/${l.id}/`))
    expect(t).toContain(`${l.totals.households.toLocaleString('zh-CN')} 户`)
    expect(t).toContain(formatYuan(l.totals.amount))
    expect(t).toContain(`与${formatMonth(l.changes!.previousMonth)}相比`)
    expect(t).toMatch(new RegExp(`新增\\s*${l.changes!.added.households} 户\\s*${l.changes!.added.persons} 人`))
    expect(t).toMatch(new RegExp(`停保（注销）\\s*${l.changes!.stopped.households} 户`))
    expect(t).toContain(`${l.changes!.amountDelta >= 0 ? '增加' : '减少'} ${Math.abs(l.changes!.amountDelta).toLocaleString('zh-CN')} 元`)
    for (const v of l.byVillage) expect(page(`/lists/${l.id}/`)).toContain(`href="/lists/${l.id}/${v.villageCode}/"`)
  })

  it('shows small village counts as text, not numbers', () => {
    const l = s.lists.find((x) => x.byVillage.some((v) => v.households === null))
    expect(l, 'fixture has a village below the small-count threshold').toBeDefined()
    expect(text(page(`/lists/${l!.id}/`))).toContain('少于3户')
  })

  it('shows a village page with its masked rows, paginated, with pre-built sort orders', () => {
    const l = list()
    const rows = rowsOf(l)
    const byVillage = new Map<string, PublicListRow[]>()
    for (const r of rows) byVillage.set(r[4], [...(byVillage.get(r[4]) ?? []), r])
    const [code, vrows] = [...byVillage].sort((a, b) => b[1].length - a[1].length)[0]
    expect(vrows.length).toBeGreaterThan(PAGE_SIZE)
    const base = `/lists/${l.id}/${code}/`
    const p1 = page(base)
    const names = [...p1.matchAll(/<tr><td class="num">(\d+)<\/td><th scope="row">([^<]+)<\/th>/g)]
    expect(names).toHaveLength(PAGE_SIZE)
    expect(names.map((m) => m[2])).toEqual(vrows.slice(0, PAGE_SIZE).map((r) => r[0]))
    expect(names[0][1]).toBe('1')
    expect(p1).toContain(`href="${base}2/"`)
    expect(p1).toContain('aria-current="page"')
    const pages = Math.ceil(vrows.length / PAGE_SIZE)
    const last = page(`${base}${pages}/`)
    expect([...last.matchAll(/<tr><td class="num">/g)]).toHaveLength(vrows.length - (pages - 1) * PAGE_SIZE)
    expect(exists(`${base.slice(1)}${pages + 1}/index.html`)).toBe(false)
    // By amount: the first row carries the largest amount.
    const byAmount = page(`${base}by-amount/`)
    const max = Math.max(...vrows.map((r) => r[2]))
    expect(byAmount).toMatch(new RegExp(`<th scope="row">[^<]+</th><td class="num">\\d+(?:<span class="stack-unit">人</span>)?</td><td class="num">${max.toLocaleString('zh-CN')} 元`))
    expect(byAmount).toContain('aria-sort="descending"')
    const byName = page(`${base}by-name/`)
    expect(byName).toContain('按姓氏跳转')
    expect(p1).toContain(`href="${base}by-name/"`)
    // Only the first page is indexed for search; the others point to it.
    expect(p1).toContain('data-pagefind-body')
    expect(page(`${base}2/`)).not.toContain('data-pagefind-body')
    expect(page(`${base}2/`)).toContain('rel="canonical"')
  })

  it('offers each list as CSV with a BOM', () => {
    const l = list()
    const csv = read(`open-data/lists/${l.id}.csv`)
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv.slice(1).split('\r\n')[0]).toBe('序号,户主姓名（部分隐去）,保障人数,金额,类别,村（社区）代码,村（社区）')
    expect(csv.trimEnd().split('\r\n')).toHaveLength(rowsOf(l).length + 1)
  })

  it('a village page downloads that village only, under a meaningful file name (issue 15)', () => {
    const l = list()
    const rows = rowsOf(l)
    const village = rows[0][4]
    const csv = read(`open-data/lists/${l.id}/${village}.csv`).trimEnd().split('\r\n')
    expect(csv).toHaveLength(rows.filter((r) => r[4] === village).length + 1)
    const html = page(`/lists/${l.id}/${village}/`)
    expect(html).toMatch(new RegExp(`href="/open-data/lists/${l.id}/${village}\\.csv" download="[^"]*${s.regions.find((r) => r.code === village)!.name}[^"]*\\.csv"`))
    // printed for the board: issuer, date and supervision phone
    expect(text(/class="print-only print-list-foot"[^>]*>([\s\S]*?)<\/p>/.exec(html)![1])).toMatch(new RegExp(`公布单位：${s.site.bureauName}\\s*公布日期：\\d{4}年\\d{1,2}月\\d{1,2}日\\s*监督电话：${s.site.supervisePhone}`))
  })
})

describe('stats', () => {
  it('renders static SVG charts with tables whose numbers equal the snapshot', () => {
    const html = page('/stats/')
    expect((html.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(4)
    expect(html).toContain('aria-hidden="true"')
    expect(html).not.toMatch(/<script[^>]+src=/)
    const t = text(html)
    for (const m of ['2026-08', '2026-09', '2026-10']) {
      for (const p of s.programmes) {
        const rows = s.monthlyStats.filter((x) => x.month === m && x.programmeCode === p.code)
        if (!rows.length) continue
        const households = rows.reduce((a, x) => a + x.households, 0)
        const amount = rows.reduce((a, x) => a + x.amount, 0)
        expect(t).toContain(`${households.toLocaleString('zh-CN')} 户`)
        expect(t).toContain(formatYuan(amount))
      }
      const total = s.monthlyStats.filter((x) => x.month === m).reduce((a, x) => a + x.households, 0)
      expect(t).toContain(`${total.toLocaleString('zh-CN')} 户`)
    }
  })
})

describe('open data', () => {
  it('links every dataset as CSV (UTF-8 with BOM, correct header) and JSON, plus manifest.json', () => {
    const html = page('/open-data/')
    for (const name of ['notices', 'lists', 'standards', 'policies', 'monthly-stats', 'complaint-stats']) {
      expect(html).toContain(`href="/open-data/${name}.csv"`)
      expect(html).toContain(`href="/open-data/${name}.json"`)
      const csv = read(`open-data/${name}.csv`)
      expect(csv.charCodeAt(0), name).toBe(0xfeff)
      expect(JSON.parse(read(`open-data/${name}.json`)).dataset).toBe(name)
    }
    expect(html).toContain('href="/manifest.json"')
    // Chinese column titles for Excel users (issue 15); machine names stay in datapackage.json
    expect(read('open-data/notices.csv').slice(1).split('\r\n')[0]).toBe('公示编号,标题,救助类别,公示类型,公示阶段,地区代码,地区,张贴日期,公示截止日期,状态,户数,人数')
    expect(read('open-data/standards.csv').slice(1).split('\r\n')[0]).toBe('编号,救助类别,地区,档次,标准,单位,起始日期,终止日期,是否现行,依据文件')
    // codes, dates and months quoted as text
    expect(read('open-data/notices.csv').split('\r\n')[1]).toMatch(/,"\d{9,12}",[^,]*,"\d{4}-\d{2}-\d{2}","\d{4}-\d{2}-\d{2}",/)
    const pkg = JSON.parse(read('open-data/datapackage.json'))
    const noticesRes = pkg.resources.find((r: { name: string }) => r.name === 'notices')
    expect(noticesRes.encoding).toBe('utf-8')
    expect(noticesRes.schema.fields[5]).toMatchObject({ name: '地区代码', machineName: 'region_code', type: 'string' })
    expect(html).toContain('href="/open-data/datapackage.json"')
    const lists = read('open-data/lists.csv').trimEnd().split('\r\n')
    expect(lists).toHaveLength(s.lists.length + 1)
    expect(lists[0].startsWith('\uFEFF名单编号,名单类型,救助类别,地区代码,地区,月份,公布日期,户数,人数,金额')).toBe(true)
    const json = JSON.parse(read('open-data/notices.json'))
    expect(json.rows).toHaveLength(s.notices.length)
    expect(json.columns.map((c: { name: string }) => c.name)[0]).toBe('id')
    expect(html).toContain('字段字典')
  })
})

describe('interact', () => {
  it('gives channels, links to the forms and handling statistics', () => {
    const html = page('/interact/')
    for (const p of ['/interact/complaint/', '/interact/report/', '/interact/objection/', '/interact/track/']) expect(html).toContain(`href="${p}"`)
    expect(html).toContain(s.site.supervisePhone!)
    expect(html).toContain(s.site.complaintAddress!)
    const received = s.complaintStats.reduce((a, x) => a + x.received, 0)
    expect(text(html)).toContain(`共受理 ${received} 件`)
  })
})

describe('feed, sitemap, search, 404', () => {
  it('has an Atom feed of notices', () => {
    const xml = read('feed.xml')
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true)
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"')
    expect(xml.match(/<entry>/g)).toHaveLength(s.notices.length)
    expect(xml.match(/<\/entry>/g)).toHaveLength(s.notices.length)
    for (const n of s.notices) expect(xml).toContain(`/notices/${n.id}/</id>`)
    expect(xml).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/)
    // true dates (issue 15): nothing updated or published after the snapshot's day
    const dates = [...xml.matchAll(/<(updated|published)>(\d{4}-\d{2}-\d{2})T/g)].map((m) => m[2])
    expect(dates.length).toBeGreaterThan(s.notices.length)
    for (const d of dates) expect(d <= s.asOf, d).toBe(true)
    expect(s.notices.some((n) => n.postedOn > s.asOf)).toBe(true)
  })

  it('has a sitemap whose URLs all exist', () => {
    const xml = read('sitemap.xml')
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname)
    expect(locs.length).toBeGreaterThan(s.lists.length)
    expect(xml.match(/<url>/g)).toHaveLength(locs.length)
    for (const p of locs) expect(exists(path.join(p, 'index.html')), p).toBe(true)
    // Pages with names are not in the sitemap (they carry noindex instead).
    for (const n of s.notices) expect(locs).not.toContain(`/notices/${n.id}/`)
    expect(locs.filter((p) => /^\/lists\/(?!month\/|programme\/|region\/)[^/]+\/[^/]+\//.test(p))).toEqual([])
    expect(locs).toContain(`/lists/${s.lists[0].id}/`)
    expect(locs).toContain('/notices/')
  })

  it('has a Pagefind index with programme, region and month filters', () => {
    const entry = JSON.parse(read('pagefind/pagefind-entry.json'))
    const langs = Object.values(entry.languages) as Array<{ page_count: number }>
    expect(langs.reduce((a, l) => a + l.page_count, 0)).toBeGreaterThan(s.lists.length)
    expect(exists('pagefind/pagefind.js')).toBe(true)
    expect(fs.readdirSync(path.join(site.clientDir, 'pagefind', 'filter')).length).toBeGreaterThan(0)
    const notice = page(`/notices/${s.notices[0].id}/`)
    expect(notice).toMatch(/data-pagefind-filter="programme:[^"]+"/)
    expect(notice).toMatch(/data-pagefind-filter="region:[^"]+"/)
    expect(notice).toMatch(/data-pagefind-filter="month:2026年\d+月"/)
    expect(page('/search/')).toContain('src="/search.js"')
  })

  it('has a helpful 404', () => {
    const html = read('404.html')
    expect(html).toContain('页面未找到')
    expect(html).toContain('href="/notices/"')
    expect(html).toContain(s.site.consultPhone!)
  })
})

describe('what is public, decided once (issue 13)', () => {
  const villageFirstPages = () =>
    s.lists.flatMap((l) => [...new Set(rowsOf(l).map((r) => r[4]))].map((v) => ({ l, v, url: `/lists/${l.id}/${v}/` })))
  const sums = (rows: PublicListRow[]) => figuresOf(rows.map((r) => ({ householdSize: r[1], amount: r[2] })))
  const fmtCount = (n: number) => n.toLocaleString('zh-CN')

  it('every list page states totals that are the sum of the rows it publishes, and says why its village lines fall short', () => {
    for (const l of s.lists) {
      const rows = rowsOf(l)
      const f = sums(rows)
      expect(l.totals, l.id).toEqual(f)
      const t = text(page(`/lists/${l.id}/`))
      expect(t).toContain(`${fmtCount(f.households)} 户`)
      expect(t).toContain(`${fmtCount(f.persons)} 人`)
      expect(t).toContain(formatYuan(f.amount))
      const shown = l.byVillage.filter((v) => v.households !== null)
      const hidden = l.byVillage.length - shown.length
      const shownSum = shown.reduce((a, v) => a + v.households!, 0)
      if (hidden === 0) expect(shownSum, l.id).toBe(f.households)
      else {
        expect(shownSum).toBeLessThan(f.households)
        expect(t).toContain(`另有 ${hidden} 个村（社区）不足${s.site.smallCountThreshold}户，不单独列出户数、人数和金额，已计入上面的合计`)
      }
    }
  })

  it('every village page states 户, 人 and 金额 that are the sum of the rows listed on its pages', () => {
    const pages = villageFirstPages()
    expect(pages.length).toBeGreaterThan(20)
    for (const { l, v, url } of pages) {
      const rows = rowsOf(l).filter((r) => r[4] === v)
      const f = sums(rows)
      expect(text(page(url)), url).toContain(`本村（社区）共 ${fmtCount(f.households)} 户，${fmtCount(f.persons)} 人，金额合计 ${formatYuan(f.amount)}`)
    }
  })

  it('the county figures (stats, home) are sums of the lists; a month without a list is 未公布, a partial sum says what is missing', () => {
    const stats = text(page('/stats/'))
    // 特困 has no list in the first month of the fixture: shown as 未公布, never 0.
    const first = s.monthlyStats.map((m) => m.month).sort()[0]
    expect(s.monthlyStats.some((m) => m.month === first && m.programmeCode === 'tekun')).toBe(false)
    const html = page('/stats/')
    const at = html.indexOf(`<th scope="row">${formatMonth(first)}</th>`)
    const row = html.slice(at, html.indexOf('</tr>', at))
    expect(at).toBeGreaterThan(0)
    expect(text(row)).toContain('未公布')
    expect(text(row)).not.toMatch(/(^|[^\d,])0 户/)
    expect(stats).toContain('“未公布”表示该月该类别没有公布名单，不是零')
    // A withdrawn list leaves its township out of that month's 临时救助 sum, and the page says so.
    const withdrawn = s.gone.find((g) => g.kind === 'list' && g.state === 'withdrawn')!
    expect(stats).toMatch(/合计“不全”：另有 \d+ 处名单尚未公布，未计入合计：[^。]*临时救助/)
    expect(withdrawn).toBeDefined()
    for (const m of s.monthlyStats.map((x) => x.month)) {
      const listed = s.lists.filter((l) => l.month === m && l.kind === 'disbursement').reduce((a, l) => a + l.totals.households, 0)
      expect(listed).toBeGreaterThan(0)
    }
    const home = text(page('/'))
    for (const p of s.programmes.filter((x) => s.monthlyStats.some((m) => m.programmeCode === x.code))) expect(home).toContain(p.shortName)
    const csv = read('open-data/monthly-stats.csv').slice(1).trimEnd().split('\r\n')
    expect(csv[0]).toBe('月份,救助类别,地区代码,地区,户数,人数,金额,状态')
    const unpublished = csv.filter((l) => l.endsWith(',未公布'))
    expect(unpublished.length).toBeGreaterThan(0)
    for (const l of unpublished) expect(l).toMatch(/,,,,未公布$/)
    expect(csv.filter((l) => l.endsWith(',已公布'))).toHaveLength(s.monthlyStats.length)
  })

  it('states the small-count threshold the admin set', () => {
    const l = s.lists.find((x) => x.byVillage.some((v) => v.households === null))!
    expect(text(page(`/lists/${l.id}/`))).toContain(`不足${s.site.smallCountThreshold}户的村只显示“少于${s.site.smallCountThreshold}户”`)
    expect(text(page('/open-data/'))).toContain(`不足${s.site.smallCountThreshold}户的村不单独显示`)
  })

  it('has a robots.txt that names the sitemap and keeps crawlers out of the search index fragments', () => {
    const robots = read('robots.txt')
    expect(robots).toMatch(/^User-agent: \*$/m)
    expect(robots).toMatch(/^Disallow: \/pagefind\/$/m)
    expect(robots).toMatch(/^Sitemap: https?:\/\/[^/]+\/sitemap\.xml$/m)
    // Name pages are not disallowed: a crawler must fetch them to read their noindex.
    expect(robots).not.toMatch(/Disallow: \/(notices|lists)/)
  })

  it('every page that shows a name carries noindex; pages without names do not', () => {
    const noindex = (html: string) => /<meta name="robots" content="noindex, noarchive"/.test(html)
    for (const n of s.notices) expect(noindex(page(`/notices/${n.id}/`)), n.id).toBe(true)
    for (const { url } of villageFirstPages()) expect(noindex(page(url)), url).toBe(true)
    for (const url of ['/', '/notices/', '/lists/', `/lists/${s.lists[0].id}/`, '/stats/', '/policies/']) expect(noindex(page(url)), url).toBe(false)
    // The same rule for the server's X-Robots-Tag, name downloads included.
    const routes = JSON.parse(read('release-routes.json')) as { noindex: string[]; gone: Array<{ prefix: string; page: string }> }
    expect(routes.noindex).toEqual(NOINDEX_PATTERNS)
    const matches = (p: string) => routes.noindex.some((re) => new RegExp(re).test(p))
    for (const p of [`/notices/${s.notices[0].id}/`, `${villageFirstPages()[0].url}`, `${villageFirstPages()[0].url}by-name/`, `/open-data/lists/${s.lists[0].id}.csv`, '/open-data/notice-entries.csv']) expect(matches(p), p).toBe(true)
    for (const p of ['/', '/notices/', '/notices/stage/county/', '/lists/month/2026-10/', `/lists/${s.lists[0].id}/`, '/open-data/lists.csv', '/stats/']) expect(matches(p), p).toBe(false)
  })

  it('withdrawn and expired notices and lists keep a short note at their address, listed for the server to answer 410', () => {
    const routes = JSON.parse(read('release-routes.json')) as { gone: Array<{ prefix: string; page: string }> }
    expect(new Set(s.gone.map((g) => `${g.kind}:${g.state}`))).toEqual(new Set(['notice:withdrawn', 'notice:expired', 'list:withdrawn', 'list:expired']))
    for (const g of s.gone) {
      const url = g.kind === 'notice' ? `/notices/${g.id}/` : `/lists/${g.id}/`
      const html = page(url)
      const t = text(html)
      expect(html).toContain('<meta name="robots" content="noindex, noarchive"')
      expect(t).toContain(g.title)
      if (g.state === 'withdrawn') expect(t).toContain(`撤回原因：${g.reason}`)
      else if (g.kind === 'notice') expect(t).toContain(`公示期满${s.site.noticeRetentionDays}天后不再在网上公开`)
      else expect(t).toContain(`网上只公开最近${s.site.listRetentionMonths}个月的救助名单`)
      expect(routes.gone).toContainEqual({ prefix: url, page: url })
      if (g.kind === 'list') expect(routes.gone).toContainEqual({ prefix: `/open-data/lists/${g.id}.csv`, page: url })
      // Nothing of the removed content is left: no entries, no rows file.
      expect(s.notices.some((n) => n.id === g.id) || s.lists.some((l) => l.id === g.id)).toBe(false)
    }
    expect(page('/notices/')).toContain('已撤回的信息')
  })
})

describe('a page per village and per town, 按村查找 (issue 15)', () => {
  // The three-stage notice: village stage in a village, township stage filed under its township,
  // county stage filed under the county — all with households of that one village.
  const threeStage = () => {
    const county = s.notices.find((n) => n.stage.key === 'county' && n.kind === 'apply' && n.stage.of === 3)!
    const villageCode = county.entries[0].villageCode
    const township = s.regions.find((r) => r.code === s.regions.find((v) => v.code === villageCode)!.parentCode)!
    const all = s.notices.filter((n) => n.entries.some((e) => e.villageCode === villageCode) && n.stage.of === 3)
    return { county, villageCode, township, all }
  }

  it('lists every township and its villages on a static page linked from home, notices and lists', () => {
    const html = page('/regions/')
    for (const r of s.regions.filter((x) => x.level !== 'county')) expect(html, r.name).toContain(`href="/regions/${r.code}/"`)
    expect(html).not.toContain('<script')
    for (const url of ['/', '/notices/', '/lists/']) expect(page(url), url).toContain('href="/regions/"')
  })

  it("a village's page shows the notices of every stage that concern it, the county stage included", () => {
    const { county, villageCode, all } = threeStage()
    expect(county.regionCode).not.toBe(villageCode)
    const html = page(`/regions/${villageCode}/`)
    for (const n of all.filter((x) => x.status !== '已结束')) expect(html, n.id).toContain(`href="/notices/${n.id}/"`)
    expect(html).toContain(`href="/notices/${county.id}/"`)
    const running = all.filter((n) => n.status === '公示中')
    expect(running.length).toBeGreaterThan(0)
    const runningSection = html.slice(html.indexOf('id="running-h"'), html.indexOf('id="lists-h"'))
    for (const n of running) expect(runningSection).toContain(`/notices/${n.id}/`)
    // a notice of another village in another township is not on it
    const other = s.notices.find((n) => n.status === '公示中' && !n.entries.some((e) => e.villageCode === villageCode) && n.regionCode !== villageCode && s.regions.find((r) => r.code === n.regionCode)?.level === 'village')
    if (other) expect(html).not.toContain(`/notices/${other.id}/`)
  })

  it("a town's page lists the county-stage notice of one of its villages, and its villages", () => {
    const { county, township } = threeStage()
    const html = page(`/regions/${township.code}/`)
    expect(html).toContain(`href="/notices/${county.id}/"`)
    for (const v of s.regions.filter((r) => r.parentCode === township.code)) expect(html).toContain(`href="/regions/${v.code}/"`)
  })

  it('links the newest published list of each programme: village pages to the village part', () => {
    const { villageCode, township } = threeStage()
    const html = page(`/regions/${villageCode}/`)
    const newest = new Map<string, PublicList>()
    for (const l of [...s.lists].sort((a, b) => b.month.localeCompare(a.month))) {
      if (!l.byVillage.some((v) => v.villageCode === villageCode)) continue
      if (!newest.has(`${l.programmeCode}|${l.kind}`)) newest.set(`${l.programmeCode}|${l.kind}`, l)
    }
    expect(newest.size).toBeGreaterThan(0)
    for (const l of newest.values()) expect(html).toContain(`href="/lists/${l.id}/${villageCode}/"`)
    const older = s.lists.filter((l) => l.byVillage.some((v) => v.villageCode === villageCode) && l.month < newest.get(`${l.programmeCode}|${l.kind}`)!.month)
    expect(older.length).toBeGreaterThan(0)
    for (const l of older) expect(html).not.toContain(`/lists/${l.id}/`)
    const town = page(`/regions/${township.code}/`)
    for (const l of s.lists.filter((x) => x.regionCode === township.code && x.month === '2026-10')) expect(town).toContain(`href="/lists/${l.id}/"`)
  })

  it('shows the village committee and township office contacts, only when official', () => {
    const { villageCode, township } = threeStage()
    const village = s.regions.find((r) => r.code === villageCode)!
    expect(village.contact?.phone).toBe(FIXTURE_VILLAGE_PHONE)
    expect(township.contact?.phone).toBe(FIXTURE_TOWNSHIP_PHONE)
    const t = text(page(`/regions/${villageCode}/`))
    expect(t).toContain(`办公电话：${FIXTURE_VILLAGE_PHONE}`)
    expect(t).toContain(`办公电话：${FIXTURE_TOWNSHIP_PHONE}`)
    expect(t).toContain(`${village.name}村民委员会`)
    expect(t).toContain(s.site.supervisePhone!)
    // A resident's address typed into a village's office address is not an official contact: not exported, not shown.
    const neighbour = s.regions.filter((r) => r.parentCode === township.code)[1]
    expect(neighbour.contact).toBeNull()
    expect(JSON.stringify(s)).not.toContain('王大山')
    const n = text(page(`/regions/${neighbour.code}/`))
    expect(n).not.toContain(`${neighbour.name}（村（居）民委员会）`)
    expect(n).toContain(`办公电话：${FIXTURE_TOWNSHIP_PHONE}`)
  })

  it('the no-JS search finds a village page by its name, first', () => {
    const { villageCode } = threeStage()
    const village = s.regions.find((r) => r.code === villageCode)!
    const index = JSON.parse(read('search-index.json')) as SearchEntry[]
    expect(searchEntries(index, village.name)[0]?.u).toBe(`/regions/${villageCode}/`)
    expect(index.some((e) => e.u === '/regions/')).toBe(true)
  })

  it('region pages show no names (they are indexable) and village list pages keep noindex', () => {
    const noindex = (html: string) => /<meta name="robots" content="noindex, noarchive"/.test(html)
    const { villageCode } = threeStage()
    const html = page(`/regions/${villageCode}/`)
    expect(noindex(html)).toBe(false)
    for (const n of s.notices) for (const e of n.entries) expect(html).not.toContain(`>${e.name}<`)
  })
})

describe('政策解读 and government-site furniture (issue 15)', () => {
  it('publishes an interpretation linked both ways with its policy; one of a policy that is not public is left out', () => {
    expect(s.interpretations.map((i) => i.id)).toEqual(['jd-2026-3'])
    const i = text(page('/interpretations/jd-2026-3/'))
    expect(i).toContain('《清河县城乡最低生活保障实施办法》政策解读')
    expect(page('/interpretations/jd-2026-3/')).toContain('href="/policies/qhmf-2026-3/"')
    expect(i).toMatch(/解读机构\s*清河县民政局/)
    expect(page('/policies/qhmf-2026-3/')).toContain('href="/interpretations/jd-2026-3/"')
    expect(text(page('/policies/qhmf-2026-3/'))).toMatch(/政策解读\s*《清河县城乡最低生活保障实施办法》政策解读/)
    expect(page('/policies/qhmf-2025-40/')).not.toContain('/interpretations/')
    expect(exists('interpretations/jd-draft-policy/index.html')).toBe(false)
  })

  it('the footer carries 网站标识码, ICP, 公安备案, 党政机关标识, 依申请公开 and the portal', () => {
    const html = page('/')
    const t = text(html)
    expect(t).toContain('网站标识码：9901020001')
    expect(html).toContain('href="https://beian.miit.gov.cn/">清ICP备12345678号-1</a>')
    expect(html).toContain('code=99010202000001">清公网安备 99010202000001号</a>')
    expect(html).toContain(`href="${s.site.emblemUrl}">党政机关网站标识</a>`)
    expect(html).toContain('href="https://www.qinghe.example.gov.cn/ysqgk/">依申请公开</a>')
    expect(html).toContain('href="https://www.qinghe.example.gov.cn/">清河县人民政府</a>')
  })

  it('信息更新日期 is the item’s own last change (China day), not the build date', () => {
    const info = (url: string) => /信息更新日期：(\d+年\d+月\d+日)/.exec(text(page(url)))?.[1]
    // updatedAt 2026-03-02T17:00Z is 3 March in China
    expect(info('/interpretations/jd-2026-3/')).toBe('2026年3月3日')
    const p = s.policies.find((x) => x.id === 'qhmf-2026-3')!
    expect(info('/policies/qhmf-2026-3/')).toBe(formatDate(p.updatedAt.slice(0, 10)))
    const l = s.lists.find((x) => x.month === '2026-10')!
    expect(l.updatedOn).toBeDefined()
    expect(info(`/lists/${l.id}/`)).toBe(formatDate(l.updatedOn!))
    expect(info(`/lists/${l.id}/`)).not.toBe(formatDate(s.asOf))
    expect(info('/guides/dibao-rural/')).toBe('2026年3月1日')
  })
})
