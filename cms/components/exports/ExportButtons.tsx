'use client'
// 导出 Excel buttons above the admin lists (cms/endpoints/spreadsheets.ts): what is exported is what
// the person may read, and every export is written to the audit log.
import { useConfig } from '@payloadcms/ui'
import React from 'react'

const box: React.CSSProperties = { display: 'flex', flexWrap: 'wrap', gap: '0.5rem', alignItems: 'center', margin: '0 0 1rem' }
const linkClass = 'btn btn--style-secondary btn--size-small'

function useApi() {
  const { config } = useConfig()
  return `${config.serverURL ?? ''}${config.routes.api}`
}

function DateRange({ from, to, setFrom, setTo }: { from: string; to: string; setFrom: (v: string) => void; setTo: (v: string) => void }) {
  return (
    <>
      <label>
        起 <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} aria-label="起始日期" />
      </label>
      <label>
        止 <input type="date" value={to} onChange={(e) => setTo(e.target.value)} aria-label="截止日期" />
      </label>
    </>
  )
}
const range = (from: string, to: string) => `${from ? `&from=${from}` : ''}${to ? `&to=${to}` : ''}`

export function ComplaintLedgerExport() {
  const api = useApi()
  const [from, setFrom] = React.useState('')
  const [to, setTo] = React.useState('')
  return (
    <div className="ygjz-export" style={box}>
      <strong>导出信访台账（Excel）</strong>
      <DateRange {...{ from, to, setFrom, setTo }} />
      <a className={linkClass} href={`${api}/complaints/export-ledger?x=1${range(from, to)}`}>
        导出（不含反映人身份）
      </a>
      <a className={linkClass} href={`${api}/complaints/export-ledger?identity=1${range(from, to)}`}>
        导出完整台账（含反映人，严格保密）
      </a>
      <span>每次导出都记入审计日志。</span>
    </div>
  )
}

export function MonthListsExport() {
  const api = useApi()
  const [month, setMonth] = React.useState('')
  return (
    <div className="ygjz-export" style={box}>
      <strong>导出某月名单（Excel）</strong>
      <label>
        月份 <input type="month" value={month} onChange={(e) => setMonth(e.target.value)} aria-label="月份" />
      </label>
      <a className={linkClass} aria-disabled={!month} href={month ? `${api}/recipient-lists/export-month?month=${month}` : undefined}>
        导出（身份证号遮蔽）
      </a>
      <span>按您的权限和地区导出；身份证号只对可查看的人员导出。每次导出都记入审计日志。</span>
    </div>
  )
}

export function AuditLogExport() {
  const api = useApi()
  const [from, setFrom] = React.useState('')
  const [to, setTo] = React.useState('')
  return (
    <div className="ygjz-export" style={box}>
      <strong>导出审计日志（Excel）</strong>
      <DateRange {...{ from, to, setFrom, setTo }} />
      <a className={linkClass} href={`${api}/audit-log/export?x=1${range(from, to)}`}>
        导出
      </a>
    </div>
  )
}
