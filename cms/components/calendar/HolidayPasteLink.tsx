'use client'
// Entry point to the paste screen, above the holiday list (节假日日历).
import { useConfig } from '@payloadcms/ui'
import React from 'react'

export function HolidayPasteLink() {
  const { config } = useConfig()
  return (
    <div className="ygjz-import-link">
      <a className="btn btn--style-primary btn--size-medium btn--icon-style-without-border" href={`${config.routes.admin}/collections/holidays/paste`}>
        粘贴国务院通知录入
      </a>
      <span className="ygjz-import-link__hint">国务院办公厅每年秋季公布下一年的放假安排：把通知正文粘贴进来，核对后确认，全年的放假和调休上班日期一次录入。</span>
    </div>
  )
}
