import { type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'
import { loadWorkCalendar } from '../../../calendar/workCalendar'
import type { WorkCalendar } from '../../../domain/calendar'
import { dayOfStored, storedDay } from '../../../domain/dates'
import { publicityPeriod, type StageConfig } from '../../../domain/publicity'
import { relationId } from '../../../util/relation'
import { refusal } from '../../../hooks/refuse'


export function describeRule(stage: StageConfig): string {
  return stage.unit === 'working'
    ? `${stage.days}个工作日（张贴当日不计）`
    : `${stage.days}天（张贴当日不计；最后一天为法定休假日的，顺延至节假日后的第一个工作日）`
}

/** The stages that apply to a region: the nearest override on the region's path, else the programme's. */
export async function stagesFor(req: PayloadRequest, programmeId: string, regionId: string | undefined): Promise<{ stages: StageConfig[]; programme: { name: string; publicityRequired?: boolean | null } }> {
  const programme = await req.payload.findByID({ collection: 'programmes', id: programmeId, depth: 0, overrideAccess: true, req })
  let stages = (programme.stages ?? []) as StageConfig[]
  if (regionId && programme.regionOverrides?.length) {
    const region = await req.payload.findByID({ collection: 'regions', id: regionId, depth: 0, overrideAccess: true, req })
    const overrides = programme.regionOverrides.map((o) => ({ regionId: relationId(o.region), stages: o.stages as StageConfig[] }))
    const { docs: overrideRegions } = await req.payload.find({
      collection: 'regions',
      where: { id: { in: overrides.map((o) => o.regionId) } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    // The deepest region whose path is a prefix of this region's path wins.
    const match = overrideRegions
      .filter((r) => region.path === r.path || region.path?.startsWith(`${r.path}/`))
      .sort((a, b) => (b.path?.length ?? 0) - (a.path?.length ?? 0))[0]
    const chosen = match && overrides.find((o) => o.regionId === String(match.id))
    if (chosen?.stages?.length) stages = chosen.stages
  }
  return { stages, programme }
}

export type NoticeDates = { programme?: unknown; region?: unknown; stage?: unknown; postedOn?: unknown }

export type ComputedPeriod = {
  postedOn: string
  endsOn: string
  endsOnProvisional: boolean
  stageLabel: string
  stageIndex: number
  stageCount: number
  periodRule: string
}

/**
 * The period of a notice from its programme/region stage configuration and the calendar; null when
 * the notice lacks what it needs (no programme, stage or posting day yet).
 */
export async function computeNoticePeriod(req: PayloadRequest, notice: NoticeDates, cal?: WorkCalendar): Promise<ComputedPeriod | null> {
  const programmeId = relationId(notice.programme)
  const regionId = relationId(notice.region)
  const stageKey = notice.stage
  const posted = dayOfStored(notice.postedOn)
  if (!programmeId || !stageKey || !posted) return null
  const { stages } = await stagesFor(req, programmeId, regionId)
  const index = stages.findIndex((s) => s.key === stageKey)
  if (index < 0) {
    const allowed = stages.map((s) => s.label).join('、') || '（该类别未设置公示阶段）'
    throw refusal(`所选公示阶段不在该救助类别（或该地区）的公示设置中。可选阶段：${allowed}。`, { field: 'stage', collection: 'notices', req })
  }
  const stage = stages[index]
  const period = publicityPeriod(cal ?? (await loadWorkCalendar(req.payload, req)), posted, stage)
  return {
    postedOn: posted,
    endsOn: period.endsOn,
    endsOnProvisional: period.provisional,
    stageLabel: stage.label,
    stageIndex: index + 1,
    stageCount: stages.length,
    periodRule: describeRule(stage),
  }
}

/**
 * The end of a 公示 is computed, never typed: from the stage configuration for the programme and
 * region and the holiday calendar. An end in a year whose holidays are not entered yet is computed
 * provisionally (暂定, domain.md §7) and recomputed when the year is entered; a save is never
 * refused for it. A later edit that moves the end clears the note of an earlier recomputation.
 */
export const computePublicityPeriod: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const p = await computeNoticePeriod(req, {
    programme: data.programme ?? originalDoc?.programme,
    region: data.region ?? originalDoc?.region,
    stage: data.stage ?? originalDoc?.stage,
    postedOn: data.postedOn ?? originalDoc?.postedOn,
  })
  if (!p) return data
  const moved = dayOfStored(originalDoc?.endsOn) !== p.endsOn
  return {
    ...data,
    postedOn: storedDay(p.postedOn),
    endsOn: storedDay(p.endsOn),
    endsOnProvisional: p.endsOnProvisional,
    ...(moved ? { endsOnRevisedFrom: null, endsOnRevisedAt: null } : {}),
    stageLabel: p.stageLabel,
    stageIndex: p.stageIndex,
    stageCount: p.stageCount,
    periodRule: p.periodRule,
  }
}
