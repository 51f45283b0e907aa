'use client'
import React, { useEffect, useState } from 'react'

type Me = { email?: string; accountGate?: string | null; totpEnabled?: boolean; roles?: string[] }

const box: React.CSSProperties = { maxWidth: 520, margin: '48px auto', padding: 24, fontSize: 16, lineHeight: 1.6 }
const input: React.CSSProperties = { display: 'block', width: '100%', padding: 8, fontSize: 16, margin: '4px 0 16px' }

async function post(path: string, body: unknown): Promise<{ ok: boolean; message?: string; secret?: string; uri?: string }> {
  const res = await fetch(`/api/users/${path}`, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  return res.json().catch(() => ({ ok: false, message: '服务器没有响应，请稍后再试。' }))
}

/** 账号安全: change the one-time password, enter or set up the second factor (TOTP). */
export function AccountSecurityView() {
  const [me, setMe] = useState<Me | null>(null)
  const [message, setMessage] = useState<string>('')
  const [secret, setSecret] = useState<{ secret: string; uri: string } | null>(null)
  useEffect(() => {
    void fetch('/api/users/me', { credentials: 'include' }).then((r) => r.json()).then((j) => setMe(j.user ?? null))
  }, [])
  if (!me) return <main style={box}><p>正在读取账号信息……</p></main>
  const gate = me.accountGate

  const changePassword = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    const r = await post('change-password', { password: f.get('password'), confirm: f.get('confirm') })
    if (r.ok) window.location.assign('/admin')
    else setMessage(r.message ?? '修改失败，请重试。')
  }
  const verify = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const r = await post('two-factor/verify', { code: new FormData(e.currentTarget).get('code') })
    if (r.ok) window.location.assign('/admin')
    else setMessage(r.message ?? '动态码不正确。')
  }
  const setup = async () => {
    const r = await post('two-factor/setup', {})
    if (r.ok && r.secret && r.uri) setSecret({ secret: r.secret, uri: r.uri })
    else setMessage(r.message ?? '无法生成密钥。')
  }
  const enable = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const r = await post('two-factor/enable', { code: new FormData(e.currentTarget).get('code') })
    setMessage(r.message ?? (r.ok ? '已启用。' : '动态码不正确。'))
    if (r.ok) setSecret(null)
    if (r.ok && gate === 'enrolSecondFactor') window.location.assign('/admin')
  }

  return (
    <main style={box}>
      <h1>账号安全</h1>
      {message && <p role="alert" style={{ color: '#b00020', fontWeight: 600 }}>{message}</p>}
      {gate === 'secondFactor' ? (
        <form onSubmit={verify}>
          <p>请打开手机上的验证器应用，输入“阳光救助管理后台”当前显示的6位动态码。</p>
          <label htmlFor="code">动态码</label>
          <input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" style={input} required />
          <button type="submit">验证</button>
        </form>
      ) : gate === 'enrolSecondFactor' ? (
        <p>本单位要求系统管理员和审核人使用两步验证（等保三级）：请先按下面的步骤用手机验证器完成设置，才能继续使用系统。</p>
      ) : (
        <form onSubmit={changePassword}>
          <p>
            {gate === 'changePassword'
              ? '这是一次性密码（首次登录或管理员重置后）：请先设置您自己的新密码，才能继续使用系统。'
              : '修改您的登录密码。'}
            新密码至少12个字符，不能是常见密码（如 123456、a1234567、qq123456），也不能包含自己的邮箱或姓名。可以用几个词组成一句好记的话。
          </p>
          <label htmlFor="password">新密码</label>
          <input id="password" name="password" type="password" autoComplete="new-password" style={input} required />
          <label htmlFor="confirm">再次输入新密码</label>
          <input id="confirm" name="confirm" type="password" autoComplete="new-password" style={input} required />
          <button type="submit">保存新密码</button>
        </form>
      )}
      {(!gate || gate === 'enrolSecondFactor') && me.roles?.some((r) => r === 'admin' || r === 'reviewer') && (
        <section style={{ marginTop: 32 }}>
          <h2>两步验证（TOTP）</h2>
          {me.totpEnabled ? (
            <p>已启用：登录后需输入验证器上的动态码。</p>
          ) : secret ? (
            <form onSubmit={enable}>
              <p>在验证器应用中添加账户，密钥：<code>{secret.secret}</code>（或导入：<code style={{ wordBreak: 'break-all' }}>{secret.uri}</code>），然后输入显示的6位动态码。</p>
              <label htmlFor="enable-code">动态码</label>
              <input id="enable-code" name="code" inputMode="numeric" style={input} required />
              <button type="submit">启用两步验证</button>
            </form>
          ) : (
            <p>
              系统管理员和审核人可以启用两步验证（等保三级要求管理员使用）。<button type="button" onClick={setup}>生成密钥</button>
            </p>
          )}
        </section>
      )}
    </main>
  )
}
