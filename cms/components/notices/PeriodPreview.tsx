'use client'
// The end of the 公示 as the clerk picks the posting day, before saving: asked of the server (the
// same rule and calendar as the save), shown with year, weekday and why it moved.
import { useConfig, useFormFields } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

const idOf = (v: unknown) => (v && typeof v === 'object' ? String((v as { id?: unknown; value?: unknown }).id ?? (v as { value?: unknown }).value ?? '') : v ? String(v) : '')
/** The China date of a date field's value (the picker stores an instant). */
const chinaDay = (v: unknown): string => {
  if (!v) return ''
  const d = new Date(String(v))
  if (Number.isNaN(d.getTime())) return ''
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d)
}

export function PeriodPreview() {
  const { config } = useConfig()
  const postedOn = chinaDay(useFormFields(([f]) => f.postedOn?.value))
  const programme = idOf(useFormFields(([f]) => f.programme?.value))
  const region = idOf(useFormFields(([f]) => f.region?.value))
  const stage = String(useFormFields(([f]) => f.stage?.value) ?? '')
  const [state, setState] = useState<{ text?: string; error?: string } | null>(null)
  useEffect(() => {
    if (!postedOn || !programme || !stage) {
      setState({ text: '选择救助类别、公示阶段和张贴日期后，这里显示公示截止日期及计算依据。' })
      return
    }
    let live = true
    const q = new URLSearchParams({ postedOn, programme, region, stage })
    fetch(`${config.serverURL ?? ''}${config.routes.api}/notices/period-preview?${q}`, { credentials: 'include' })
      .then((r) => r.json())
      .then((b) => live && setState(b.error ? { error: b.error } : { text: b.text }))
      .catch(() => live && setState({ error: '无法连接服务器，暂时不能计算截止日期；保存时会自动计算。' }))
    return () => {
      live = false
    }
  }, [postedOn, programme, region, stage, config.serverURL, config.routes.api])
  return (
    <div className="field-type" aria-live="polite">
      <div className="field-label">公示期（随张贴日期自动计算）</div>
      {state?.error ? <p role="alert">{state.error}</p> : <p data-testid="period-preview">{state?.text ?? '正在计算……'}</p>}
    </div>
  )
}
