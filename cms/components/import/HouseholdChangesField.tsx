'use client'
// The households behind the change counts (新增 / 停保 / 调整) on a list's page, for the editor and the
// reviewer, with the .xlsx download. Read from the server on demand (names are staff-only there).
import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'
import type { ListHouseholdChanges } from '../../lists/householdChanges'

const yuan = (n: number) => n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
const side = (v: { persons: number; amount: number } | null, k: 'persons' | 'amount') => (v ? (k === 'amount' ? yuan(v.amount) : String(v.persons)) : '—')

export const HouseholdChangesField: React.FC = () => {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const [data, setData] = useState<ListHouseholdChanges | null>(null)
  const [error, setError] = useState<string | null>(null)
  const url = id ? `${config.serverURL ?? ''}${config.routes.api}/recipient-lists/${id}/household-changes` : null
  useEffect(() => {
    if (!url) return
    let live = true
    fetch(url, { credentials: 'include' })
      .then(async (res) => {
        const body = await res.json().catch(() => ({ error: `服务器返回了无法识别的结果（HTTP ${res.status}），请稍后刷新重试。` }))
        if (!live) return
        if (body.error) setError(body.error)
        else setData(body as ListHouseholdChanges)
      })
      .catch(() => live && setError('无法连接服务器，户级变化暂时无法显示，请稍后刷新重试。'))
    return () => {
      live = false
    }
  }, [url])
  if (!id) return null
  return (
    <div className="field-type ygjz-import" aria-labelledby="ygjz-household-changes">
      <div className="field-label" id="ygjz-household-changes">户级变化（新增 / 停保 / 调整）</div>
      {error && <p role="alert">{error}</p>}
      {!error && !data && <p className="ygjz-import__hint">正在读取户级变化……</p>}
      {data && !data.previous && <p className="ygjz-import__hint">没有此前已发布的同类名单可比（首次导入，或此前的名单尚未发布）。</p>}
      {data?.previous && (
        <>
          <p className="ygjz-import__hint">
            与 {data.previous.month}（{data.previous.title}）相比，共 {data.rows.length} 户有变化。姓名为内部资料，公开时打码。
            {data.rows.length > 0 && url && (
              <>
                {' '}
                <a href={`${url}?format=xlsx`} download>下载户级变化表（Excel）</a>
              </>
            )}
          </p>
          {data.rows.length > 0 && (
            <div className="ygjz-import__scroll">
              <table className="ygjz-import__table">
                <thead>
                  <tr><th scope="col">变化</th><th scope="col">户主</th><th scope="col">村（社区）</th><th scope="col">保障人数（原 → 现）</th><th scope="col">金额（元，原 → 现）</th></tr>
                </thead>
                <tbody>
                  {data.rows.map((r, i) => (
                    <tr key={i}>
                      <td>{r.kind}</td><td>{r.name}</td><td>{r.village}</td>
                      <td>{side(r.before, 'persons')} → {side(r.after, 'persons')}</td>
                      <td>{side(r.before, 'amount')} → {side(r.after, 'amount')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  )
}
