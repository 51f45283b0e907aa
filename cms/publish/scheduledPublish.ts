import type { PayloadRequest, SanitizedConfig, TaskConfig } from 'payload'
import { hasRole } from '../access/roles'
import { writeAudit } from '../hooks/audit'
import { refuseUnreviewed } from '../hooks/twoPersonRule'
import { chinaDate } from '../domain/dates'

/**
 * 定时发布 under the two-person rule. Scheduling is itself the reviewer's act: a reviewer (or admin)
 * who did not make the last edit schedules, the schedule pins the exact version they looked at, and
 * at the set time that version is published as them — or nothing is, if the draft changed since
 * (an edit also cancels the schedule at once, see hooks/twoPersonRule.ts). Scheduling is audited.
 */
type Input = {
  type?: 'publish' | 'unpublish'
  doc?: { relationTo: string; value: string }
  user?: { relationTo: string; value: string | number }
  reviewedVersion?: string
  locale?: string
  timezone?: string
}

async function latestVersionId(req: PayloadRequest, slug: string, id: string): Promise<string | null> {
  const { docs } = await req.payload.db.findVersions({ collection: slug as never, where: { parent: { equals: id } }, sort: '-updatedAt', limit: 1, req })
  return docs[0] ? String(docs[0].id) : null
}

/** Replaces Payload's schedulePublish task handler: publish the reviewed version, as the reviewer, or nothing. */
export function pinReviewedScheduledPublish(config: SanitizedConfig) {
  const task = config.jobs?.tasks?.find((t) => t.slug === 'schedulePublish') as TaskConfig<'schedulePublish'> | undefined
  if (!task) return
  task.handler = async ({ input, req }) => {
    const i = input as unknown as Input
    if (!i.doc || !i.user) return { output: {} }
    const slug = i.doc.relationTo
    const id = String(i.doc.value)
    const user = { ...(await req.payload.findByID({ collection: 'users', id: i.user.value, depth: 0, overrideAccess: true })), collection: 'users' }
    if (i.type !== 'unpublish') {
      const latest = await latestVersionId(req, slug, id)
      if (!i.reviewedVersion || latest !== i.reviewedVersion) {
        await writeAudit(req, { action: 'scheduleCancel', collection: slug, id, actor: user, summary: '定时发布未执行：审核后内容又有修改（或没有记录审核的版本），需重新审核后安排。' })
        return { output: {} }
      }
    }
    await req.payload.update({
      collection: slug as 'policies',
      id,
      data: { _status: i.type === 'unpublish' ? 'draft' : 'published' } as never,
      depth: 0,
      user: user as never,
      overrideAccess: false,
      context: { scheduledPublish: true },
    })
    return { output: {} }
  }
}

type ScheduleArgs = {
  type?: 'publish' | 'unpublish'
  date?: Date | string
  deleteID?: string | number
  doc?: { relationTo: string; value: string }
  global?: string
  localeToPublish?: string
  timezone?: string
  req: PayloadRequest
}

/**
 * The admin's "定时发布" server function: checks the two-person rule and answers a refusal in
 * Chinese (the admin's publish button shows it), pins the reviewed version, audits the schedule.
 */
export async function reviewedSchedulePublish(args: ScheduleArgs): Promise<{ error?: string; message?: string }> {
  const { req, type = 'publish', date, deleteID, doc, timezone } = args
  const user = req.user
  if (!user || !hasRole(user, 'admin', 'editor', 'reviewer')) return { error: '您没有安排定时发布的权限。' }
  try {
    if (deleteID) {
      const job = await req.payload.findByID({ collection: 'payload-jobs', id: deleteID, overrideAccess: true, depth: 0 }).catch(() => null)
      const input = (job?.input ?? {}) as Input
      if (!job || job.taskSlug !== 'schedulePublish' || !input.doc) return { error: '没有找到这个定时发布安排。' }
      // Whoever may edit the document may cancel its schedule (nothing goes public by cancelling).
      await req.payload.findByID({ collection: input.doc.relationTo as 'policies', id: input.doc.value, draft: true, depth: 0, overrideAccess: false, user, req })
      await req.payload.delete({ collection: 'payload-jobs', id: deleteID, overrideAccess: true })
      await writeAudit(req, { action: 'scheduleCancel', collection: input.doc.relationTo, id: input.doc.value, summary: '取消定时发布' })
      return { message: '已取消定时发布。' }
    }
    if (!doc) return { error: '定时发布只用于具体的内容。' }
    if (!date) return { error: '请选择发布时间。' }
    const current = await req.payload.findByID({ collection: doc.relationTo as 'policies', id: doc.value, draft: true, depth: 0, overrideAccess: false, user, req })
    refuseUnreviewed({ action: type === 'unpublish' ? 'unpublish' : 'schedule', user, lastEditor: (current as { lastEditedBy?: unknown }).lastEditedBy ?? null })
    const reviewedVersion = await latestVersionId(req, doc.relationTo, String(doc.value))
    await req.payload.jobs.queue({
      task: 'schedulePublish',
      input: { type, doc, timezone, user: { relationTo: 'users', value: user.id }, reviewedVersion } as never,
      waitUntil: new Date(date),
    })
    const when = chinaDate(new Date(date))
    await writeAudit(req, { action: 'schedule', collection: doc.relationTo, id: doc.value, summary: `${type === 'unpublish' ? '定时撤销发布' : '定时发布'}：${when}（审核的版本 ${reviewedVersion ?? '无'}）` })
    return { message: '已安排定时发布。' }
  } catch (e) {
    const err = e as { message?: string; isPublic?: boolean; status?: number }
    if (err.isPublic || err.status === 403 || err.status === 404) return { error: err.isPublic ? String(err.message) : '没有找到这条内容，或您无权操作（只能操作本地区的内容）。' }
    req.payload.logger.error({ err: e }, 'schedule publish failed')
    return { error: '安排定时发布失败，请稍后再试。' }
  }
}
