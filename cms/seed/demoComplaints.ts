// Demo complaints, reports and objections at each stage of their handling, relative to today: just
// received, overdue for acknowledgement, accepted, waiting for materials (clock stopped), extended,
// answered and waiting for the resident's feedback, closed. Each step is written with the clock at
// the day it happened (withClock), so timelines and due dates are what the office would have seen.
// Synthetic people only (domain.md §9).
import type { Payload } from 'payload'
import { generateHouseholds } from '../../content/demo/generate'
import { seedComplaintCategories } from '../complaints/categories'
import { today, withClock } from '../domain/clock'
import { addDays } from '../domain/dates'

type Step = { after: number; data: Record<string, unknown> }
type Plan = { category: string; kind: 'objection' | 'report' | 'complaint' | 'other'; received: number; anonymous: boolean; content: string; steps: Step[]; objection?: boolean }

const at = (day: string, hour = 10) => `${day}T${String(hour).padStart(2, '0')}:00:00+08:00`

export async function seedDemoComplaints(payload: Payload, opts: { villageNoticeId: string; villageRegionId: string; officerEmail: string }): Promise<string[]> {
  const categories = await seedComplaintCategories(payload)
  const officer = (await payload.find({ collection: 'users', where: { email: { equals: opts.officerEmail } }, limit: 1, overrideAccess: true, depth: 0 })).docs[0]
  const people = generateHouseholds({ seed: 'reporters', count: 8, villages: ['990102000000'], programme: 'dibao-rural', month: '2026-01' }).map((h) => h.headName)
  const plans: Plan[] = [
    { category: 'fraud', kind: 'report', received: -1, anonymous: true, content: '反映某村有一户家中有两辆货车、在县城有商铺，仍在领取低保，请核实。', steps: [] },
    { category: 'payment', kind: 'complaint', received: -20, anonymous: false, content: '本月的低保金到现在还没有到账，往月都是10日前到账，请帮忙查一下。', steps: [] },
    {
      category: 'payment',
      kind: 'complaint',
      received: -6,
      anonymous: false,
      content: '临时救助申请交上去一个多月了，一直没有消息，想问问办到哪一步了。',
      steps: [{ after: 2, data: { status: 'accepted' } }],
    },
    {
      category: 'conduct',
      kind: 'report',
      received: -12,
      anonymous: false,
      content: '去镇里办低保，窗口工作人员让我跑了三次，每次说的材料都不一样。',
      steps: [
        { after: 2, data: { status: 'accepted' } },
        { after: 9, data: { clock: 'paused', pauseReason: '请补充您三次到窗口办理的大致日期，以及当时被要求提供的材料清单。' } },
      ],
    },
    {
      category: 'fraud',
      kind: 'report',
      received: -40,
      anonymous: true,
      content: '举报某社区有人利用亲属关系违规办理低保，家庭收入明显超过标准。',
      steps: [
        { after: 8, data: { status: 'accepted' } },
        { after: 35, data: { extended: true, extensionReason: '涉及多个部门的收入和财产信息核对，需要延期办理。' } },
      ],
    },
    {
      category: 'objection',
      kind: 'objection',
      received: -25,
      anonymous: false,
      objection: true,
      content: '对公示名单中第3户有异议：该户子女在外地工作，收入较高，建议重新核实赡养情况。',
      steps: [
        { after: 1, data: { status: 'accepted' } },
        { after: 20, data: { status: 'answered', publicReply: '经入户调查和民主评议复核，该户子女已另立户籍且收入证明齐全，按规定不计入家庭收入，维持原初审意见。感谢您的监督。' } },
      ],
    },
    {
      category: 'other',
      kind: 'other',
      received: -70,
      anonymous: false,
      content: '建议在村务公开栏旁边张贴监督电话，方便老年人反映问题。',
      steps: [
        { after: 3, data: { status: 'accepted' } },
        { after: 45, data: { status: 'answered', publicReply: '您的建议已采纳，各村公开栏已补充张贴县民政局监督电话。感谢您的建议。' } },
        { after: 48, data: { feedbackSatisfied: 'yes' } },
        { after: 50, data: { status: 'closed' } },
      ],
    },
  ]
  const t = today()
  const ids: string[] = []
  for (const [i, p] of plans.entries()) {
    const received = addDays(t, p.received)
    const doc = await withClock(at(received), () =>
      payload.create({
        collection: 'complaints',
        // depth 0: a staff user's create that populates the notice deadlocks in its read audit (see report).
        depth: 0,
        overrideAccess: true,
        // Real-name ones were taken by phone by the officer (首问负责); the others came in online.
        ...(p.anonymous ? {} : { user: { ...officer, collection: 'users' } as never }),
        context: { disableAutoPublish: true },
        data: {
          kind: p.kind,
          category: categories.get(p.category)!,
          source: p.anonymous ? 'online' : 'phone',
          anonymous: p.anonymous,
          reporterName: p.anonymous ? undefined : people[i],
          reporterPhone: p.anonymous ? undefined : `139 0000 ${String(1200 + i).padStart(4, '0')}`,
          content: p.content,
          ...(p.objection ? { notice: opts.villageNoticeId, noticeEntryNo: 3, region: opts.villageRegionId } : {}),
        } as never,
      }),
    )
    for (const step of p.steps) {
      await withClock(at(addDays(received, step.after), 15), () =>
        payload.update({ collection: 'complaints', id: doc.id, depth: 0, overrideAccess: true, user: { ...officer, collection: 'users' } as never, context: { disableAutoPublish: true }, data: step.data as never }),
      )
    }
    ids.push(String(doc.id))
  }
  return ids
}
