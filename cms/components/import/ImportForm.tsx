'use client'
// The import screen an editor uses: choose what the file is, upload it, read the check (counts,
// column mapping, every error with its row and column, the masked preview as the public will see
// it, the changes against last month) and confirm. The server does all the work; this only shows it.
import React, { useEffect, useMemo, useRef, useState } from 'react'
import type { ImportPreview } from '../../import/service'
import type { FieldKey, ImportIssue } from '../../import/types'
import './import.scss'

export type RegionChoice = { id: string; name: string; code: string; level: string; depth: number }
export type NoticeChoice = { id: string; title: string; programme: string; region: string; postedOn: string; entries: number; published: boolean }

type Props = {
  mode: 'list' | 'notice'
  apiRoute: string
  adminRoute: string
  defaultMonth: string
  programmes?: { id: string; name: string; code: string }[]
  regions?: RegionChoice[]
  notices?: NoticeChoice[]
  selectedNotice?: string
}

type Stored = { id: string; title: string; excludedRows: number; adminUrl: string; preview: ImportPreview }
type Progress = { phase: string; label: string; done: number; total: number | null; fraction: number; elapsedMs: number; finished: boolean }

const FORMAT_TEXT: Record<string, string> = { xlsx: 'Excel 工作簿（.xlsx）', xls: 'Excel 97-2003 工作簿（.xls）', et: 'WPS 表格（.et）', html: '网页表格（系统导出的“Excel”）', csv: 'CSV 文本' }
const newJobId = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`

const FIELD_ORDER: { field: FieldKey; label: string }[] = [
  { field: 'headName', label: '户主姓名' },
  { field: 'idNumber', label: '身份证号' },
  { field: 'householdSize', label: '保障人数' },
  { field: 'amount', label: '金额（元）' },
  { field: 'village', label: '村（社区）' },
  { field: 'township', label: '乡镇（街道）' },
  { field: 'category', label: '类别/档次' },
]

const yuan = (n: number) => n.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 })
const int = (n: number) => n.toLocaleString('zh-CN')

export function ImportForm(props: Props) {
  const { mode } = props
  const [file, setFile] = useState<File | null>(null)
  const [kind, setKind] = useState<'' | 'approved' | 'disbursement'>('')
  const [programme, setProgramme] = useState('')
  const [region, setRegion] = useState(props.regions?.length === 1 ? props.regions[0].id : '')
  const [month, setMonth] = useState(props.defaultMonth)
  const [title, setTitle] = useState('')
  const [notice, setNotice] = useState(props.selectedNotice ?? '')
  const [sheet, setSheet] = useState('')
  const [manual, setManual] = useState<Partial<Record<FieldKey, string>>>({})
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [busy, setBusy] = useState<'' | 'check' | 'store' | 'report'>('')
  const [error, setError] = useState<string | null>(null)
  const [exclude, setExclude] = useState(false)
  const [confirmReason, setConfirmReason] = useState('')
  const [stored, setStored] = useState<Stored | null>(null)
  const [progress, setProgress] = useState<Progress | null>(null)
  const job = useRef<string | null>(null)

  const missing: string[] = []
  if (mode === 'list') {
    if (!kind) missing.push('名单类型')
    if (!programme) missing.push('救助类别')
    if (!region) missing.push('地区')
    if (!/^\d{4}-\d{2}$/.test(month)) missing.push('月份')
  } else if (!notice) missing.push('公示')
  if (!file) missing.push('文件')

  const endpoint = mode === 'list' ? `${props.apiRoute}/recipient-lists/import` : `${props.apiRoute}/notices/${encodeURIComponent(notice)}/import-entries`

  const reset = () => {
    setPreview(null)
    setStored(null)
    setError(null)
    setExclude(false)
  }

  // While a check or save runs, ask the server how far it got (phase, rows done / total).
  useEffect(() => {
    if (!busy) return
    let stop = false
    const tick = async () => {
      if (stop || !job.current) return
      const fd = new FormData()
      fd.set('action', 'progress')
      fd.set('job', job.current)
      try {
        const res = await fetch(endpoint, { method: 'POST', body: fd, credentials: 'include' })
        const body = await res.json().catch(() => null)
        if (!stop && body?.progress) setProgress(body.progress)
      } catch {
        /* the main request reports errors */
      }
      if (!stop) timer = setTimeout(tick, 700)
    }
    let timer = setTimeout(tick, 400)
    return () => {
      stop = true
      clearTimeout(timer)
    }
  }, [busy, endpoint])

  async function cancel() {
    if (!job.current) return
    const fd = new FormData()
    fd.set('action', 'cancel')
    fd.set('job', job.current)
    await fetch(endpoint, { method: 'POST', body: fd, credentials: 'include' }).catch(() => {})
  }

  function form(action: 'preview' | 'commit' | 'report') {
    const fd = new FormData()
    fd.set('action', action)
    job.current = newJobId()
    fd.set('job', job.current)
    setProgress(null)
    if (mode === 'list') {
      fd.set('kind', kind)
      fd.set('programme', programme)
      fd.set('region', region)
      fd.set('month', month)
      if (title.trim()) fd.set('title', title.trim())
    }
    if (sheet) fd.set('sheet', sheet)
    if (Object.keys(manual).length) fd.set('mapping', JSON.stringify(manual))
    if (action === 'commit') {
      if (exclude) fd.set('excludeBadRows', '1')
      if (preview) fd.set('expectedSha256', preview.file.sha256)
      if (confirmReason.trim()) fd.set('confirmReason', confirmReason.trim())
    }
    fd.set('file', file!)
    return fd
  }

  async function send(action: 'preview' | 'commit') {
    if (missing.length) {
      setError(`请先选择：${missing.join('、')}。`)
      return
    }
    setBusy(action === 'preview' ? 'check' : 'store')
    setError(null)
    try {
      const res = await fetch(endpoint, { method: 'POST', body: form(action), credentials: 'include' })
      const body = await res.json().catch(() => ({ error: `服务器返回了无法识别的结果（HTTP ${res.status}），请稍后重试。` }))
      if (body.error) {
        setError(body.error)
        if (action === 'preview') setPreview(null)
        return
      }
      if (body.preview) setPreview(body.preview)
      if (action === 'commit') {
        if (body.stored) setStored(body as Stored)
        else setError(body.reason ?? '未导入。')
      }
    } catch {
      setError('无法连接服务器（网络中断或服务器未响应）。没有写入任何数据，请稍后重试。')
    } finally {
      setBusy('')
    }
  }

  async function downloadReport() {
    setBusy('report')
    try {
      const res = await fetch(endpoint, { method: 'POST', body: form('report'), credentials: 'include' })
      if (!res.ok) {
        const body = await res.json().catch(() => ({}))
        setError(body.error ?? '错误报告生成失败，请重试。')
        return
      }
      const blob = await res.blob()
      const a = document.createElement('a')
      a.href = URL.createObjectURL(blob)
      a.download = `${(file?.name ?? '名单').replace(/\.[^.]*$/, '')}-错误报告.csv`
      document.body.appendChild(a)
      a.click()
      a.remove()
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000)
    } finally {
      setBusy('')
    }
  }

  const selectedNotice = props.notices?.find((n) => n.id === notice)

  if (stored) return <StoredPanel stored={stored} mode={mode} adminRoute={props.adminRoute} onAgain={() => { reset(); setFile(null); setManual({}); setSheet('') }} />

  return (
    <div className="ygjz-import">
      <h1>{mode === 'list' ? '从 Excel / CSV 导入名单' : '从 Excel / CSV 导入公示对象'}</h1>
      <p className="ygjz-import__lead">
        {mode === 'list'
          ? '上传从省社会救助信息系统导出的名单（.xlsx、.xls、WPS .et、系统导出的网页格式“Excel”或 .csv，GBK 编码也可以）。系统先逐行检查，全部无误（或您明确选择跳过有错误的行）后才保存为草稿，由审核人核对后发布。'
          : '上传公示对象名单（.xlsx 或 .csv）。检查无误后，文件中的对象将替换所选公示的对象，保存为草稿，由审核人核对后发布。'}
      </p>

      <fieldset className="ygjz-import__box" disabled={Boolean(busy)}>
        <legend>{mode === 'list' ? '第一步：这是什么名单' : '第一步：选择公示'}</legend>
        {mode === 'list' ? (
          <div className="ygjz-import__grid">
            <div role="radiogroup" aria-labelledby="ygjz-kind-label" className="ygjz-import__field">
              <span id="ygjz-kind-label" className="ygjz-import__label">名单类型</span>
              <label className="ygjz-import__radio">
                <input type="radio" name="kind" value="approved" checked={kind === 'approved'} onChange={() => { setKind('approved'); reset() }} /> 救助对象名单（审批）
              </label>
              <label className="ygjz-import__radio">
                <input type="radio" name="kind" value="disbursement" checked={kind === 'disbursement'} onChange={() => { setKind('disbursement'); reset() }} /> 资金发放名单
              </label>
            </div>
            <label className="ygjz-import__field">
              <span className="ygjz-import__label">救助类别</span>
              <select value={programme} onChange={(e) => { setProgramme(e.target.value); reset() }}>
                <option value="">请选择</option>
                {props.programmes?.map((p) => (
                  <option key={p.id} value={p.id}>{p.name}</option>
                ))}
              </select>
            </label>
            <label className="ygjz-import__field">
              <span className="ygjz-import__label">地区（县或乡镇）</span>
              <select value={region} onChange={(e) => { setRegion(e.target.value); reset() }}>
                <option value="">请选择</option>
                {props.regions?.map((r) => (
                  <option key={r.id} value={r.id}>{`${'　'.repeat(r.depth)}${r.name}`}</option>
                ))}
              </select>
            </label>
            <label className="ygjz-import__field">
              <span className="ygjz-import__label">月份</span>
              <input type="month" value={month} onChange={(e) => { setMonth(e.target.value); reset() }} />
            </label>
            <label className="ygjz-import__field ygjz-import__field--wide">
              <span className="ygjz-import__label">标题（可不填，自动生成）</span>
              <input type="text" value={title} maxLength={120} placeholder={preview?.context.title ?? '例如：城关街道2026年10月城市低保资金发放名单'} onChange={(e) => setTitle(e.target.value)} />
            </label>
          </div>
        ) : (
          <label className="ygjz-import__field ygjz-import__field--wide">
            <span className="ygjz-import__label">导入到哪一份公示</span>
            <select value={notice} onChange={(e) => { setNotice(e.target.value); reset() }}>
              <option value="">请选择</option>
              {props.notices?.map((n) => (
                <option key={n.id} value={n.id}>{`${n.title}（${n.region}，${n.postedOn || '未定日期'}，现有 ${n.entries} 个对象${n.published ? '，已发布' : ''}）`}</option>
              ))}
            </select>
            {!props.notices?.length && <span className="ygjz-import__hint">还没有公示。请先在“公示公告”中新建一份公示（填写标题、张贴日期等），再回到这里导入对象。</span>}
          </label>
        )}
      </fieldset>

      <fieldset className="ygjz-import__box" disabled={Boolean(busy)}>
        <legend>第二步：选择文件</legend>
        <label className="ygjz-import__field ygjz-import__field--wide">
          <span className="ygjz-import__label">名单文件（.xlsx、.xls、WPS .et、系统导出的网页“Excel”或 .csv，不超过 30 MB）</span>
          <input
            type="file"
            accept=".xlsx,.xls,.et,.csv,.txt,.htm,.html,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null)
              setSheet('')
              setManual({})
              reset()
            }}
          />
        </label>
        <button type="button" className="btn btn--style-primary btn--size-medium" onClick={() => send('preview')} disabled={Boolean(busy)}>
          {busy === 'check' ? '正在检查……' : '检查文件'}
        </button>
      </fieldset>

      {(busy === 'check' || busy === 'store') && <ProgressPanel progress={progress} onCancel={cancel} />}

      {error && (
        <div className="ygjz-import__alert ygjz-import__alert--error" role="alert">
          {error}
        </div>
      )}

      {preview && (
        <PreviewPanel
          preview={preview}
          mode={mode}
          manual={manual}
          sheet={sheet}
          busy={busy}
          exclude={exclude}
          confirmReason={confirmReason}
          onConfirmReason={setConfirmReason}
          selectedNotice={selectedNotice}
          onSheet={(s) => setSheet(s)}
          onManual={(f, letter) => setManual((m) => ({ ...m, [f]: letter }))}
          onRecheck={() => send('preview')}
          onReport={downloadReport}
          onExclude={setExclude}
          onStore={() => send('commit')}
        />
      )}
    </div>
  )
}

function PreviewPanel(p: {
  preview: ImportPreview
  mode: 'list' | 'notice'
  manual: Partial<Record<FieldKey, string>>
  sheet: string
  busy: string
  exclude: boolean
  confirmReason: string
  onConfirmReason: (v: string) => void
  selectedNotice?: NoticeChoice
  onSheet: (s: string) => void
  onManual: (f: FieldKey, letter: string) => void
  onRecheck: () => void
  onReport: () => void
  onExclude: (v: boolean) => void
  onStore: () => void
}) {
  const { preview } = p
  const c = preview.counts
  const fileErrors = preview.issues.filter((i) => i.severity === 'error' && i.scope === 'file')
  const rowIssues = preview.issues.filter((i) => !(i.severity === 'error' && i.scope === 'file'))
  const mappingOf = useMemo(() => new Map(preview.header?.mapping.map((m) => [m.field, m]) ?? []), [preview])
  return (
    <section className="ygjz-import__result" aria-labelledby="ygjz-result">
      <h2 id="ygjz-result">检查结果：{preview.file.name}</h2>
      <p className="ygjz-import__hint">
        {FORMAT_TEXT[preview.file.format ?? ''] ?? '未能识别的格式'}
        {preview.file.encoding ? `（${preview.file.encoding}）` : ''}
        {preview.file.sheet ? `，工作表“${preview.file.sheet}”` : ''}，{(preview.file.bytes / 1024).toFixed(0)} KB
        {preview.context.cap ? `；金额上限按保障标准：${preview.context.cap}` : ''}
      </p>

      {preview.clean ? (
        <div className="ygjz-import__alert ygjz-import__alert--ok" role="status">没有发现错误，共 {int(c.validRows)} 户，可以导入。</div>
      ) : fileErrors.length ? (
        <div className="ygjz-import__alert ygjz-import__alert--error" role="alert">
          <strong>这个文件暂时不能导入：</strong>
          <ul>
            {fileErrors.map((i, n) => (
              <li key={n}>{i.message}</li>
            ))}
          </ul>
        </div>
      ) : (
        <div className="ygjz-import__alert ygjz-import__alert--error" role="alert">
          发现 {int(c.errors)} 个错误，涉及 {int(c.badRows)} 行（共 {int(c.dataRows)} 行）。请按下面的说明修改文件后重新上传；也可以跳过这些行，只导入其余 {int(c.validRows)} 户。
        </div>
      )}

      {preview.needsSheetChoice && (
        <div className="ygjz-import__box">
          <label className="ygjz-import__field">
            <span className="ygjz-import__label">选择要导入的工作表</span>
            <select value={p.sheet} onChange={(e) => p.onSheet(e.target.value)}>
              <option value="">请选择</option>
              {preview.sheets.filter((s) => !s.empty).map((s) => (
                <option key={s.name} value={s.name}>{`${s.name}${s.recognised ? '（像名单）' : ''}${s.hidden ? '（隐藏）' : ''}`}</option>
              ))}
            </select>
          </label>
          <button type="button" className="btn btn--style-secondary btn--size-small" disabled={!p.sheet || Boolean(p.busy)} onClick={p.onRecheck}>
            用这个工作表重新检查
          </button>
        </div>
      )}

      {preview.notes.length > 0 && (
        <ul className="ygjz-import__notes">
          {preview.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}

      {c.dataRows > 0 && (
        <dl className="ygjz-import__counts">
          <div><dt>数据行</dt><dd>{int(c.dataRows)}</dd></div>
          <div><dt>无误的户</dt><dd>{int(c.validRows)}</dd></div>
          <div><dt>有错误的行</dt><dd className={c.badRows ? 'is-bad' : ''}>{int(c.badRows)}</dd></div>
          <div><dt>人数（无误的户）</dt><dd>{int(c.persons)}</dd></div>
          <div><dt>金额（元）</dt><dd>{yuan(c.amount)}</dd></div>
          <div><dt>提醒</dt><dd>{int(c.warnings)}</dd></div>
        </dl>
      )}

      {preview.header && (
        <details className="ygjz-import__box" open={fileErrors.some((i) => i.code.startsWith('header') || i.code.startsWith('mapping'))}>
          <summary>列对应（第 {preview.header.rowNumber} 行是表头）——识别不对时可以手动改</summary>
          <table className="ygjz-import__table">
            <thead>
              <tr><th scope="col">内容</th><th scope="col">取自文件中的列</th><th scope="col">识别方式</th></tr>
            </thead>
            <tbody>
              {FIELD_ORDER.map(({ field, label }) => {
                const m = mappingOf.get(field)
                const chosen = p.manual[field] ?? m?.column ?? ''
                const required = preview.header!.required.includes(field)
                return (
                  <tr key={field}>
                    <th scope="row">{label}{required ? '（必需）' : ''}</th>
                    <td>
                      <select aria-label={`${label}取自哪一列`} value={chosen} onChange={(e) => p.onManual(field, e.target.value)}>
                        <option value="">（不导入）</option>
                        {preview.header!.columns.filter((col) => col.header).map((col) => (
                          <option key={col.column} value={col.column}>{`${col.column} 列：${col.header}`}</option>
                        ))}
                      </select>
                    </td>
                    <td>{p.manual[field] !== undefined ? '手动指定' : m ? { exact: '按表头自动识别', similar: '按相近的表头识别，请核对', remembered: '按本地区上次的设置', manual: '手动指定' }[m.how] : '—'}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
          <button type="button" className="btn btn--style-secondary btn--size-small" disabled={!Object.keys(p.manual).length || Boolean(p.busy)} onClick={p.onRecheck}>
            按新的列对应重新检查
          </button>
          <p className="ygjz-import__hint">手动指定的列对应会在导入成功后为本地区记住，下次自动使用。</p>
        </details>
      )}

      {rowIssues.length > 0 && (
        <section aria-labelledby="ygjz-issues">
          <h3 id="ygjz-issues">需要修改的地方（{int(preview.issueCount - fileErrors.length)} 条）</h3>
          <p>
            <button type="button" className="btn btn--style-secondary btn--size-small" onClick={p.onReport} disabled={Boolean(p.busy)}>
              {p.busy === 'report' ? '正在生成……' : '下载错误报告（Excel 可打开的 CSV）'}
            </button>
            {preview.issuesTruncated && <span className="ygjz-import__hint">　这里只显示前 {preview.issues.length} 条，完整列表请下载错误报告。</span>}
          </p>
          <div className="ygjz-import__scroll">
            <table className="ygjz-import__table">
              <thead>
                <tr><th scope="col">行</th><th scope="col">列</th><th scope="col">表头</th><th scope="col">问题和修改方法</th></tr>
              </thead>
              <tbody>
                {rowIssues.map((i: ImportIssue, n) => (
                  <tr key={n} className={i.severity === 'error' ? 'is-error' : 'is-warning'}>
                    <td>{i.row ?? '—'}</td>
                    <td>{i.column ?? '—'}</td>
                    <td>{i.header ?? '—'}</td>
                    <td>{i.severity === 'warning' ? <span className="ygjz-import__tag">提醒</span> : null}{i.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {preview.preview.length > 0 && (
        <section aria-labelledby="ygjz-masked">
          <h3 id="ygjz-masked">公开时的样子（姓名已打码，身份证号不公开）</h3>
          <p className="ygjz-import__hint">显示前 {preview.preview.length} 户（共 {int(c.validRows)} 户无误）。</p>
          <div className="ygjz-import__scroll">
            <table className="ygjz-import__table">
              <thead>
                <tr><th scope="col">序号</th><th scope="col">户主</th><th scope="col">保障人数</th><th scope="col">金额（元）</th><th scope="col">类别</th><th scope="col">村（社区）</th><th scope="col">文件行号</th></tr>
              </thead>
              <tbody>
                {preview.preview.map((r) => (
                  <tr key={r.row}>
                    <td>{r.no}</td><td>{r.name}</td><td>{r.householdSize}</td><td>{r.amount === null ? '—' : yuan(r.amount)}</td><td>{r.category ?? '—'}</td><td>{r.village}</td><td>{r.row}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {preview.changes && <ChangesSummary changes={preview.changes} />}

      {(preview.clean || preview.canExcludeBadRows) && (
        <section className="ygjz-import__box ygjz-import__confirm" aria-labelledby="ygjz-confirm">
          <h3 id="ygjz-confirm">第三步：确认导入</h3>
          {!preview.clean && (
            <label className="ygjz-import__radio">
              <input type="checkbox" checked={p.exclude} onChange={(e) => p.onExclude(e.target.checked)} /> 跳过有错误的 {int(c.badRows)} 行，只导入其余 {int(c.validRows)} 户（被跳过的户需要另行处理）
            </label>
          )}
          <p>
            {p.mode === 'list'
              ? `将保存为草稿“${preview.context.title}”，不会公开；审核人核对后发布。`
              : `将替换公示“${p.selectedNotice?.title ?? preview.context.notice}”的对象，保存为草稿，审核人核对后发布。`}
          </p>
          {preview.plausibility?.length > 0 && (
            <div className="ygjz-import__plausibility" role="group" aria-labelledby="ygjz-plausibility">
              <p id="ygjz-plausibility"><strong>与上月相比变化较大，需要写明理由才能导入：</strong></p>
              <ul>
                {preview.plausibility.map((w) => (
                  <li key={w.code}>{w.message}</li>
                ))}
              </ul>
              <label>
                确认理由（至少4个字，记入操作日志，审核人可见）
                <textarea name="confirmReason" rows={2} value={p.confirmReason} onChange={(e) => p.onConfirmReason(e.target.value)} />
              </label>
            </div>
          )}
          <button
            type="button"
            className="btn btn--style-primary btn--size-medium"
            disabled={Boolean(p.busy) || (!preview.clean && !p.exclude) || (preview.plausibility?.length > 0 && p.confirmReason.replace(/\s/g, '').length < 4)}
            onClick={p.onStore}
          >
            {p.busy === 'store' ? '正在保存……' : '确认导入为草稿'}
          </button>
        </section>
      )}
    </section>
  )
}

/** Real progress of the running check or save, with a cancel button. */
function ProgressPanel({ progress, onCancel }: { progress: Progress | null; onCancel: () => void }) {
  const pct = progress ? Math.round(progress.fraction * 100) : 0
  const rows = progress && progress.done ? `${int(progress.done)}${progress.total ? ` / ${int(progress.total)}` : ''} 行` : ''
  return (
    <div className="ygjz-import__progress" role="status" aria-live="polite">
      <p>
        {progress ? `${progress.label}${rows ? `：${rows}` : ''}` : '正在上传……'}
        {progress ? `（已用 ${Math.round(progress.elapsedMs / 1000)} 秒）` : ''}
      </p>
      <progress max={100} value={pct} aria-label="导入进度">{pct}%</progress>
      <button type="button" className="btn btn--style-secondary btn--size-small" onClick={onCancel}>
        取消
      </button>
      <span className="ygjz-import__hint">　取消后不会写入任何数据。</span>
    </div>
  )
}

type Changes = NonNullable<ImportPreview['changes']>

export function ChangesSummary({ changes }: { changes: Changes }) {
  const row = (label: string, v: { households: number; persons: number }) => (
    <tr>
      <th scope="row">{label}</th>
      <td>{int(v.households)} 户</td>
      <td>{int(v.persons)} 人</td>
    </tr>
  )
  return (
    <section aria-labelledby="ygjz-changes">
      <h3 id="ygjz-changes">与上一期已发布名单（{changes.previousMonth}）相比</h3>
      <table className="ygjz-import__table ygjz-import__table--narrow">
        <tbody>
          {row('新增', changes.added)}
          {row('停保（本月不在名单中）', changes.stopped)}
          {row('增标（金额增加）', changes.increased)}
          {row('减标（金额减少）', changes.decreased)}
          <tr>
            <th scope="row">金额变化</th>
            <td colSpan={2}>{changes.amountDelta >= 0 ? '+' : '−'}{yuan(Math.abs(changes.amountDelta))} 元</td>
          </tr>
        </tbody>
      </table>
    </section>
  )
}

function StoredPanel({ stored, mode, adminRoute, onAgain }: { stored: Stored; mode: 'list' | 'notice'; adminRoute: string; onAgain: () => void }) {
  const c = stored.preview.counts
  return (
    <div className="ygjz-import">
      <div className="ygjz-import__alert ygjz-import__alert--ok" role="status">
        <h1>已保存为草稿</h1>
        <p>
          “{stored.title}”：{int(c.validRows)} 户、{int(c.persons)} 人、{yuan(c.amount)} 元。
          {stored.excludedRows ? `有错误的 ${int(stored.excludedRows)} 行未导入，请另行处理。` : ''}
        </p>
      </div>
      {stored.preview.changes && <ChangesSummary changes={stored.preview.changes} />}
      <h2>接下来</h2>
      <ol>
        <li>打开草稿核对{mode === 'list' ? '合计和与上一期相比的变化' : '公示对象'}。</li>
        <li>请另一位审核人审核后发布（谁经办谁签字，经办人不能自己发布）。</li>
      </ol>
      <p>
        <a className="btn btn--style-primary btn--size-medium" href={stored.adminUrl}>打开草稿</a>{' '}
        <button type="button" className="btn btn--style-secondary btn--size-medium" onClick={onAgain}>再导入一个文件</button>{' '}
        <a className="btn btn--style-secondary btn--size-medium" href={`${adminRoute}/collections/${mode === 'list' ? 'recipient-lists' : 'notices'}`}>返回列表</a>
      </p>
    </div>
  )
}
