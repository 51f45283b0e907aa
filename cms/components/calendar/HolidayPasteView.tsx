// The paste screen (collection view /admin/collections/holidays/paste): an administrator pastes the
// 国务院办公厅 notice, checks the preview, confirms. The server part says which years are entered.
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import React from 'react'
import { hasRole } from '../../access/roles'
import { suggestedYear } from '../../calendar/schedule'
import { HolidayPasteForm } from './HolidayPasteForm'

export async function HolidayPasteView(props: AdminViewServerProps) {
  const req = props.initPageResult.req
  if (!hasRole(req.user, 'admin')) {
    return (
      <Gutter>
        <h1>录入节假日安排</h1>
        <p role="alert">只有管理员可以录入节假日安排。如发现日历有误，请联系管理员。</p>
      </Gutter>
    )
  }
  const { docs } = await req.payload.find({ collection: 'calendar-years', pagination: false, depth: 0, overrideAccess: true, req, sort: 'year' })
  const published = docs.filter((d) => d.published).map((d) => d.year)
  const config = req.payload.config
  return (
    <Gutter>
      <HolidayPasteForm apiRoute={config.routes.api} adminRoute={config.routes.admin} publishedYears={published} defaultYear={suggestedYear(published)} />
    </Gutter>
  )
}
