// The import screens (collection views): /admin/collections/recipient-lists/import and
// /admin/collections/notices/import?notice=<id>. The server part loads the choices the editor may
// make (programmes, regions in their scope, notices); the form itself is a client component.
import { thisMonth } from '../../domain/clock'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps, PayloadRequest } from 'payload'
import React from 'react'
import { hasRole } from '../../access/roles'
import { regionScope } from '../../access/regionScope'
import { chinaDate } from '../../domain/dates'
import { prewarmImportWorker } from '../../import/runCheck'
import { ImportForm, type NoticeChoice, type RegionChoice } from './ImportForm'

function NotAllowed({ message }: { message: string }) {
  return (
    <Gutter>
      <h1>导入</h1>
      <p role="alert">{message}</p>
    </Gutter>
  )
}

async function regionChoices(req: PayloadRequest): Promise<RegionChoice[]> {
  const scope = await regionScope(req)
  const { docs } = await req.payload.find({
    collection: 'regions',
    where: { level: { in: ['county', 'township'] } },
    pagination: false,
    depth: 0,
    sort: 'path',
    overrideAccess: true,
    req,
    select: { name: true, code: true, level: true, path: true },
  })
  return docs
    .filter((d) => scope === 'all' || scope.includes(String(d.id)))
    .map((d) => ({ id: String(d.id), name: d.name, code: d.code, level: d.level, depth: String(d.path ?? '').split('/').length - 1 }))
}

export async function ImportListView(props: AdminViewServerProps) {
  const req = props.initPageResult.req
  if (!hasRole(req.user, 'admin', 'editor', 'reviewer')) return <NotAllowed message="只有经办人、审核人或管理员可以导入名单。" />
  prewarmImportWorker()
  const { docs: programmes } = await req.payload.find({ collection: 'programmes', pagination: false, depth: 0, sort: 'name', overrideAccess: true, req, select: { name: true, code: true } })
  const regions = await regionChoices(req)
  const config = req.payload.config
  return (
    <Gutter>
      <ImportForm
        mode="list"
        apiRoute={config.routes.api}
        adminRoute={config.routes.admin}
        programmes={programmes.map((p) => ({ id: String(p.id), name: p.name, code: p.code }))}
        regions={regions}
        defaultMonth={thisMonth()}
      />
    </Gutter>
  )
}

export async function ImportNoticeEntriesView(props: AdminViewServerProps) {
  const req = props.initPageResult.req
  if (!hasRole(req.user, 'admin', 'editor', 'reviewer')) return <NotAllowed message="只有经办人、审核人或管理员可以导入公示对象。" />
  prewarmImportWorker()
  const { docs } = await req.payload.find({
    collection: 'notices',
    draft: true,
    sort: '-updatedAt',
    limit: 100,
    depth: 1,
    req,
    overrideAccess: false,
    select: { title: true, programme: true, region: true, postedOn: true, entries: true, _status: true },
  })
  const notices: NoticeChoice[] = docs.map((n) => ({
    id: String(n.id),
    title: n.title,
    programme: typeof n.programme === 'object' && n.programme ? n.programme.name : '',
    region: typeof n.region === 'object' && n.region ? n.region.name : '',
    postedOn: n.postedOn ? chinaDate(n.postedOn) : '',
    entries: n.entries?.length ?? 0,
    published: n._status === 'published',
  }))
  const raw = props.searchParams?.notice
  const selected = typeof raw === 'string' ? raw : Array.isArray(raw) ? raw[0] : undefined
  const config = req.payload.config
  return (
    <Gutter>
      <ImportForm mode="notice" apiRoute={config.routes.api} adminRoute={config.routes.admin} notices={notices} selectedNotice={selected} defaultMonth={thisMonth()} />
    </Gutter>
  )
}
