// Shared request handling of the import endpoints: a multipart upload read with a byte cap
// (refused before reading when Content-Length says it is too big), the form fields, and the
// actions: preview (JSON), commit (store a draft), report (the error list as CSV), and, for the
// import screen while one of those runs, progress (phase, rows done / total) and cancel — both
// by the job id the screen sent with its request, and only for the user who started it.
import type { PayloadRequest } from 'payload'
import { cancelJob, isJobId, jobView, startJob } from '../import/jobs'
import { IMPORT_LIMITS, fmtMiB } from '../import/limits'
import { issuesToCsv } from '../import/report'
import { ImportCheckStopped } from '../import/runCheck'
import { analyseImport, commitImport, ImportRequestError, type ImportOptions, type ImportTarget } from '../import/service'
import type { FieldKey } from '../import/types'

export type ImportForm = { fields: Record<string, string>; file: { name: string; bytes: Uint8Array } | null }

const MAX_BODY = IMPORT_LIMITS.maxFileBytes + 1024 * 1024

const tooBig = () =>
  new ImportRequestError(`文件超过单次导入上限 ${fmtMiB(IMPORT_LIMITS.maxFileBytes)}。请按乡镇（街道）拆分成几个文件分别导入。`, 413)

export async function readImportForm(req: PayloadRequest): Promise<ImportForm> {
  const type = req.headers.get('content-type') ?? ''
  if (!type.startsWith('multipart/form-data')) throw new ImportRequestError('请以表单（multipart/form-data）方式上传文件。', 415)
  const declared = Number(req.headers.get('content-length') ?? NaN)
  if (Number.isFinite(declared) && declared > MAX_BODY) throw tooBig()
  const body = req.body as ReadableStream<Uint8Array> | null | undefined
  if (!body) throw new ImportRequestError('没有收到上传的文件，请重新选择文件。')
  const chunks: Uint8Array[] = []
  let total = 0
  const reader = body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > MAX_BODY) {
      await reader.cancel().catch(() => {})
      throw tooBig()
    }
    chunks.push(value)
  }
  let form: FormData
  try {
    form = await new Response(Buffer.concat(chunks), { headers: { 'content-type': type } }).formData()
  } catch {
    throw new ImportRequestError('上传的表单不完整（可能网络中断），请重新上传。')
  }
  const fields: Record<string, string> = {}
  let file: ImportForm['file'] = null
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string') fields[key] = value.slice(0, 10_000)
    else if (key === 'file' && !file) file = { name: value.name || 'upload', bytes: new Uint8Array(await value.arrayBuffer()) }
  }
  return { fields, file }
}

export function importOptions(fields: Record<string, string>): ImportOptions {
  let manual: Partial<Record<FieldKey, string>> | undefined
  if (fields.mapping) {
    try {
      const parsed = JSON.parse(fields.mapping) as Record<string, unknown>
      manual = Object.fromEntries(Object.entries(parsed).filter(([, v]) => typeof v === 'string' && /^[A-Z]{0,3}$/.test(v as string))) as Partial<Record<FieldKey, string>>
    } catch {
      throw new ImportRequestError('列对应设置的格式不对，请刷新页面后重试。')
    }
  }
  return {
    sheet: fields.sheet || undefined,
    manual,
    excludeBadRows: fields.excludeBadRows === '1' || fields.excludeBadRows === 'true',
    expectedSha256: fields.expectedSha256 || undefined,
    confirmReason: fields.confirmReason ? String(fields.confirmReason).slice(0, 500) : undefined,
  }
}

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } })

/** Runs an import request for a target built from the form. */
export async function handleImportRequest(req: PayloadRequest, targetOf: (fields: Record<string, string>) => ImportTarget, adminUrlOf: (id: string) => string): Promise<Response> {
  try {
    if (!req.user) throw new ImportRequestError('请先登录管理后台。', 401)
    const userId = String(req.user.id)
    const { fields, file } = await readImportForm(req)
    const action = fields.action || 'preview'
    if (action === 'progress' || action === 'cancel') {
      if (!isJobId(fields.job)) throw new ImportRequestError('缺少导入任务编号，请刷新页面后重试。')
      if (action === 'cancel') return json({ cancelled: cancelJob(fields.job, userId) })
      const view = jobView(fields.job, userId)
      return view ? json({ progress: view }) : json({ progress: null }, 404)
    }
    if (!file) throw new ImportRequestError('没有收到上传的文件，请选择要导入的 Excel（.xlsx、.xls）、WPS（.et）或 CSV 文件。')
    const target = targetOf(fields)
    const job = startJob(isJobId(fields.job) ? fields.job : undefined, userId)
    const opts: ImportOptions = { ...importOptions(fields), signal: job.signal, onProgress: job.update }
    try {
      if (action === 'report') {
        const run = await analyseImport(req.payload, file.bytes, file.name, target, { ...opts, maxIssues: Number.POSITIVE_INFINITY }, req)
        const base = file.name.replace(/\.[^.]*$/, '') || '名单'
        return new Response(issuesToCsv(run.issues, { fileName: file.name }), {
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': `attachment; filename="import-errors.csv"; filename*=UTF-8''${encodeURIComponent(`${base}-错误报告.csv`)}`,
            'cache-control': 'no-store',
          },
        })
      }
      if (action === 'commit') {
        const result = await commitImport(req.payload, file.bytes, file.name, target, opts, req)
        if (!result.stored) return json({ stored: false, reason: result.reason, preview: result.preview }, 422)
        const id = result.listId ?? result.noticeId!
        return json({ stored: true, id, title: result.title, excludedRows: result.excludedRows, adminUrl: adminUrlOf(id), preview: result.preview }, 201)
      }
      const run = await analyseImport(req.payload, file.bytes, file.name, target, opts, req)
      return json({ preview: run.preview })
    } finally {
      job.end()
    }
  } catch (err) {
    if (err instanceof ImportRequestError) return json({ error: err.message }, err.status)
    if (err instanceof ImportCheckStopped) return json({ error: err.message, cancelled: err.reason === 'cancelled' }, err.status)
    // Never log the upload or its rows: only that something failed, and where.
    req.payload.logger.error({ msg: 'import failed', err: { name: (err as Error).name, message: (err as Error).message, stack: (err as Error).stack } })
    return json({ error: '导入时发生意外错误，没有写入任何数据。请稍后重试；如果再次出现，请把文件交给系统管理员检查。' }, 500)
  }
}
