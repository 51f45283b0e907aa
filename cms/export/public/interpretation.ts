// 政策解读 as the public reads it. The fields copied here are the allow-list of an interpretation;
// one is published only with a policy the public can see (三同步), and that policy's page links back.
import type { PolicyInterpretation } from '../../payload-types'
import type { PublicInterpretation } from '../../../site/lib/snapshotSchema'
import { changeNotesOf, dayOf, textOrNull, type FieldLabels, type ProjectionContext } from './context'

export type InterpretationDoc = Pick<PolicyInterpretation, 'id' | 'title' | 'policy' | 'issuer' | 'publishedOn' | 'summary' | 'body' | 'changeNotes' | 'updatedAt'>

export const INTERPRETATION_LABELS: FieldLabels<PublicInterpretation> = {
  id: '编号',
  title: '标题',
  policy: '所解读的政策',
  issuer: '解读机构',
  publishedOn: '发布日期',
  summary: '摘要',
  bodyHtml: '正文',
  changeNotes: '公开的修改说明',
  updatedAt: '更新时间',
}

/** Null when its policy is not public (not published, or not exported): nothing to link to. */
export function publicInterpretation(doc: InterpretationDoc, ctx: ProjectionContext): PublicInterpretation | null {
  const policy = ctx.policy(doc.policy)
  const publishedOn = dayOf(doc.publishedOn)
  if (!policy || !publishedOn) return null
  return {
    id: String(doc.id),
    title: doc.title,
    policy,
    issuer: doc.issuer,
    publishedOn,
    summary: textOrNull(doc.summary),
    bodyHtml: ctx.richTextHtml(doc.body),
    changeNotes: changeNotesOf(doc.changeNotes),
    updatedAt: doc.updatedAt,
  }
}

/** The save-time privacy check scans this text; it runs whether or not the policy is public yet. */
export function interpretationPublishedText(doc: InterpretationDoc, ctx: ProjectionContext): object {
  return publicInterpretation(doc, ctx) ?? { title: doc.title, issuer: doc.issuer, summary: textOrNull(doc.summary), bodyHtml: ctx.richTextHtml(doc.body), changeNotes: changeNotesOf(doc.changeNotes) }
}
