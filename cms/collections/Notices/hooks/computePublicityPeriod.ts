import { APIError, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'
import { loadWorkCalendar } from '../../../calendar/workCalendar'
import { CalendarYearNotPublishedError } from '../../../domain/calendar'
import { chinaDate, storedDay } from '../../../domain/dates'
import { publicityPeriodEnd, type StageConfig } from '../../../domain/publicity'
import { relationId } from '../../../util/relation'



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

/**
 * The end of a 公示 is computed, never typed: from the stage configuration for the programme and
 * region and the holiday calendar. A date in a year whose holidays are not entered is refused.
 */
export const computePublicityPeriod: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const programmeId = relationId(data.programme ?? originalDoc?.programme)
  const regionId = relationId(data.region ?? originalDoc?.region)
  const stageKey = data.stage ?? originalDoc?.stage
  const posted = data.postedOn ?? originalDoc?.postedOn
  if (!programmeId || !stageKey || !posted) return data
  const { stages } = await stagesFor(req, programmeId, regionId)
  const index = stages.findIndex((s) => s.key === stageKey)
  if (index < 0) {
    const allowed = stages.map((s) => s.label).join('、') || '（该类别未设置公示阶段）'
    throw new APIError(`所选公示阶段不在该救助类别（或该地区）的公示设置中。可选阶段：${allowed}。`, 400, undefined, true)
  }
  const stage = stages[index]
  const postedOn = chinaDate(posted)
  let endsOn: string
  try {
    endsOn = publicityPeriodEnd(await loadWorkCalendar(req.payload, req), postedOn, stage)
  } catch (err) {
    if (err instanceof CalendarYearNotPublishedError) throw new APIError(err.message, 400, undefined, true)
    throw err
  }
  return {
    ...data,
    postedOn: storedDay(postedOn),
    endsOn: storedDay(endsOn),
    stageLabel: stage.label,
    stageIndex: index + 1,
    stageCount: stages.length,
    periodRule: describeRule(stage),
  }
}
