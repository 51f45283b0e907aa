// 三榜公示 as one matter: the stages of one batch follow each other in the order the programme (or
// region) configures, each posted after the previous one ended; and the end date explained in words
// a clerk can check ("12月12日为周六，顺延至12月14日（周一）").
import { dayInfo, isRestDay, type WorkCalendar } from './calendar'
import { addDays, toDayNumber, weekday, yearOf } from './dates'
import { publicityPeriod, type StageConfig } from './publicity'

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** 2026年12月14日（周一）: the one long date format of the admin (year, month, day, weekday). */
export function longDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return `${y}年${m}月${d}日（${WEEKDAYS[weekday(date)]}）`
}

/** 12月14日（周一）, with the year only when it differs from `sameYearAs`. */
function shortDate(date: string, sameYearAs?: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return `${sameYearAs && yearOf(sameYearAs) === y ? '' : `${y}年`}${m}月${d}日（${WEEKDAYS[weekday(date)]}）`
}

export type ExplainedPeriod = { endsOn: string; provisional: boolean; text: string }

/**
 * The end of a stage posted on `postedOn` with the sentence that justifies it: the count, and for a
 * calendar-day period whose last day is a rest day the day it is moved to and why.
 */
export function explainPublicityEnd(cal: WorkCalendar, postedOn: string, stage: Pick<StageConfig, 'days' | 'unit'>): ExplainedPeriod {
  const p = publicityPeriod(cal, postedOn, stage)
  const ends = longDate(p.endsOn)
  let text: string
  if (stage.unit === 'working') text = `自${shortDate(postedOn)}张贴次日起算 ${stage.days} 个工作日，截止${ends}。`
  else {
    const last = addDays(postedOn, stage.days)
    if (last !== p.endsOn && isRestDay(cal, last)) {
      const info = dayInfo(cal, last)
      const why = info.kind === 'off' ? `${info.name}假期` : WEEKDAYS[weekday(last)]
      text = `自${shortDate(postedOn)}张贴次日起算 ${stage.days} 天，第 ${stage.days} 天${shortDate(last, postedOn).replace(/（.*）$/, '')}为${why}，顺延至${shortDate(p.endsOn, postedOn)}，截止${ends}。`
    } else text = `自${shortDate(postedOn)}张贴次日起算 ${stage.days} 天，截止${ends}。`
  }
  if (p.provisional) text += `（${p.provisionalYears.join('、')}年节假日安排尚未公布，截止日期暂定，公布后自动复核。）`
  return { endsOn: p.endsOn, provisional: p.provisional, text }
}

// ---------------------------------------------------------------------------------------------

export type SequenceNotice = { id?: string | null; stage: string; programme: string; postedOn: string; endsOn?: string | null; published?: boolean }

/**
 * What is wrong with `notice` following `previous` (null: it names no previous stage), under the
 * configured `stages`. Each problem is a sentence that says what to do. `publishing` adds the rules
 * for going public on `today`: the previous stage published and ended.
 */
export function stageSequenceProblems(
  notice: SequenceNotice,
  previous: SequenceNotice | null,
  stages: readonly Pick<StageConfig, 'key' | 'label'>[],
  opts: { publishing?: boolean; today?: string } = {},
): string[] {
  return placedStageSequenceProblems(notice, previous, stages, opts).map((p) => p.message)
}

/** The field of a notice a sequence problem concerns (shown on it in the admin); null: the publish itself. */
export type SequenceProblemField = 'previousNotice' | 'postedOn' | null
export type SequenceProblem = { field: SequenceProblemField; message: string }

/** `stageSequenceProblems`, each with the field it concerns. */
export function placedStageSequenceProblems(
  notice: SequenceNotice,
  previous: SequenceNotice | null,
  stages: readonly Pick<StageConfig, 'key' | 'label'>[],
  opts: { publishing?: boolean; today?: string } = {},
): SequenceProblem[] {
  const problems: SequenceProblem[] = []
  const on = (field: SequenceProblemField, message: string) => problems.push({ field, message })
  const index = stages.findIndex((s) => s.key === notice.stage)
  if (!previous) return problems
  if (notice.id && previous.id && String(notice.id) === String(previous.id)) {
    return [{ field: 'previousNotice', message: '“上一阶段公示”不能选本公示自己。请选择同一批对象的上一榜公示，或清空该项（第一榜不填）。' }]
  }
  if (previous.programme !== notice.programme) on('previousNotice', '上一阶段公示属于另一个救助类别。请选择同一救助类别、同一批对象的上一榜公示。')
  const prevIndex = stages.findIndex((s) => s.key === previous.stage)
  if (index === 0) on('previousNotice', `本公示是第一榜（${stages[0].label}），不应有“上一阶段公示”。请清空该项，或把公示阶段改为后面的阶段。`)
  else if (index > 0 && prevIndex !== index - 1) {
    const expected = stages[index - 1]
    const got = prevIndex >= 0 ? stages[prevIndex].label : '不在本类别公示设置中的阶段'
    on('previousNotice', `公示阶段顺序不对：${stages[index].label}的上一榜应为“${expected.label}”，所选上一阶段公示是“${got}”。`)
  }
  if (previous.endsOn && toDayNumber(notice.postedOn) <= toDayNumber(previous.endsOn)) {
    on('postedOn', `本公示的张贴日期 ${longDate(notice.postedOn)} 不在上一阶段公示结束之后：上一阶段公示期到 ${longDate(previous.endsOn)} 截止。请把张贴日期改为 ${longDate(addDays(previous.endsOn, 1))} 或以后。`)
  }
  if (opts.publishing) {
    if (!previous.published) on(null, '上一阶段公示尚未发布，不能发布本阶段公示。请先发布上一阶段公示。')
    else if (previous.endsOn && opts.today && toDayNumber(opts.today) <= toDayNumber(previous.endsOn)) {
      on(null, `上一阶段公示到 ${longDate(previous.endsOn)} 才截止，公示期内不能发布下一阶段公示。请在 ${longDate(addDays(previous.endsOn, 1))} 或以后发布。`)
    }
  }
  return problems
}

/** The next stage after `previous`'s, or null when it is the last configured stage. */
export function nextStageOf<S extends Pick<StageConfig, 'key'>>(stages: readonly S[], stageKey: string): S | null {
  const i = stages.findIndex((s) => s.key === stageKey)
  return i >= 0 && i + 1 < stages.length ? stages[i + 1] : null
}

const LEVEL_WORD: Record<string, string> = { village: '村级', township: '乡镇级', county: '县级' }

/**
 * The title of the next stage, so the stages of one matter are not three notices with one title:
 * "（村级）" becomes "（乡镇级）", a stage label in the title is replaced, otherwise the label is added.
 */
export function nextStageTitle(title: string, from: Pick<StageConfig, 'key' | 'label'>, to: Pick<StageConfig, 'key' | 'label'>): string {
  const a = LEVEL_WORD[from.key]
  const b = LEVEL_WORD[to.key]
  if (a && b && title.includes(`（${a}）`)) return title.replace(`（${a}）`, `（${b}）`)
  if (title.includes(from.label)) return title.replace(from.label, to.label)
  return `${title}（${to.label}）`
}
