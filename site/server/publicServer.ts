import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import sirv from 'sirv'
import { defaultPinsDir, PIN_REFRESH_MS, removePins, writePins } from '../../cms/publish/releasePins'
import { clientAddressOf, isTrustedPeer, parseProxyTrust, PROXY_HEADERS, type ProxyTrust } from '../../cms/domain/clientAddress'
import { BODY_DEADLINE_MS } from '../lib/forms/limits'
import { readForm, type BodyState } from '../lib/forms/parseForm'
import { createFormServices, LOCALS_KEY, type FormServices, type RequestServices } from '../lib/forms/services'
import { publicServerConfig } from './config'
import { cacheControlFor, securityHeaders } from './headers'
import { log } from './log'
import { routeOf, shortUrlRedirect } from './routes'

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void, locals?: Record<string, unknown>) => void | Promise<void>
type Release = {
  id: string
  root: string
  serveStatic: Handler
  serveApp: Promise<Handler>
  ready: boolean
  failed: boolean
  inFlight: number
  pages: Map<number, Buffer>
  scriptHashes: string[]
  /** Built by code that takes its form from the public server (marked by csp.json); an older release reads its own body. */
  takesParsedForms: boolean
  routes: ReleaseRoutes
}

/**
 * `client/release-routes.json` of a release (site/lib/robots.ts): removed pages answer 410 Gone
 * with their short public note, and pages with names carry X-Robots-Tag: noindex.
 */
type ReleaseRoutes = { gone: Array<{ prefix: string; page: string }>; noindex: RegExp[] }

function readRoutes(clientDir: string): ReleaseRoutes {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(clientDir, 'release-routes.json'), 'utf8')) as { gone?: ReleaseRoutes['gone']; noindex?: string[] }
    return { gone: raw.gone ?? [], noindex: (raw.noindex ?? []).map((p) => new RegExp(p)) }
  } catch {
    return { gone: [], noindex: [] }
  }
}

/** Answers a removed page with 410 and its note; true when it did. */
function answerGone(release: Release, pathname: string, res: http.ServerResponse): boolean {
  const hit = release.routes.gone.find((g) => pathname === g.prefix || pathname === g.prefix.replace(/\/$/, '') || (g.prefix.endsWith('/') && pathname.startsWith(g.prefix)))
  if (!hit) return false
  let body: Buffer | string = '此信息已撤下，不再在网上公开。'
  try {
    body = fs.readFileSync(path.join(release.root, 'client', hit.page, 'index.html'))
  } catch {}
  res.writeHead(410, { 'content-type': 'text/html; charset=utf-8', 'x-robots-tag': 'noindex, noarchive', 'cache-control': 'public, max-age=300' })
  res.end(body)
  return true
}


export type PublicServerOptions = {
  releasesDir: string
  accessLog?: boolean
  /** The form services (rate limiters, CMS client, outbox); made from the environment when not given. */
  services?: FormServices
  trust?: ProxyTrust
  /** Origins form posts may come from besides the request's own (PUBLIC_SITE_URL). */
  siteOrigins?: string[]
  /** Production: no release id in responses. */
  production?: boolean
  /** Where to pin the releases in use (null: do not pin). */
  pinsDir?: string | null
  /**
   * Called once more than `recycleAfter` release bundles have been loaded: a loaded ES module can
   * never be unloaded (each release keeps about 5 MB), so the process should be replaced now and then.
   */
  recycleAfter?: number
  onRecycle?: () => void
}

const ERROR_CODES = [400, 403, 404, 405, 408, 413, 414, 429, 500, 503] as const
const FALLBACK_TEXT: Record<number, string> = {
  400: '请求无法读取，请返回重新操作。',
  403: '这次提交不是从本站的页面发出的，没有受理。请打开本站的表单页面重新填写提交。',
  404: '页面未找到。请从首页重新查找。',
  405: '这个地址不接受这种请求。',
  408: '网络太慢，请求没有完成，请稍后再试。',
  413: '提交的内容太大，没有收到。附件最多3个，每个不超过 8 MB。',
  414: '网址太长，请从首页重新打开。',
  429: '操作过于频繁，请稍后再试，或拨打监督电话。',
  500: '服务器出错了，请稍后再试；急事请拨打监督电话。',
  503: '网站正在发布，请稍后再试。',
}

/**
 * The public server: serves whichever release `releases/current` points to, and hands the few
 * on-demand routes (forms, tracking) to that release's server bundle with the long-lived services
 * in `locals`. Each request resolves the link once, so a switch takes effect for the next request
 * while requests already running finish on the release they started with; the releases in use are
 * pinned so the CMS never prunes them. Bodies are counted as they stream and cut at the route's
 * limit; no request error ends the process.
 */
export function createPublicServer(options: PublicServerOptions): http.Server {
  const { releasesDir, accessLog = true } = options
  const env = (() => {
    try {
      return publicServerConfig()
    } catch {
      return null
    }
  })()
  const services =
    options.services ??
    createFormServices({
      cmsUrl: env?.cmsUrl ?? process.env.CMS_URL ?? 'http://127.0.0.1:3000',
      publicFormKey: env?.publicFormKey ?? process.env.PUBLIC_FORM_KEY ?? '',
      outboxDir: env?.outboxDir ?? path.resolve(process.env.OUTBOX_DIR ?? '.data/outbox'),
      outboxPublicKey: env?.outboxPublicKey ?? null,
      limits: env?.limits,
      alert: (state, detail) => log('error', 'outbox alert', { state, detail }),
    })
  const trust = options.trust ?? env?.trust ?? parseProxyTrust('0', undefined)
  const siteOrigins = new Set(options.siteOrigins ?? env?.siteOrigins ?? [])
  const production = options.production ?? process.env.NODE_ENV === 'production'
  const pinsDir = options.pinsDir !== undefined ? options.pinsDir : process.env.RELEASE_PINS_DIR ? path.resolve(process.env.RELEASE_PINS_DIR) : defaultPinsDir(releasesDir)
  const owner = `public-${process.pid}-${Math.random().toString(36).slice(2, 8)}`

  const releases = new Map<string, Release>()
  const failedAt = new Map<string, number>()
  let loads = 0
  let active: Release | null = null

  /** In use: the one being served, one still loading, and any with requests still running. */
  const inUse = (r: Release) => r === active || !r.ready || r.inFlight > 0

  function pin() {
    if (!pinsDir) return
    try {
      writePins(pinsDir, owner, [...releases.values()].filter(inUse).map((r) => r.id))
    } catch (err) {
      log('warn', 'could not write release pins', { err: String(err).slice(0, 200) })
    }
  }

  function readPages(root: string): Map<number, Buffer> {
    const pages = new Map<number, Buffer>()
    for (const code of ERROR_CODES) {
      const file = code === 404 ? path.join(root, 'client', '404.html') : path.join(root, 'client', 'errors', String(code), 'index.html')
      try {
        pages.set(code, fs.readFileSync(file))
      } catch {}
    }
    return pages
  }

  function load(id: string): Release | null {
    const existing = releases.get(id)
    if (existing) return existing
    if (Date.now() - (failedAt.get(id) ?? -Infinity) < 30_000) return null
    const root = path.join(releasesDir, id)
    let release: Release
    try {
      let scriptHashes: string[] = []
      let takesParsedForms = false
      try {
        scriptHashes = (JSON.parse(fs.readFileSync(path.join(root, 'csp.json'), 'utf8')) as { scriptHashes?: string[] }).scriptHashes ?? []
        takesParsedForms = true
      } catch {}
      release = {
        id,
        root,
        ready: false,
        failed: false,
        inFlight: 0,
        pages: readPages(root),
        scriptHashes,
        takesParsedForms,
        routes: readRoutes(path.join(root, 'client')),
        serveStatic: sirv(path.join(root, 'client'), { etag: true, extensions: ['html'], dotfiles: false, brotli: true, gzip: true, setHeaders: (res, pathname) => setStaticHeaders(res, pathname) }) as Handler,
        serveApp: import(pathToFileURL(path.join(root, 'server', 'entry.mjs')).href).then((m) => m.handler as Handler),
      }
    } catch (err) {
      failedAt.set(id, Date.now())
      log('error', 'release could not be loaded', { release: id, err: String(err).slice(0, 300) })
      return null
    }
    release.serveApp.then(
      () => (release.ready = true),
      (err) => {
        release.failed = true
        failedAt.set(id, Date.now())
        releases.delete(id)
        pin()
        log('error', 'release server failed to load', { release: id, err: String(err).slice(0, 500) })
      },
    )
    releases.set(id, release)
    forgetOld()
    pin()
    if (++loads === (options.recycleAfter ?? Infinity) + 1) options.onRecycle?.()
    return release
  }

  /** Forgets releases no longer in use (their files may then be pruned). */
  function forgetOld() {
    for (const [id, r] of releases) if (!inUse(r)) releases.delete(id)
  }

  const onDisk = (r: Release) => fs.existsSync(path.join(r.root, 'client'))

  /**
   * The release to serve this request. A newly switched release is loaded in the background and
   * served once its server code is ready; until then the previous one answers — unless it is gone
   * from disk, then the request waits for the new one (never an ENOENT from a deleted release).
   */
  async function currentRelease(): Promise<Release | null> {
    let id: string | null = null
    try {
      id = fs.readlinkSync(path.join(releasesDir, 'current'))
    } catch {}
    if (active && active.id === id) return active
    const next = id ? load(id) : null
    if (next && (next.ready || !active || !onDisk(active))) {
      if (!next.ready) await next.serveApp.catch(() => {})
      if (!next.failed) {
        active = next
        forgetOld()
        pin()
        return active
      }
    }
    if (active && !onDisk(active)) {
      releases.delete(active.id)
      active = null
      pin()
    }
    return active
  }
  void currentRelease() // warm the live release before the first request

  let pinTimer: NodeJS.Timeout | null = null
  if (pinsDir) {
    pinTimer = setInterval(pin, PIN_REFRESH_MS)
    pinTimer.unref()
  }

  let proxyWarned = false
  function warnProxy(req: http.IncomingMessage) {
    if (proxyWarned || trust.hops > 0) return
    if (!PROXY_HEADERS.some((h) => req.headers[h] !== undefined)) return
    proxyWarned = true
    log('warn', '收到带 X-Forwarded-For 等代理头的请求，但没有设置 TRUST_PROXY：所有居民会被当作同一个地址，共用一份提交额度，而且表单来源检查可能失败。在 nginx 等反向代理后面运行时，请设置 TRUST_PROXY=1（代理不在本机时还要设置 TRUSTED_PROXIES）。', {
      proxy: req.socket.remoteAddress,
    })
  }

  function health(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): boolean {
    if (pathname !== '/_health/live' && pathname !== '/_health/ready') return false
    const json = (code: number, body: unknown) => {
      res.writeHead(code, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      res.end(JSON.stringify(body))
    }
    if (pathname === '/_health/live') {
      json(200, { status: 'ok' })
      return true
    }
    void currentRelease().then((release) => {
      let status: { lastAttempt?: { ok: boolean; at: string } } | null = null
      try {
        status = JSON.parse(fs.readFileSync(path.join(releasesDir, 'status.json'), 'utf8'))
      } catch {}
      const last = status?.lastAttempt ?? null
      const h = services.health
      const outbox = { state: h.state, since: h.since, detail: h.detail, pending: services.outbox.pending().length, refused: services.outbox.refused().length, lastForwardedAt: h.lastForwardedAt }
      const warnings = [
        ...(proxyWarned ? ['收到代理转发的请求，但没有设置 TRUST_PROXY。'] : []),
        ...(services.outbox.canQueue ? [] : ['没有设置 OUTBOX_PUBLIC_KEY：办理系统不可用时无法保存提交。']),
      ]
      const ready = Boolean(release) && !h.alarming
      json(ready ? 200 : 503, {
        status: !release ? 'no release' : h.alarming ? 'outbox blocked' : 'ready',
        release: production ? undefined : (release?.id ?? null),
        lastPublish: last ? { ok: last.ok, at: last.at } : null,
        outbox,
        warnings,
      })
    })
    return true
  }

  function sendPage(res: http.ServerResponse, release: Release | null, code: number, extra: Record<string, string> = {}) {
    if (res.headersSent) return res.end()
    const page = release?.pages.get(code)
    res.writeHead(code, { 'content-type': page ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...extra })
    res.end(page ?? FALLBACK_TEXT[code] ?? FALLBACK_TEXT[500])
  }

  /** Answers without reading (the rest of) a body the client is still sending: say so, then close the connection. */
  function refuseBody(req: http.IncomingMessage, res: http.ServerResponse, release: Release | null, code: number, extra: Record<string, string> = {}) {
    const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0
    if (hasBody) holdBody(req, res)
    sendPage(res, release, code, extra)
  }

  /** A form post from one of the site's own pages (the CSRF check Astro would do, but proxy-aware and configured at run time). */
  function sameSite(req: http.IncomingMessage): boolean {
    const origin = req.headers.origin
    if (!origin || origin === 'null') return false
    if (siteOrigins.has(origin)) return true
    const host = req.headers.host
    if (!host) return false
    // The scheme the browser used: TLS on this socket, or what a trusted proxy in front reports.
    const forwarded = String(req.headers['x-forwarded-proto'] ?? '').split(',').pop()?.trim()
    const scheme = isTrustedPeer(trust, req.socket.remoteAddress) && (forwarded === 'https' || forwarded === 'http') ? forwarded : 'encrypted' in req.socket ? 'https' : 'http'
    return origin === `${scheme}://${host}`
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const rawUrl = req.url ?? '/'
    if (rawUrl.length > 4096) return refuseBody(req, res, active, 414)
    const pathname = rawUrl.split('?')[0]
    warnProxy(req)
    if (health(req, res, pathname)) return
    const release = await currentRelease()
    if (!release) return refuseBody(req, res, null, 503, { 'retry-after': '10' })
    // Counted until the response is done: pruning and forgetting skip a release with requests running.
    release.inFlight++
    res.once('close', () => {
      // The last request on a release that is no longer served: let it go.
      if (--release.inFlight === 0 && release !== active) {
        forgetOld()
        pin()
      }
    })
    for (const [k, v] of Object.entries(securityHeaders(release.scriptHashes))) res.setHeader(k, v)
    if (!production) res.setHeader('x-release', release.id)

    const route = routeOf(pathname)
    const method = req.method ?? 'GET'
    if (method !== 'GET' && method !== 'HEAD') {
      if (method !== 'POST' || route.kind === 'static') return refuseBody(req, res, release, 405, { allow: route.kind === 'static' ? 'GET, HEAD' : 'GET, HEAD, POST' })
      if (!sameSite(req)) return refuseBody(req, res, release, 403)
      if (Number(req.headers['content-length'] ?? 0) > route.bodyLimit) return refuseBody(req, res, release, 413)
      const address = clientAddressOf(req.socket.remoteAddress, req.headers['x-forwarded-for'], trust)
      const wait = services.limits.attempt(route.kind, address)
      if (wait) return refuseBody(req, res, release, 429, { 'retry-after': String(wait) })
      // A release from before this server (during an upgrade, until the CMS has published anew).
      if (!release.takesParsedForms) return serveApp(req, res, release, {})
      // The body is read and parsed here, as it streams, within the route's limit and deadline; the
      // page gets the parsed form (and an empty body), so no release reads a body of its own.
      const body: BodyState = { limit: route.bodyLimit, exceeded: false, timedOut: false }
      const form = await readForm(req, String(req.headers['content-type'] ?? ''), route.parse, body, BODY_DEADLINE_MS[route.kind])
      if (!form || body.exceeded || body.timedOut) holdBody(req, res)
      ;(req as { body?: unknown }).body = Buffer.alloc(0)
      const locals: Record<string, unknown> = { [LOCALS_KEY]: { ...services, clientAddress: address, body, form } satisfies RequestServices }
      return serveApp(req, res, release, locals)
    }
    const decoded = (() => {
      try {
        return decodeURIComponent(pathname)
      } catch {
        return pathname
      }
    })()
    if (release.routes.noindex.some((re) => re.test(decoded))) res.setHeader('x-robots-tag', 'noindex, noarchive')
    if (answerGone(release, decoded, res)) return
    const shortUrl = shortUrlRedirect(pathname)
    if (shortUrl) {
      res.writeHead(301, { location: shortUrl, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=3600' })
      return void res.end(`请打开 ${shortUrl}`)
    }
    release.serveStatic(req, res, () => void serveApp(req, res, release, { [LOCALS_KEY]: { ...services, clientAddress: clientAddressOf(req.socket.remoteAddress, req.headers['x-forwarded-for'], trust), body: { limit: 0, exceeded: false, timedOut: false } } }))
  }

  async function serveApp(req: http.IncomingMessage, res: http.ServerResponse, release: Release, locals: Record<string, unknown>) {
    let app: Handler
    try {
      app = await release.serveApp
    } catch {
      return sendPage(res, release, 500)
    }
    await app(req, res, () => sendPage(res, release, 404), locals)
  }

  const server = http.createServer({ maxHeaderSize: 16 * 1024, requestTimeout: 10 * 60_000, headersTimeout: 20_000, keepAliveTimeout: 5_000 }, (req, res) => {
    const started = performance.now()
    if (accessLog) {
      res.on('finish', () => log('info', 'request', { method: req.method, path: (req.url ?? '').split('?')[0].slice(0, 200), status: res.statusCode, ms: Math.round(performance.now() - started) }))
    }
    handle(req, res).catch((err) => {
      log('error', 'request failed', { path: (req.url ?? '').split('?')[0].slice(0, 200), err: String(err).slice(0, 300) })
      if (!res.headersSent) sendPage(res, active, 500)
      else res.destroy()
    })
  })
  // A connection that sends nothing for a minute (a slow-loris body) is closed.
  server.timeout = 60_000
  server.on('clientError', (err, socket) => {
    if (!socket.writable) return socket.destroy()
    const code = (err as NodeJS.ErrnoException).code === 'HPE_HEADER_OVERFLOW' ? 431 : (err as NodeJS.ErrnoException).code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400
    const text = code === 431 ? '请求头太大，请清除本站的浏览器数据后重试。' : code === 408 ? '请求超时，请重试。' : '请求格式不对。'
    socket.end(`HTTP/1.1 ${code} ${http.STATUS_CODES[code]}\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`)
  })
  server.on('close', () => {
    if (pinTimer) clearInterval(pinTimer)
    if (pinsDir) removePins(pinsDir, owner)
  })
  return server
}

/**
 * Before answering a request whose body will not be read (to the end): stop reading it — no more of
 * it is received (the client's upload stalls) — and, after the answer, keep the connection open a
 * moment so the client, still uploading, reads the answer instead of a reset connection (as nginx's
 * lingering close does); then close it.
 */
function holdBody(req: http.IncomingMessage, res: http.ServerResponse) {
  // Marks the body as being consumed, so Node does not read and discard the rest after the answer.
  req.read(0)
  req.pause()
  if (!res.headersSent) res.setHeader('connection', 'close')
  // Node ends such a connection by destroying it once the answer is written, which resets it under
  // a client still sending; half-close instead, and destroy a little later.
  const socket = req.socket as typeof req.socket & { destroySoon?: () => void }
  socket.destroySoon = () => {
    socket.end()
    setTimeout(() => socket.destroy(), 2000).unref()
  }
}

function setStaticHeaders(res: http.ServerResponse, pathname: string) {
  res.setHeader('cache-control', cacheControlFor(pathname))
  // Types sirv's table does not know.
  if (pathname.endsWith('.ico')) res.setHeader('content-type', 'image/x-icon')
  // The notices feed is Atom, not generic XML (issue 15): feed readers and browsers recognise it.
  else if (pathname === '/feed.xml') res.setHeader('content-type', 'application/atom+xml; charset=utf-8')
}

/** Stops accepting connections and waits for requests in flight (up to `graceMs`). */
export function stopPublicServer(server: http.Server, graceMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      server.closeAllConnections()
      resolve()
    }, graceMs)
    force.unref()
    server.close(() => {
      clearTimeout(force)
      resolve()
    })
    server.closeIdleConnections()
  })
}
