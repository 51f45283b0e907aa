'use client'
// 插入答复模板: the template's text goes into 答复内容 with its placeholders filled (code, dates,
// category: cms/domain/complaintSteps.ts fillReplyTemplate), where the officer edits it before saving.
import { useConfig, useFormFields } from '@payloadcms/ui'
import React from 'react'
import { fillReplyTemplate } from '../../domain/complaintSteps'
import { chinaDate } from '../../domain/dates'

type Template = { id: string; title: string; body: string }
const chinaDay = (v: unknown) => (typeof v === 'string' && v ? chinaDate(v) : null)
const idOf = (v: unknown) => (v && typeof v === 'object' ? String((v as { id: unknown }).id) : v ? String(v) : null)

export function ReplyTemplatePicker() {
  const { config } = useConfig()
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const code = useFormFields(([f]) => f.trackingCode?.value) as string | undefined
  const receivedAt = useFormFields(([f]) => f.receivedAt?.value)
  const resolveDue = useFormFields(([f]) => f.resolveDue?.value)
  const category = idOf(useFormFields(([f]) => f.category?.value))
  const dispatch = useFormFields(([, d]) => d)
  const [templates, setTemplates] = React.useState<Template[] | null>(null)
  const [categoryLabel, setCategoryLabel] = React.useState<string | null>(null)
  const [picked, setPicked] = React.useState('')
  const [error, setError] = React.useState<string | null>(null)

  React.useEffect(() => {
    fetch(`${api}/reply-templates?limit=100&depth=0&sort=title`, { credentials: 'include' })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((j: { docs: Template[] }) => setTemplates(j.docs))
      .catch(() => setError('答复模板读取失败，请刷新页面重试；也可以直接在下方填写答复内容。'))
  }, [api])
  React.useEffect(() => {
    if (!category) return setCategoryLabel(null)
    fetch(`${api}/complaint-categories/${encodeURIComponent(category)}?depth=0`, { credentials: 'include' })
      .then((r) => (r.ok ? r.json() : null))
      .then((c: { label?: string } | null) => setCategoryLabel(c?.label ?? null))
      .catch(() => setCategoryLabel(null))
  }, [api, category])

  if (error) return <p className="ygjz-reply-templates__error">{error}</p>
  if (!templates?.length) return null
  const insert = () => {
    const t = templates.find((x) => x.id === picked)
    if (!t) return
    const today = chinaDate(Date.now())
    const text = fillReplyTemplate(t.body, { code, receivedOn: chinaDay(receivedAt), category: categoryLabel, resolveDue: chinaDay(resolveDue), today })
    dispatch({ type: 'UPDATE', path: 'publicReply', value: text })
  }
  return (
    <div className="field-type ygjz-reply-templates" style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', margin: '0.5rem 0' }}>
      <label htmlFor="ygjz-reply-template">答复模板</label>
      <select id="ygjz-reply-template" value={picked} onChange={(e) => setPicked(e.target.value)}>
        <option value="">（选择模板）</option>
        {templates.map((t) => (
          <option key={t.id} value={t.id}>
            {t.title}
          </option>
        ))}
      </select>
      <button type="button" className="btn btn--size-small btn--style-secondary" disabled={!picked} onClick={insert}>
        插入到答复内容
      </button>
      <span>插入后可修改，保存后生效。</span>
    </div>
  )
}
