'use client'
// 发起下一阶段 on a notice: creates the next stage of the 三榜公示 as a draft (server: Notices/nextStage.ts)
// and opens it. The server's Chinese refusal (last stage, already started) is shown where the editor clicked.
import { toast, useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React, { useState } from 'react'

export function NextStageButton() {
  const { config } = useConfig()
  const { id } = useDocumentInfo()
  const stageIndex = useFormFields(([fields]) => fields.stageIndex?.value as number | undefined)
  const stageCount = useFormFields(([fields]) => fields.stageCount?.value as number | undefined)
  const [busy, setBusy] = useState(false)
  if (!id || (stageIndex && stageCount && stageIndex >= stageCount)) return null
  async function start() {
    setBusy(true)
    try {
      const res = await fetch(`${config.serverURL ?? ''}${config.routes.api}/notices/${id}/next-stage`, { method: 'POST', credentials: 'include' })
      const body = await res.json().catch(() => ({ error: `服务器返回了无法识别的结果（HTTP ${res.status}），请稍后重试。` }))
      if (body.error) toast.error(body.error)
      else window.location.assign(body.url)
    } catch {
      toast.error('无法连接服务器，未能发起下一阶段，请稍后重试。')
    } finally {
      setBusy(false)
    }
  }
  return (
    <button type="button" className="btn btn--style-secondary btn--size-small" disabled={busy} onClick={start} title="以本公示的对象、类别和批次创建下一榜公示（草稿），张贴日期默认为本公示截止后的第二天">
      {busy ? '正在创建……' : '发起下一阶段'}
    </button>
  )
}
