'use client'
// Paste the State Council notice, read the preview (every 放假 and 上班 day with its holiday, or
// every problem with its line), fix the text if needed, confirm. The server reads the text again on
// confirmation; this component only shows what it says.
import React, { useState } from 'react'
import type { SchedulePreview } from '../../calendar/schedule'
import '../import/import.scss'

type Problem = { line: number | null; message: string }
type Recomputed = { notices: { id: string; title: string; from: string; to: string; provisional: boolean }[]; complaints: { id: string; code: string; revision: string | null }[] }
type Props = { apiRoute: string; adminRoute: string; publishedYears: number[]; defaultYear: number }

const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`

export function HolidayPasteForm({ apiRoute, adminRoute, publishedYears, defaultYear }: Props) {
  const [year, setYear] = useState(String(defaultYear))
  const [text, setText] = useState('')
  const [preview, setPreview] = useState<SchedulePreview | null>(null)
  const [problems, setProblems] = useState<Problem[]>([])
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<'' | 'preview' | 'confirm'>('')
  const [done, setDone] = useState<{ year: number; entries: number; recomputed: Recomputed } | null>(null)

  const call = async (action: 'preview' | 'confirm') => {
    setBusy(action)
    setError(null)
    try {
      const res = await fetch(`${apiRoute}/holidays/schedule/${action}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ year: Number(year), text }),
      })
      const body = await res.json().catch(() => null)
      if (!body) throw new Error(`服务器没有正常答复（${res.status}），请稍后重试。`)
      if (body.ok === false && Array.isArray(body.problems)) {
        setProblems(body.problems)
        setPreview(null)
        return
      }
      if (!res.ok) throw new Error(body.message ?? body.errors?.[0]?.message ?? `操作没有完成（${res.status}），请稍后重试。`)
      setProblems([])
      if (action === 'preview') setPreview(body.preview)
      else {
        setDone(body)
        setPreview(null)
      }
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy('')
    }
  }

  if (done) {
    const changed = done.recomputed.notices.filter((n) => n.from !== n.to)
    return (
      <div className="ygjz-import">
        <h1>{done.year}年节假日安排已录入</h1>
        <div className="ygjz-import__alert ygjz-import__alert--ok" role="status">
          <p>已写入 {done.entries} 条放假和调休上班记录，{done.year}年已标为“已录入”。</p>
          <p>
            重新计算了 {done.recomputed.notices.length} 个公示的截止日期（{changed.length} 个有变化）和 {done.recomputed.complaints.length} 件投诉举报的办理期限；
            有变化的会显示在相关人员的“待办事项”中，公开网站几秒钟后更新。
          </p>
          {changed.length > 0 && (
            <ul>
              {changed.map((n) => (
                <li key={n.id}>
                  <a href={`${adminRoute}/collections/notices/${n.id}`}>{n.title}</a>：{n.from} → {n.to}
                </li>
              ))}
            </ul>
          )}
        </div>
        <p>
          <a href={`${adminRoute}/collections/holidays`}>返回节假日日历</a>
        </p>
      </div>
    )
  }

  return (
    <div className="ygjz-import">
      <h1>粘贴国务院通知录入节假日安排</h1>
      <p className="ygjz-import__lead">
        国务院办公厅每年秋季发布《关于下一年部分节假日安排的通知》。把通知正文（“一、元旦：……”到“七、国庆节：……”各条，连同标题一起也可以）粘贴到下面，先“检查”，核对每一天无误后“确认录入”。
        尚未录入的年份按周末和法定节假日暂定计算期限，录入后自动复核。
      </p>
      <p className="ygjz-import__hint">已录入的年份：{publishedYears.length ? publishedYears.join('、') : '无'}</p>
      <div className="ygjz-import__box">
        <div className="ygjz-import__field">
          <label className="ygjz-import__label" htmlFor="ygjz-year">年份</label>
          <input id="ygjz-year" type="text" inputMode="numeric" value={year} onChange={(e) => { setYear(e.target.value.trim()); setPreview(null) }} style={{ maxWidth: '8rem' }} />
        </div>
        <div className="ygjz-import__field ygjz-import__field--wide">
          <label className="ygjz-import__label" htmlFor="ygjz-notice">通知正文</label>
          <textarea id="ygjz-notice" rows={14} value={text} onChange={(e) => { setText(e.target.value); setPreview(null) }} style={{ font: 'inherit', padding: '0.5rem' }} placeholder="一、元旦：1月1日（周五）至3日（周日）放假，共3天。&#10;二、春节：……" />
        </div>
        <button type="button" className="btn btn--style-secondary btn--size-medium" disabled={!text.trim() || busy !== ''} onClick={() => call('preview')}>
          {busy === 'preview' ? '正在检查……' : '检查'}
        </button>
      </div>

      {error && <div className="ygjz-import__alert ygjz-import__alert--error" role="alert">{error}</div>}
      {problems.length > 0 && (
        <div className="ygjz-import__alert ygjz-import__alert--error" role="alert">
          <strong>通知没有读懂或与法定节假日不符，请改正下面的问题后再检查（共{problems.length}处）：</strong>
          <ul>{problems.map((p, i) => <li key={i}>{p.message}</li>)}</ul>
        </div>
      )}

      {preview && (
        <section aria-labelledby="ygjz-preview-h">
          <h2 id="ygjz-preview-h">{preview.year}年放假安排（核对后确认）</h2>
          <p>放假 {preview.offDays} 天，调休上班 {preview.workDays} 天。确认后将有 {preview.provisional.notices} 个暂定的公示截止日期和 {preview.provisional.complaints} 件投诉举报的暂定期限按此重新计算。</p>
          {preview.existing.entries > 0 && (
            <p className="ygjz-import__alert">
              {preview.year}年在日历中已有 {preview.existing.entries} 条记录{preview.existing.published ? '（已标为已录入）' : ''}，确认后将全部替换为下面的安排。
              {preview.existing.published ? '已按原安排计算的期限不会自动改变。' : ''}
            </p>
          )}
          <table>
            <thead><tr><th>节日（通知第几行）</th><th>放假</th><th>调休上班</th></tr></thead>
            <tbody>
              {preview.holidays.map((h) => (
                <tr key={h.line}>
                  <td>{h.label}（第{h.line}行）{h.statedDays !== null ? `，共${h.statedDays}天` : ''}</td>
                  <td>{h.off.map((d) => `${md(d.date)}（${d.weekday}${d.name !== h.label ? `，${d.name}` : ''}）`).join('、')}</td>
                  <td>{h.work.length ? h.work.map((d) => `${md(d.date)}（${d.weekday}）`).join('、') : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>逐日</h3>
          <table>
            <thead><tr><th>日期</th><th>星期</th><th>安排</th><th>节日</th></tr></thead>
            <tbody>
              {preview.days.map((d) => (
                <tr key={d.date}><td>{d.date}</td><td>{d.weekday}</td><td>{d.kind === 'off' ? '放假' : '上班（调休）'}</td><td>{d.name}</td></tr>
              ))}
            </tbody>
          </table>
          {preview.ignored.length > 0 && (
            <>
              <h3>没有录入的句子</h3>
              <p className="ygjz-import__hint">这些句子里没有放假或上班的安排（例如倡导性的说明），未录入日历：</p>
              <ul className="ygjz-import__notes">{preview.ignored.map((x, i) => <li key={i}>第{x.line}行：{x.text}</li>)}</ul>
            </>
          )}
          <p>
            <button type="button" className="btn btn--style-primary btn--size-medium" disabled={busy !== ''} onClick={() => call('confirm')}>
              {busy === 'confirm' ? '正在录入……' : `确认录入${preview.year}年安排`}
            </button>
          </p>
        </section>
      )}
    </div>
  )
}
