// What is public, and when (domain.md §3–§4), decided in one place: the visibility window and
// retention of 公示 and 名单, withdrawal notes, list series, the coarse public category, small
// counts, figures that add up, the monthly-disclosure state, and which bureau contacts are official.
// Pure functions: dates come in as arguments, the export, the CMS and the site all call these.
import { countWorkingDays, type WorkCalendar } from './calendar'
import { addDays, addMonths, daysBetween, monthOf } from './dates'
import { coarseReason } from './masking'
import { normaliseForScan } from './normalise'
import { findPii } from './pii'
import { monthlyDisclosureDue } from './publicity'

// ---------------------------------------------------------------------------------------------
// The rules an admin sets (站点设置 › 公开与保留); the site states these same figures.

export type DisclosureRules = {
  /** A village-level statistic below this many households is not shown on its own. */
  smallCountThreshold: number
  /** Days an ended 公示 stays online, and days a withdrawal note stays listed. */
  noticeRetentionDays: number
  /** How many months of 名单 stay online (the current month counts as one). */
  listRetentionMonths: number
}

export const DEFAULT_DISCLOSURE_RULES: Readonly<DisclosureRules> = Object.freeze({ smallCountThreshold: 3, noticeRetentionDays: 30, listRetentionMonths: 12 })

const positiveInt = (v: unknown, fallback: number, min: number) => (typeof v === 'number' && Number.isInteger(v) && v >= min ? v : fallback)

/** The rules from the site settings, with the defaults for anything unset or out of range. */
export function disclosureRules(settings: { smallCountThreshold?: number | null; noticeRetentionDays?: number | null; listRetentionMonths?: number | null } = {}): DisclosureRules {
  const d = DEFAULT_DISCLOSURE_RULES
  return {
    smallCountThreshold: positiveInt(settings.smallCountThreshold, d.smallCountThreshold, 1),
    noticeRetentionDays: positiveInt(settings.noticeRetentionDays, d.noticeRetentionDays, 0),
    listRetentionMonths: positiveInt(settings.listRetentionMonths, d.listRetentionMonths, 1),
  }
}

// ---------------------------------------------------------------------------------------------
// Visibility window and retention

/**
 * Where a published 公示 or 名单 stands on `asOf`:
 * - `shown`: on the site;
 * - `withdrawn` (since `on`): off the site; its page answers 410 with the public note, and the
 *   note is listed under 已撤回的信息 while `noteListed` (withdrawal day + noticeRetentionDays);
 * - `expired` (since `on`, the first day it is no longer shown): off the site after its period
 *   plus retention; its page answers 410 saying so;
 * - `hidden`: never was public (incomplete import, missing dates or codes); no trace online.
 */
export type Visibility =
  | { state: 'shown' }
  | { state: 'withdrawn'; on: string; noteListed: boolean }
  | { state: 'expired'; on: string }
  | { state: 'hidden' }

function withdrawal(withdrawnOn: string | null | undefined, asOf: string, rules: DisclosureRules): Visibility | null {
  if (!withdrawnOn || withdrawnOn > asOf) return null
  return { state: 'withdrawn', on: withdrawnOn, noteListed: addDays(withdrawnOn, rules.noticeRetentionDays) >= asOf }
}

/** 公示: shown from publication through its end day plus `noticeRetentionDays` (domain.md §4 Retention). */
export function noticeVisibility(n: { postedOn: string | null; endsOn: string | null; withdrawnOn?: string | null }, asOf: string, rules: DisclosureRules): Visibility {
  const w = withdrawal(n.withdrawnOn, asOf, rules)
  if (w) return w
  if (!n.postedOn || !n.endsOn) return { state: 'hidden' }
  const lastShown = addDays(n.endsOn, rules.noticeRetentionDays)
  return lastShown >= asOf ? { state: 'shown' } : { state: 'expired', on: addDays(lastShown, 1) }
}

/** The oldest month whose 名单 is still online on `asOf`. */
export function oldestListMonth(asOf: string, rules: DisclosureRules): string {
  return addMonths(monthOf(asOf), -(rules.listRetentionMonths - 1))
}

/**
 * 名单 of `month`: shown for `listRetentionMonths` months counting the current one, when the import
 * is complete. Retention works on whole lists, never on households inside an earlier list: "a
 * household leaves the public lists when it leaves the programme" (domain.md §4) concerns the
 * lists published from then on (it is simply not in them); a list of an earlier month is the record
 * of what was paid that month and stays whole until the list itself leaves the site. So every
 * figure of a list is the sum of the rows it shows.
 */
export function listVisibility(l: { month: string; withdrawnOn?: string | null; complete: boolean }, asOf: string, rules: DisclosureRules): Visibility {
  const w = withdrawal(l.withdrawnOn, asOf, rules)
  if (w) return w
  if (!l.complete) return { state: 'hidden' }
  return l.month >= oldestListMonth(asOf, rules) ? { state: 'shown' } : { state: 'expired', on: `${addMonths(l.month, rules.listRetentionMonths)}-01` }
}

/**
 * A page that left the site answers 410 Gone with its short note for this many days after it left
 * (search engines recrawl well within that); after that it is simply not found.
 */
export const GONE_ANSWERED_DAYS = 365

export function answersGone(v: Visibility, asOf: string): v is Extract<Visibility, { state: 'withdrawn' | 'expired' }> {
  return (v.state === 'withdrawn' || v.state === 'expired') && addDays(v.on, GONE_ANSWERED_DAYS) >= asOf
}

/** The short public note a withdrawal leaves (the audit log keeps who and when). */
export function withdrawalNote<K extends string>(kind: K, title: string, withdrawnOn: string, reason: string | null | undefined) {
  return { kind, title, withdrawnOn, reason: reason?.trim() || '已撤回' }
}

// ---------------------------------------------------------------------------------------------
// Series, categories, small counts

/** Lists of one kind, programme and region form a monthly series. */
export const seriesKey = (l: { kind: string; programme: string; region: string }) => `${l.kind}|${l.programme}|${l.region}`

/**
 * The category a resident may read: for programmes published after the fact (急难型临时救助,
 * `publicityRequired` false) only the coarse category (因病, 因灾, 意外事故, 教育支出, 其他); for the
 * others the category or tier as entered (类别/档次).
 */
export function publicCategory(raw: string | null | undefined, programme: { publicityRequired?: boolean | null }): string | null {
  const v = typeof raw === 'string' ? raw.trim() : ''
  if (!v) return null
  return programme.publicityRequired === false ? coarseReason(v) : v
}

/**
 * A count shown on its own for a small area: below `threshold` (default 3) it could single out a
 * household, so null (the page says "少于3户"). Zero singles out nobody and is shown.
 */
export function suppressSmallCount(n: number, threshold = DEFAULT_DISCLOSURE_RULES.smallCountThreshold): number | null {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`统计数应为非负整数，收到“${n}”。`)
  if (n === 0) return 0
  return n < threshold ? null : n
}

// ---------------------------------------------------------------------------------------------
// Figures that add up

export type Figures = { households: number; persons: number; amount: number }

/** Households, persons and amount of the rows given, summed in fen so that 0.1 + 0.2 is 0.3. */
export function figuresOf(rows: Iterable<{ householdSize: number; amount: number }>): Figures {
  let households = 0
  let persons = 0
  let cents = 0
  for (const r of rows) {
    households++
    persons += r.householdSize
    cents += Math.round(r.amount * 100)
  }
  return { households, persons, amount: cents / 100 }
}

export type VillageFigures = { villageCode: string; households: number | null; persons: number | null; amount: number | null }

/**
 * Per-village figures of a list, from exactly the rows it publishes; a village below the
 * threshold shows null for all three. `suppressed` says how many villages that is, so the page
 * can say in words why its village lines do not add up to the total.
 */
export function villageFigures(rows: Iterable<{ villageCode: string; householdSize: number; amount: number }>, threshold: number): { byVillage: VillageFigures[]; suppressed: number } {
  const groups = new Map<string, Array<{ householdSize: number; amount: number }>>()
  for (const r of rows) {
    const g = groups.get(r.villageCode)
    if (g) g.push(r)
    else groups.set(r.villageCode, [r])
  }
  let suppressed = 0
  const byVillage = [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([villageCode, rs]) => {
      const f = figuresOf(rs)
      const shown = suppressSmallCount(f.households, threshold)
      if (shown === null) suppressed++
      return shown === null ? { villageCode, households: null, persons: null, amount: null } : { villageCode, ...f }
    })
  return { byVillage, suppressed }
}

export type MonthlyStat = Figures & { month: string; programmeCode: string; regionCode: string }

/**
 * One figure per month, programme and region from the lists on the site: the disbursement list
 * (资金发放) where there is one, otherwise the approved list (救助对象名单) of the same month and place.
 */
export function monthlyStatistics(lists: Iterable<{ kind: 'approved' | 'disbursement'; month: string; programmeCode: string; regionCode: string; totals: Figures }>): MonthlyStat[] {
  const stats = new Map<string, MonthlyStat & { kind: string }>()
  for (const l of lists) {
    const key = `${l.month}|${l.programmeCode}|${l.regionCode}`
    const had = stats.get(key)
    if (had && had.kind === 'disbursement') continue
    stats.set(key, { kind: l.kind, month: l.month, programmeCode: l.programmeCode, regionCode: l.regionCode, ...l.totals })
  }
  return [...stats.values()]
    .map(({ kind: _kind, ...s }) => s)
    .sort((a, b) => a.month.localeCompare(b.month) || a.programmeCode.localeCompare(b.programmeCode) || a.regionCode.localeCompare(b.regionCode))
}

/** A figure for a whole programme (or the county) in one month: 未公布 when no place published. */
export type AreaFigure = { published: false } | (Figures & { published: true; places: number; missing: string[] })

/**
 * Sums the places that published for `month`; `missing` names the places that publish this
 * programme in other months but not in this one, so the page can say how many are not counted.
 * A month where none published is 未公布 — never zero.
 */
export function areaFigure(stats: readonly MonthlyStat[], month: string, filter: { programmeCode?: string; regionCodes?: ReadonlySet<string> } = {}): AreaFigure {
  const relevant = stats.filter((s) => (!filter.programmeCode || s.programmeCode === filter.programmeCode) && (!filter.regionCodes || filter.regionCodes.has(s.regionCode)))
  const place = (s: MonthlyStat) => `${s.programmeCode}|${s.regionCode}`
  const inMonth = relevant.filter((s) => s.month === month)
  if (inMonth.length === 0) return { published: false }
  const have = new Set(inMonth.map(place))
  const missing = [...new Set(relevant.map(place))].filter((p) => !have.has(p)).sort()
  let households = 0
  let persons = 0
  let cents = 0
  for (const s of inMonth) {
    households += s.households
    persons += s.persons
    cents += Math.round(s.amount * 100)
  }
  return { published: true, households, persons, amount: cents / 100, places: have.size, missing }
}

// ---------------------------------------------------------------------------------------------
// 每月5日前公开上月情况

export type MonthlyDisclosureState = '已完成' | '即将到期' | '未到期' | '已逾期'

/**
 * The state of the monthly notice for `month` in one place on `today`: done (and how many days
 * late), overdue, or still due — "due soon" is two working days or less before the 5th, so a
 * Friday reminder covers a 5th that falls on Monday (three calendar days without a calendar; a year
 * not entered counts on its provisional calendar, domain.md §7).
 */
export function monthlyDisclosureState(cal: WorkCalendar | null, month: string, publishedOn: string | null, today: string): { dueOn: string; state: MonthlyDisclosureState; lateDays: number } {
  const dueOn = monthlyDisclosureDue(month)
  if (publishedOn) return { dueOn, state: '已完成', lateDays: Math.max(0, daysBetween(dueOn, publishedOn)) }
  if (today > dueOn) return { dueOn, state: '已逾期', lateDays: daysBetween(dueOn, today) }
  const soon = cal ? countWorkingDays(cal, today, dueOn) <= 2 : daysBetween(today, dueOn) <= 3
  return { dueOn, state: soon ? '即将到期' : '未到期', lateDays: 0 }
}

/**
 * The public punctuality record: for each place that publishes monthly disbursement lists, the
 * last `months` months before `asOf`'s month, with when (and whether) each was published.
 */
export function monthlyDisclosures(
  lists: Iterable<{ kind: 'approved' | 'disbursement'; month: string; programmeCode: string; regionCode: string; publishedOn: string }>,
  asOf: string,
  cal: WorkCalendar | null,
  months = 3,
) {
  const disbursements = [...lists].filter((l) => l.kind === 'disbursement')
  const places = [...new Set(disbursements.map((l) => `${l.programmeCode}|${l.regionCode}`))]
  const out: Array<{ month: string; programmeCode: string; regionCode: string; dueOn: string; publishedOn: string | null; state: MonthlyDisclosureState; lateDays: number }> = []
  for (const place of places) {
    const [programmeCode, regionCode] = place.split('|')
    for (let back = 1; back <= months; back++) {
      const month = addMonths(monthOf(asOf), -back)
      const list = disbursements.find((l) => l.programmeCode === programmeCode && l.regionCode === regionCode && l.month === month)
      const publishedOn = list?.publishedOn ?? null
      out.push({ month, programmeCode, regionCode, publishedOn, ...monthlyDisclosureState(cal, month, publishedOn, asOf) })
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Official contacts: public on purpose, so the PII gates do not count them as findings. Only
// structured bureau fields that validate — phone fields that parse as phone numbers, office
// addresses — never free text (a free-text field would whitelist whatever it contains).

const SERVICE_NUMBER = /^(?:1\d{4}|9\d{4}|[48]00-?\d{3}-?\d{4})$/
const LANDLINE_SHAPE = /^(?:\(0\d{2,3}\)|0\d{2,3})-?\d{7,8}$/
const MOBILE_SHAPE = /^(?:\+?86-?)?1[3-9]\d-?\d{4}-?\d{4}$/
const PHONE_SEPARATORS = /[、，,；;/|]|或|及|和/

/**
 * The phone numbers of a structured phone field (咨询电话, 监督电话): each part a landline, a
 * mobile or a short service number (12345, 12349, 400-…), optionally with an extension; null when
 * any part is something else (a name, an address, a remark), so the field is not official.
 */
export function parsePhoneNumbers(field: string | null | undefined): string[] | null {
  if (typeof field !== 'string' || !field.trim()) return null
  const out: string[] = []
  for (const raw of normaliseForScan(field).split(PHONE_SEPARATORS)) {
    const part = raw.trim()
    if (!part) continue
    if (!/^[\d\s()+-]+(?:\s*(?:转|分机|ext\.?)\s*\d{1,6})?$/i.test(part)) return null
    const core = part.replace(/\s*(?:转|分机|ext\.?)\s*\d{1,6}$/i, '')
    const compact = core.replace(/\s/g, '')
    if (!(SERVICE_NUMBER.test(compact) || LANDLINE_SHAPE.test(compact) || MOBILE_SHAPE.test(compact))) return null
    out.push(compact.replace(/\D/g, ''))
  }
  return out.length ? out : null
}

const OFFICE = /民政局|民政办|民政所|人民政府|政府|办事处|便民服务|政务服务|服务中心|服务站|服务大厅|办事大厅|窗口|村委会|居委会|村民委员会|居民委员会|社会救助股|信访|民政|局/
const COMMITTEE = /村民委员会|居民委员会/g
const RESIDENT = /村民|居民|户主|申请人|家中|住户|本人|家属|之家|[家宅]$/

/**
 * An office's address (办公地址, 投诉举报受理地址, 办理地点): names an office, reads as a place
 * and carries nothing else a detector would find (no phone, no ID, no second address).
 */
export function isOfficeAddress(field: string | null | undefined): boolean {
  if (typeof field !== 'string' || !field.trim()) return false
  const s = normaliseForScan(field).trim()
  // "村民委员会" names an office, not a villager: resident words are looked for outside committee names.
  if (!OFFICE.test(s) || RESIDENT.test(s.replace(COMMITTEE, ''))) return false
  const found = findPii(s, { today: '2000-01-01' })
  return found.length <= 1 && found.every((f) => f.kind === 'address')
}

type ContactFields = { consultPhone?: string | null; supervisePhone?: string | null; address?: string | null; complaintAddress?: string | null; place?: string | null }

/**
 * The official contacts of a release: the site settings' and the guides' phone fields that parse
 * as phone numbers and their office addresses. Nothing from a 公示 (its 异议受理方式 is free text).
 */
export function officialContacts(sources: Iterable<ContactFields>): string[] {
  const out = new Set<string>()
  for (const s of sources) {
    for (const phone of [s.consultPhone, s.supervisePhone]) if (parsePhoneNumbers(phone)) out.add(phone!.trim())
    for (const address of [s.address, s.complaintAddress, s.place]) if (isOfficeAddress(address)) out.add(address!.trim())
  }
  return [...out]
}
