import { type CollectionBeforeChangeHook } from 'payload'
import { today as clockToday } from '../../../domain/clock'
import { dayOfStored } from '../../../domain/dates'
import { placedStageSequenceProblems } from '../../../domain/publicitySequence'
import { relationId } from '../../../util/relation'
import { stagesFor } from './computePublicityPeriod'
import { refusal } from '../../../hooks/refuse'

/**
 * The stages of one matter follow each other (cms/domain/publicitySequence.ts): checked on every save
 * by a person, with the publish rules when the save publishes. Runs after computePublicityPeriod, so
 * the dates are the computed ones. The demo seed and other system writes (context.system) are trusted.
 */
export const keepStagesInSequence: CollectionBeforeChangeHook = async ({ data, originalDoc, req, context }) => {
  if (context?.system) return data
  const previousId = relationId(data.previousNotice ?? originalDoc?.previousNotice)
  if (!previousId) return data
  const programme = relationId(data.programme ?? originalDoc?.programme)
  const postedOn = dayOfStored(data.postedOn ?? originalDoc?.postedOn)
  const stage = String(data.stage ?? originalDoc?.stage ?? '')
  if (!programme || !postedOn || !stage) return data
  const id = originalDoc?.id ? String(originalDoc.id) : null
  if (id && id === previousId) {
    throw refusal('“上一阶段公示”不能选本公示自己。请选择同一批对象的上一榜公示，或清空该项（第一榜不填）。', { field: 'previousNotice', collection: 'notices', req })
  }
  // The previous stage as it is public (its main document), whoever may read it.
  const previous = (await req.payload.db.findOne({ collection: 'notices', where: { id: { equals: previousId } }, req })) as Record<string, unknown> | null
  if (!previous) throw refusal('找不到所选的上一阶段公示（可能已被删除）。请重新选择，或清空该项。', { field: 'previousNotice', collection: 'notices', req })
  const { stages } = await stagesFor(req, programme, relationId(data.region ?? originalDoc?.region))
  const problems = placedStageSequenceProblems(
    { id, stage, programme, postedOn },
    {
      id: previousId,
      stage: String(previous.stage ?? ''),
      programme: relationId(previous.programme) ?? '',
      postedOn: dayOfStored(previous.postedOn) ?? postedOn,
      endsOn: dayOfStored(previous.endsOn),
      published: previous._status === 'published',
    },
    stages,
    { publishing: data._status === 'published', today: clockToday() },
  )
  // On the field of the first problem that has one (the admin marks it); all the sentences in the text.
  const field = problems.find((p) => p.field)?.field
  if (problems.length) throw refusal(problems.map((p) => p.message).join(''), field ? { field, collection: 'notices', req } : {})
  return data
}
