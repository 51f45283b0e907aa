'use client'
// Read-only display of a list's month-over-month changes (the `changes` JSON) in plain Chinese.
import { useField } from '@payloadcms/ui'
import type { JSONFieldClientComponent } from 'payload'
import React from 'react'
import { ChangesSummary } from './ImportForm'

type Changes = Parameters<typeof ChangesSummary>[0]['changes']

export const ChangesField: JSONFieldClientComponent = ({ path, field }) => {
  const { value } = useField<Changes | null>({ path: path ?? field.name })
  const label = typeof field.label === 'string' ? field.label : '与上月相比的变化'
  return (
    <div className="field-type ygjz-import">
      <div className="field-label">{label}</div>
      {value && typeof value === 'object' && 'added' in value ? (
        <ChangesSummary changes={value} />
      ) : (
        <p className="ygjz-import__hint">没有此前已发布的同类名单可比（首次导入，或此前的名单尚未发布）。</p>
      )}
    </div>
  )
}
