'use client'
// Entry points to the import screens: above the recipient-list table, and on a notice's edit view.
import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import React from 'react'

export function ImportListLink() {
  const { config } = useConfig()
  return (
    <div className="ygjz-import-link">
      <a className="btn btn--style-primary btn--size-medium btn--icon-style-without-border" href={`${config.routes.admin}/collections/recipient-lists/import`}>
        从 Excel / CSV 导入名单
      </a>
      <span className="ygjz-import-link__hint">每月的救助对象名单和资金发放名单请从这里导入：先检查，无误后保存为草稿，审核人发布。</span>
    </div>
  )
}

export function ImportNoticeEntriesLink() {
  const { config } = useConfig()
  const { id } = useDocumentInfo()
  if (!id) return null
  return (
    <a className="btn btn--style-secondary btn--size-small" href={`${config.routes.admin}/collections/notices/import?notice=${encodeURIComponent(String(id))}`}>
      从 Excel 导入公示对象
    </a>
  )
}
