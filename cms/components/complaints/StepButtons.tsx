'use client'
// The complaint's 办理状态 as next-step buttons instead of a free dropdown: only the steps valid from
// the saved state (cms/domain/complaintSteps.ts, the machine the save enforces), each saying what it
// needs written; the fields it needs appear below (their conditions follow the chosen step).
import { useDocumentInfo, useField, useFormFields } from '@payloadcms/ui'
import React from 'react'
import { complaintSteps, NEED_LABELS, statusLabel, type ComplaintStep } from '../../domain/complaintSteps'

export function StepButtons({ path }: { path?: string }) {
  const { value: status, setValue } = useField<string>({ path: path ?? 'status' })
  const dispatch = useFormFields(([, d]) => d)
  const { data } = useDocumentInfo()
  const saved = { status: (data?.status as string) ?? 'received', extended: Boolean(data?.extended), clock: (data?.clock as string) ?? 'running' }
  const steps = complaintSteps(saved)
  const [chosen, setChosen] = React.useState<ComplaintStep | null>(null)

  const choose = (step: ComplaintStep | null) => {
    setChosen(step)
    setValue(step?.set.status ?? saved.status)
    dispatch({ type: 'UPDATE', path: 'extended', value: step?.set.extended ?? saved.extended })
    dispatch({ type: 'UPDATE', path: 'clock', value: step?.set.clock ?? saved.clock })
  }

  return (
    <div className="field-type ygjz-steps" id="field-status-steps">
      <div className="field-label">办理状态：{statusLabel(saved.status)}{saved.extended ? '（已延期）' : ''}{saved.clock === 'paused' ? '（暂停计时中）' : ''}</div>
      {steps.length ? (
        <div role="group" aria-label="下一步办理" style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', margin: '0.5rem 0' }}>
          {steps.map((s) => (
            <button
              key={s.key}
              type="button"
              aria-pressed={chosen?.key === s.key}
              className={`btn btn--size-small ${chosen?.key === s.key ? 'btn--style-primary' : 'btn--style-secondary'}`}
              onClick={() => choose(chosen?.key === s.key ? null : s)}
            >
              {s.label}
            </button>
          ))}
        </div>
      ) : (
        <p>本事项已办结，没有下一步。</p>
      )}
      {chosen ? (
        <p className="ygjz-steps__hint" role="status">
          {chosen.needs.length
            ? `“${chosen.label}”需要填写：${chosen.needs.map((n) => NEED_LABELS[n]).join('、')}（见下方，会向群众公开），然后点“保存”。`
            : `已选择“${chosen.label}”，点“保存”后生效。`}
          {status && status !== saved.status ? ` 保存后状态为“${statusLabel(status)}”。` : ''}
        </p>
      ) : null}
    </div>
  )
}
