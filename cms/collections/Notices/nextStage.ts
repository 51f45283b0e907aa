// 发起下一阶段: the next stage of a 三榜公示 as a new draft, filled in from the previous stage (entries,
// programme, kind, batch, objection contact), the region one level up where the stage is a township
// or county stage and the editor works there, and the posting day the day after the previous ends.
import { type Endpoint, type PayloadRequest } from 'payload'
import { regionScope } from '../../access/regionScope'
import { loadWorkCalendar } from '../../calendar/workCalendar'
import { addDays, dayOfStored, isIsoDate, storedDay } from '../../domain/dates'
import { explainPublicityEnd, nextStageOf, nextStageTitle } from '../../domain/publicitySequence'
import type { StageConfig } from '../../domain/publicity'
import { relationId } from '../../util/relation'
import { stagesFor } from './hooks/computePublicityPeriod'
import { refusal } from '../../hooks/refuse'

/** The region of the next stage: the ancestor at the stage's level when the editor may work there. */
async function nextStageRegion(req: PayloadRequest, regionId: string, stageKey: string): Promise<string> {
  if (stageKey !== 'township' && stageKey !== 'county') return regionId
  let current = await req.payload.findByID({ collection: 'regions', id: regionId, depth: 0, overrideAccess: true, req }).catch(() => null)
  for (let hops = 0; current && current.level !== stageKey && hops < 3; hops++) {
    const parent = relationId(current.parent)
    current = parent ? await req.payload.findByID({ collection: 'regions', id: parent, depth: 0, overrideAccess: true, req }).catch(() => null) : null
  }
  if (!current || current.level !== stageKey) return regionId
  const scope = await regionScope(req)
  return scope === 'all' || scope.includes(String(current.id)) ? String(current.id) : regionId
}

export async function startNextStage(req: PayloadRequest, previousId: string): Promise<{ id: string; title: string }> {
  let prev
  try {
    prev = await req.payload.findByID({ collection: 'notices', id: previousId, depth: 0, draft: true, overrideAccess: false, req })
  } catch {
    throw refusal('找不到这份公示，或您没有查看它的权限。', { status: 404 })
  }
  const programme = relationId(prev.programme)!
  const { stages } = await stagesFor(req, programme, relationId(prev.region))
  const from = stages.find((s) => s.key === prev.stage)
  const next = nextStageOf(stages as StageConfig[], String(prev.stage))
  if (!from || !next) throw refusal(`“${prev.stageLabel ?? prev.stage}”已是该救助类别公示设置中的最后一个阶段，没有下一阶段。`)
  const existing = await req.payload.find({ collection: 'notices', where: { previousNotice: { equals: previousId } }, limit: 1, depth: 0, draft: true, overrideAccess: true, req })
  if (existing.docs[0]) throw refusal(`这份公示已经发起了下一阶段（“${existing.docs[0].title}”）。请在公示列表中打开它继续编辑。`, { status: 409 })
  const endsOn = dayOfStored(prev.endsOn)
  if (!endsOn) throw refusal('上一阶段公示还没有张贴日期和截止日期，请先填写张贴日期并保存。')
  const doc = await req.payload.create({
    collection: 'notices',
    draft: true,
    overrideAccess: false,
    req,
    context: { disableAutoPublish: true },
    data: {
      title: nextStageTitle(prev.title, from, next),
      programme,
      kind: prev.kind,
      stage: next.key as never,
      region: await nextStageRegion(req, relationId(prev.region)!, next.key),
      batch: prev.batch,
      previousNotice: previousId,
      postedOn: storedDay(addDays(endsOn, 1)),
      objectionContact: prev.objectionContact,
      entries: (prev.entries ?? []).map(({ id: _id, ...e }) => ({ ...e, village: relationId(e.village)! })),
      _status: 'draft',
    },
  })
  return { id: String(doc.id), title: doc.title }
}

/** POST /api/notices/:id/next-stage → { id, title, url } of the new draft. */
export const nextStageEndpoint: Endpoint = {
  path: '/:id/next-stage',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return Response.json({ error: '请先登录管理后台。' }, { status: 401 })
    try {
      const made = await startNextStage(req, String(req.routeParams?.id ?? ''))
      return Response.json({ ...made, url: `${req.payload.config.routes.admin}/collections/notices/${made.id}` }, { status: 201 })
    } catch (err) {
      const e = err as { status?: number; message?: string; isPublic?: boolean }
      if (e.isPublic || (e.status && e.status < 500)) return Response.json({ error: e.message ?? '未能发起下一阶段。' }, { status: e.status ?? 400 })
      throw err
    }
  },
}

/**
 * GET /api/notices/period-preview?programme=&region=&stage=&postedOn=YYYY-MM-DD → { endsOn, text,
 * provisional }: the end date as the posting day is picked, before saving, with its reason.
 */
export const periodPreviewEndpoint: Endpoint = {
  path: '/period-preview',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return Response.json({ error: '请先登录管理后台。' }, { status: 401 })
    const q = req.searchParams
    const postedOn = q.get('postedOn') ?? ''
    if (!isIsoDate(postedOn)) return Response.json({ error: '请选择张贴日期。' }, { status: 400 })
    const programme = q.get('programme')
    if (!programme) return Response.json({ error: '请先选择救助类别。' }, { status: 400 })
    try {
      const { stages } = await stagesFor(req, programme, q.get('region') || undefined)
      const stage = stages.find((s) => s.key === q.get('stage'))
      if (!stage) return Response.json({ error: `所选公示阶段不在该救助类别的公示设置中。可选阶段：${stages.map((s) => s.label).join('、') || '（未设置）'}。` }, { status: 400 })
      const explained = explainPublicityEnd(await loadWorkCalendar(req.payload, req), postedOn, stage)
      return Response.json({ ...explained, stageLabel: stage.label }, { headers: { 'cache-control': 'no-store' } })
    } catch (err) {
      const e = err as { status?: number; message?: string; isPublic?: boolean }
      if (e.isPublic) return Response.json({ error: e.message }, { status: e.status ?? 400 })
      return Response.json({ error: '无法计算截止日期（救助类别或地区不存在）。请检查所选项目后重试。' }, { status: 400 })
    }
  },
}
