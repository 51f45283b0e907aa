import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import sirv from 'sirv'

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void
type Release = { id: string; serveStatic: Handler; serveApp: Promise<Handler>; notFound: Buffer | null; routes: ReleaseRoutes }

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
function answerGone(release: Release, clientDir: string, pathname: string, res: http.ServerResponse): boolean {
  const hit = release.routes.gone.find((g) => pathname === g.prefix || pathname === g.prefix.replace(/\/$/, '') || (g.prefix.endsWith('/') && pathname.startsWith(g.prefix)))
  if (!hit) return false
  let body: Buffer | string = '此信息已撤下，不再在网上公开。'
  try {
    body = fs.readFileSync(path.join(clientDir, hit.page, 'index.html'))
  } catch {}
  res.writeHead(410, { 'content-type': 'text/html; charset=utf-8', 'x-robots-tag': 'noindex, noarchive', 'cache-control': 'public, max-age=300' })
  res.end(body)
  return true
}

/** One JSON line per event; paths only (no query strings: a tracking code must not reach a log). */
export const log = (level: 'info' | 'warn' | 'error', msg: string, extra: Record<string, unknown> = {}) =>
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...extra })}\n`)

/**
 * The public server: serves whichever release `releases/current` points to. Each request resolves
 * the link once, so a switch takes effect for the next request while requests already running
 * finish on the release they started with (old releases stay on disk until pruned).
 */
export function createPublicServer({ releasesDir, accessLog = true }: { releasesDir: string; accessLog?: boolean }) {
  const releases = new Map<string, Release & { ready: boolean }>()
  let active: (Release & { ready: boolean }) | null = null

  function load(id: string) {
    let release = releases.get(id)
    if (!release) {
      const root = path.join(releasesDir, id)
      const notFoundFile = path.join(root, 'client', '404.html')
      const entry: Release & { ready: boolean } = {
        id,
        ready: false,
        serveStatic: sirv(path.join(root, 'client'), { etag: true, extensions: ['html'], dotfiles: false }) as Handler,
        serveApp: import(pathToFileURL(path.join(root, 'server', 'entry.mjs')).href).then((m) => m.handler as Handler),
        notFound: fs.existsSync(notFoundFile) ? fs.readFileSync(notFoundFile) : null,
        routes: readRoutes(path.join(root, 'client')),
      }
      entry.serveApp.then(
        () => (entry.ready = true),
        () => releases.delete(id),
      )
      releases.set(id, entry)
      for (const old of releases.keys()) if (old !== id && old !== active?.id && releases.size > 3) releases.delete(old)
      release = entry
    }
    return release
  }

  /**
   * The release to serve this request. A newly switched release is loaded in the background and
   * served once its server code is ready; until then the previous one answers, so a switch never
   * makes requests wait for module loading.
   */
  function currentRelease(): Release | null {
    let id: string
    try {
      id = fs.readlinkSync(path.join(releasesDir, 'current'))
    } catch {
      return active
    }
    if (active?.id === id) return active
    const next = load(id)
    if (next.ready || !active) active = next
    return active
  }
  currentRelease() // warm the live release before the first request

  function health(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    const url = req.url ?? ''
    if (url !== '/_health/live' && url !== '/_health/ready') return false
    const json = (code: number, body: unknown) => {
      res.writeHead(code, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      res.end(JSON.stringify(body))
    }
    if (url === '/_health/live') {
      json(200, { status: 'ok' })
      return true
    }
    const release = currentRelease()
    let status: unknown = null
    try {
      status = JSON.parse(fs.readFileSync(path.join(releasesDir, 'status.json'), 'utf8'))
    } catch {}
    const last = (status as { lastAttempt?: { ok: boolean; at: string } } | null)?.lastAttempt ?? null
    json(release ? 200 : 503, {
      status: release ? 'ready' : 'no release',
      release: release?.id ?? null,
      lastPublish: last ? { ok: last.ok, at: last.at } : null,
    })
    return true
  }

  const server = http.createServer((req, res) => {
    const started = performance.now()
    if (accessLog) {
      res.on('finish', () =>
        log('info', 'request', { method: req.method, path: (req.url ?? '').split('?')[0], status: res.statusCode, ms: Math.round(performance.now() - started) }),
      )
    }
    if (health(req, res)) return
    const release = currentRelease()
    if (!release) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '10' })
      res.end('网站正在发布，请稍后再试。')
      return
    }
    res.setHeader('x-release', release.id)
    res.setHeader('x-content-type-options', 'nosniff')
    res.setHeader('referrer-policy', 'same-origin')
    res.setHeader('x-frame-options', 'SAMEORIGIN')
    const pathname = (() => {
      try {
        return decodeURIComponent((req.url ?? '/').split('?')[0])
      } catch {
        return (req.url ?? '/').split('?')[0]
      }
    })()
    if (release.routes.noindex.some((re) => re.test(pathname))) res.setHeader('x-robots-tag', 'noindex, noarchive')
    if ((req.method === 'GET' || req.method === 'HEAD') && answerGone(release, path.join(releasesDir, release.id, 'client'), pathname, res)) return
    release.serveStatic(req, res, () => {
      release.serveApp.then(
        (app) =>
          app(req, res, () => {
            res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' })
            res.end(release.notFound ?? '页面未找到')
          }),
        (err) => {
          log('error', 'release server failed to load', { release: release.id, err: String(err).slice(0, 500) })
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
          res.end('服务器错误，请稍后再试。')
        },
      )
    })
  })
  return server
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
