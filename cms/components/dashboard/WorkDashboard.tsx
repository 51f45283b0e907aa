import { createLocalReq, type ServerProps } from 'payload'
import { redirect } from 'next/navigation'
import React from 'react'
import { gateOf } from '../../auth/twoFactorPolicy'
import { PROVISIONAL_NOTE } from '../../domain/calendar'
import { workItems } from '../../ops/workItems'

const box: React.CSSProperties = { border: '1px solid var(--theme-elevation-150)', padding: '1rem 1.25rem', marginBottom: '1rem', borderRadius: 4 }
const bad: React.CSSProperties = { color: 'var(--theme-error-500)', fontWeight: 700 }
const provisional = (p?: boolean) => (p ? <strong title={PROVISIONAL_NOTE}>（暂定）</strong> : null)

/** 待办: what is due, late or done in the signed-in user's regions. Rendered on the server. */
export async function WorkDashboard({ payload, user }: ServerProps) {
  if (!user) return null
  // An account behind its gate (one-time password, second factor) can read nothing yet: send it to
  // the screen where it passes the gate instead of failing the dashboard's queries.
  const req = await createLocalReq({ user: user as never }, payload)
  if (await gateOf(req)) redirect('/admin/account-security')
  const w = await workItems(payload, req)
  const live = w.release?.live
  const failed = w.release?.lastAttempt && !w.release.lastAttempt.ok ? w.release.lastAttempt : null
  return (
    <section aria-label="待办事项" style={{ marginBottom: '2rem' }}>
      <h2 style={{ marginBottom: '0.75rem' }}>待办事项（{w.today}）</h2>
      {w.calendarWarning && (
        <div style={{ ...box, ...bad }} role="alert">
          {w.calendarWarning} <a href="/admin/collections/holidays/paste">粘贴国务院通知录入</a>
        </div>
      )}
      {(w.noticeRevisions?.length ?? 0) > 0 && (
        <div style={box} role="status">
          <h3>公示截止日期已按国务院节假日安排复核</h3>
          <ul>
            {w.noticeRevisions!.map((n) => (
              <li key={n.id}>
                <a href={`/admin/collections/notices/${n.id}`}>{n.title}</a>：截止日期由 {n.from} 改为 <strong>{n.to}</strong>（{n.on} 复核）。公开网站已更新，请同步更正村务公开栏张贴的公示。
              </li>
            ))}
          </ul>
        </div>
      )}
      {(w.complaintRevisions?.length ?? 0) > 0 && (
        <div style={box} role="status">
          <h3>办理期限已按国务院节假日安排复核</h3>
          <ul>{w.complaintRevisions!.map((c) => <li key={c.id}><a href={`/admin/collections/complaints/${c.id}`}>{c.code}</a>：{c.revision}</li>)}</ul>
        </div>
      )}
      {((w.provisionalNotices?.length ?? 0) > 0 || (w.provisionalComplaints?.length ?? 0) > 0) && (
        <div style={box}>
          <h3>暂定的期限</h3>
          <p>下列日期落在国务院尚未公布节假日安排的年份：{PROVISIONAL_NOTE}。</p>
          <ul>
            {w.provisionalNotices!.map((n) => <li key={n.id}><a href={`/admin/collections/notices/${n.id}`}>{n.title}</a>：截止 {n.endsOn}（暂定）</li>)}
            {w.provisionalComplaints!.map((c) => <li key={`c-${c.id}`}><a href={`/admin/collections/complaints/${c.id}`}>{c.code}</a>：{c.what}期限 {c.due}（暂定）</li>)}
          </ul>
        </div>
      )}
      {w.release && (
        <div style={box}>
          <strong>公开网站：</strong>
          {live ? `当前版本发布于 ${new Date(live.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}（${live.pages} 个页面）。` : '尚未发布。'}
          {failed && <p style={bad}>最近一次发布失败（{new Date(failed.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}），线上网站保持上一版{failed.error ? `：${failed.error.slice(0, 600)}` : '，管理员已收到原因。'}</p>}
          {!failed && <p>您发布的内容会在几秒钟后出现在公开网站上；如果上面的时间早于您的发布时间，请稍候刷新。</p>}
        </div>
      )}
      {w.disclosures.length > 0 && (
        <div style={box}>
          <h3>每月5日前公开上月救助情况（{w.disclosures[0].month}）</h3>
          <table>
            <thead><tr><th>地区</th><th>类别</th><th>期限</th><th>状态</th></tr></thead>
            <tbody>
              {w.disclosures.map((d) => (
                <tr key={`${d.region}-${d.programme}`}>
                  <td>{d.region}</td><td>{d.programme}</td><td>{d.dueOn}</td>
                  <td style={d.state === '已逾期' ? bad : undefined}>{d.state}{d.state === '已完成' && d.lateDays > 0 ? `（晚${d.lateDays}天）` : ''}{d.state === '已逾期' ? `（已逾期${d.lateDays}天）` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(w.noticesEndingSoon.length > 0 || w.noticesWithObjections.length > 0) && (
        <div style={box}>
          <h3>公示</h3>
          <ul>
            {w.noticesEndingSoon.map((n) => <li key={n.id}><a href={`/admin/collections/notices/${n.id}`}>{n.title}</a>：{n.endsOn}{provisional(n.provisional)} 结束（剩 {n.daysLeft} 天）</li>)}
            {w.noticesWithObjections.map((n) => <li key={`o-${n.id}`}><a href={`/admin/collections/notices/${n.id}`}>{n.title}</a>：<span style={bad}>{n.open} 件异议未办结</span>，办结前不能发布下一阶段公示</li>)}
          </ul>
        </div>
      )}
      {(w.complaintsOverdue.length > 0 || w.complaintsDueSoon.length > 0) && (
        <div style={box}>
          <h3>投诉举报期限</h3>
          <ul>
            {w.complaintsOverdue.map((c) => <li key={c.id}><a href={`/admin/collections/complaints/${c.id}`}>{c.code}</a>：<span style={bad}>{c.what}期限 {c.due}{provisional(c.provisional)} 已过</span></li>)}
            {w.complaintsDueSoon.map((c) => <li key={c.id}><a href={`/admin/collections/complaints/${c.id}`}>{c.code}</a>：{c.what}期限 {c.due}{provisional(c.provisional)}</li>)}
          </ul>
        </div>
      )}
    </section>
  )
}
