import crypto from 'node:crypto'
import { sniffType } from '../../../cms/complaints/submission'
import { nowMs } from '../../../cms/domain/clock'
import { hashQueryPassword } from '../../../cms/domain/trackingCode'
import { createCmsClient, verdictOf, type CmsClient, type CmsResult, type CmsVerdict } from './cmsClient'
import { createFormTokens, formTokenKey, type FormTokens } from './formToken'
import { createOutbox, type Outbox } from './outbox'
import type { BodyState, ParsedForm } from './parseForm'
import { createFormLimits, limitSettingsFromEnv, type FormLimits, type LimitSettings } from './rateLimit'

/**
 * What the form pages of a release use, owned by the long-lived public-server process and handed to
 * each request through `locals` (key `ygjz`): the rate limiters, the form-token key, the CMS client
 * with its key, the outbox. A release's server bundle is reloaded on every publish; none of this
 * state is, and none of the secrets ever sit in a release's module scope.
 */
export const SERVICES_VERSION = 1
export const LOCALS_KEY = 'ygjz'

export type Attachment = { name: string; bytes: Buffer }
export type Submission = {
  trackingCode: string
  queryPassword: string
  kind: string
  category: string
  noticeId: string | null
  entryNo: number | null
  anonymous: boolean
  name?: string
  phone?: string
  content: string
  attachments: Attachment[]
}

export type SubmitResult =
  | { type: 'stored'; acknowledgeDue: string | null; resolveDue: string | null; acknowledgeDueProvisional: boolean; resolveDueProvisional: boolean }
  | { type: 'queued' }
  | { type: 'invalid'; field: string; message: string }
  | { type: 'refused'; message: string }
  | { type: 'unavailable' }

export type OutboxState = 'ok' | 'unreachable' | 'auth' | 'config' | 'key'

/** What the health endpoint reports and what raises the alarm (auth/config/key keep the queue and make the server unready). */
export class OutboxHealth {
  state: OutboxState = 'ok'
  since: string | null = null
  detail: string | null = null
  lastForwardedAt: string | null = null
  constructor(
    private readonly now: () => number,
    private readonly alert: (state: OutboxState, detail: string) => void,
  ) {}

  note(verdict: CmsVerdict, res: CmsResult | null) {
    const state: OutboxState | null = verdict === 'stored' || verdict === 'refused' ? 'ok' : verdict === 'retry' ? null : verdict
    if (state === null) return
    if (verdict === 'stored') this.lastForwardedAt = new Date(this.now()).toISOString()
    if (state === this.state) return
    this.state = state
    this.since = state === 'ok' ? null : new Date(this.now()).toISOString()
    this.detail = state === 'ok' ? null : describe(state, res)
    if (state !== 'ok') this.alert(state, this.detail!)
  }

  get alarming() {
    return this.state === 'auth' || this.state === 'config' || this.state === 'key'
  }
}

function describe(state: OutboxState, res: CmsResult | null): string {
  const status = res?.status ? `（HTTP ${res.status}）` : ''
  if (state === 'auth') return `CMS 拒绝了公开网站的表单密钥${status}：PUBLIC_FORM_KEY 与 CMS 的不一致（密钥轮换后请同时更新公开网站）。提交仍保存在外发队列中，密钥一致后自动转交。`
  if (state === 'config') return `CMS 地址不对或接口不存在${status}：请检查 CMS_URL。提交仍保存在外发队列中。`
  if (state === 'key') return `CMS 无法解密外发队列中的提交${status}：OUTBOX_PUBLIC_KEY 与 CMS 的 OUTBOX_PRIVATE_KEY 不配对。提交仍保存在队列中，配对后自动转交。`
  return `CMS 暂时无法连接${status}：提交保存在外发队列中，恢复后自动转交。`
}

export type ServicesConfig = {
  cmsUrl: string
  publicFormKey: string
  outboxDir: string
  outboxPublicKey: string | null
  limits?: LimitSettings
  now?: () => number
  /** Called when the outbox enters an alarming state (auth, config, key) or the CMS becomes unreachable. */
  alert?: (state: OutboxState, detail: string) => void
}

export type FormServices = {
  version: typeof SERVICES_VERSION
  tokens: FormTokens
  limits: FormLimits
  cms: CmsClient
  outbox: Outbox
  health: OutboxHealth
  now: () => number
  submit(s: Submission): Promise<SubmitResult>
  lookup(path: 'track' | 'feedback', body: Record<string, unknown>): Promise<CmsResult>
}

/**
 * Per request: the process's services plus who is asking, and the form body as the public server
 * read it (`form`: parsed, or null when unreadable, too large or too slow — see `body`); without
 * `form` the page parses the request itself.
 */
export type RequestServices = FormServices & { clientAddress: string; body: BodyState; form?: ParsedForm | null }

/** Removes every metadata block from images before they are queued (photos carry GPS tags). */
async function stripAttachments(list: Attachment[]): Promise<Attachment[] | { unreadable: string }> {
  const { reencodeImage } = await import('../../../cms/complaints/reencodeImage')
  const out: Attachment[] = []
  for (const a of list) {
    const type = sniffType(a.bytes)
    if (!type) return { unreadable: a.name }
    // PDFs pass as they are (the CMS does the same): their document properties are not rewritten.
    if (type === 'application/pdf') out.push(a)
    else {
      try {
        out.push({ name: a.name, bytes: await reencodeImage(a.bytes, type) })
      } catch {
        return { unreadable: a.name }
      }
    }
  }
  return out
}

export function createFormServices(config: ServicesConfig): FormServices {
  // The one clock (CLOCK_AT moves it for the demo and tests, as it does for the CMS that checks submittedAt).
  const now = config.now ?? nowMs
  const cms = createCmsClient({ url: config.cmsUrl, key: config.publicFormKey })
  const outbox = createOutbox(config.outboxDir, config.outboxPublicKey)
  const health = new OutboxHealth(now, config.alert ?? (() => {}))
  const tokens = createFormTokens(config.publicFormKey ? formTokenKey(config.publicFormKey) : crypto.randomBytes(32), now)
  const limits = createFormLimits(config.limits ?? limitSettingsFromEnv(), now)

  async function submit(s: Submission): Promise<SubmitResult> {
    const submittedAt = new Date(now()).toISOString()
    // The query password leaves this process only as its hash (the CMS stores nothing else).
    const body = {
      trackingCode: s.trackingCode,
      queryPasswordHash: await hashQueryPassword(s.queryPassword),
      kind: s.kind,
      category: s.category,
      noticeId: s.noticeId,
      entryNo: s.entryNo,
      anonymous: s.anonymous,
      name: s.anonymous ? undefined : s.name,
      phone: s.anonymous ? undefined : s.phone,
      content: s.content,
      submittedAt,
    }
    const res = await cms.call('submit', { ...body, attachments: s.attachments.map((a) => ({ name: a.name, dataBase64: a.bytes.toString('base64') })) }, 15_000)
    const verdict = verdictOf(res)
    health.note(verdict, res)
    if (res.ok) return { type: 'stored', acknowledgeDue: res.body.acknowledgeDue ?? null, resolveDue: res.body.resolveDue ?? null, acknowledgeDueProvisional: Boolean(res.body.acknowledgeDueProvisional), resolveDueProvisional: Boolean(res.body.resolveDueProvisional) }
    if (res.status === 422 && res.body?.field) return { type: 'invalid', field: res.body.field, message: res.body.message }
    if (verdict === 'refused') return { type: 'refused', message: res.body?.message ?? '' }
    // Unreachable, or refused for a reason that is not this submission's fault (key, address): keep it.
    if (!outbox.canQueue) return { type: 'unavailable' }
    const attachments = await stripAttachments(s.attachments)
    if ('unreadable' in attachments) return { type: 'invalid', field: 'attachments', message: `附件“${attachments.unreadable.slice(0, 40)}”无法读取，请换一个文件或不传附件。` }
    outbox.enqueue(submittedAt, { ...body, attachments: attachments.map((a) => ({ name: a.name, dataBase64: a.bytes.toString('base64') })) })
    return { type: 'queued' }
  }

  async function lookup(path: 'track' | 'feedback', body: Record<string, unknown>) {
    const res = await cms.call(path, body)
    const verdict = verdictOf(res)
    if (verdict === 'auth' || verdict === 'config' || verdict === 'unreachable') health.note(verdict, res)
    return res
  }

  return { version: SERVICES_VERSION, tokens, limits, cms, outbox, health, now, submit, lookup }
}

let fallback: FormServices | null = null

/**
 * The services for this request: the public server's (through `locals`), or — when the release is
 * served some other way (astro preview, an older public server) — one set per process from the
 * environment, as before the split.
 */
export function servicesFor(locals: Record<string, unknown> | undefined, clientAddress: string | undefined): RequestServices {
  const given = locals?.[LOCALS_KEY] as RequestServices | undefined
  if (given?.version === SERVICES_VERSION) return given
  fallback ??= createFormServices({
    cmsUrl: process.env.CMS_URL ?? 'http://127.0.0.1:3000',
    publicFormKey: process.env.PUBLIC_FORM_KEY ?? '',
    outboxDir: process.env.OUTBOX_DIR ?? '.data/outbox',
    outboxPublicKey: process.env.OUTBOX_PUBLIC_KEY || null,
  })
  return { ...fallback, clientAddress: clientAddress ?? 'unknown', body: { limit: 30 * 1024 * 1024, exceeded: false, timedOut: false } }
}
