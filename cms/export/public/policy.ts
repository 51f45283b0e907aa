// 政策法规 as the public reads it. The fields copied here are the allow-list of a policy.
import type { Media, Policy } from '../../payload-types'
import type { PublicPolicy } from '../../../site/lib/snapshotSchema'
import { changeNotesOf, dayOf, textOrNull, type FieldLabels, type ProjectionContext } from './context'

export type PolicyDoc = Pick<Policy, 'id' | 'title' | 'indexNumber' | 'documentNumber' | 'issuer' | 'writtenOn' | 'publishedOn' | 'validity' | 'supersededBy' | 'programmes' | 'summary' | 'body' | 'attachments' | 'changeNotes' | 'updatedAt'>

export const POLICY_LABELS: FieldLabels<PublicPolicy> = {
  id: '编号',
  title: '标题',
  indexNumber: '索引号',
  documentNumber: '文号',
  issuer: '发布机构',
  writtenOn: '成文日期',
  publishedOn: '发布日期',
  validity: '有效性',
  supersededBy: '替代文件',
  programmeCodes: '涉及救助类别',
  summary: '摘要',
  bodyHtml: '正文',
  attachments: '附件（标题取自附件的替代文字或文件名）',
  changeNotes: '公开的修改说明',
  updatedAt: '更新时间',
}

type Attachment = Pick<Media, 'alt' | 'filename' | 'mimeType' | 'filesize'>

export function publicPolicy(doc: PolicyDoc, ctx: ProjectionContext): PublicPolicy {
  return {
    id: String(doc.id),
    title: doc.title,
    indexNumber: textOrNull(doc.indexNumber),
    documentNumber: textOrNull(doc.documentNumber),
    issuer: doc.issuer,
    writtenOn: dayOf(doc.writtenOn),
    publishedOn: dayOf(doc.publishedOn)!,
    validity: doc.validity,
    // Link only to a replacement the public can see.
    supersededBy: ctx.policy(doc.supersededBy),
    programmeCodes: (doc.programmes ?? []).map((p) => ctx.programme(p)?.code).filter((c): c is string => Boolean(c)),
    summary: textOrNull(doc.summary),
    bodyHtml: ctx.richTextHtml(doc.body),
    attachments: ((doc.attachments ?? []) as unknown[])
      .filter((m): m is Attachment => typeof m === 'object' && m !== null && Boolean((m as Attachment).filename))
      .map((m) => ({ title: textOrNull(m.alt) ?? m.filename ?? '附件', url: `/files/${m.filename}`, mimeType: m.mimeType ?? 'application/octet-stream', filesize: m.filesize ?? 0 })),
    changeNotes: changeNotesOf(doc.changeNotes),
    updatedAt: doc.updatedAt,
  }
}
