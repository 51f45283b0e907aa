import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import sirv from 'sirv'

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void
type Release = { id: string; serveStatic: Handler; serveApp: Promise<Handler>; notFound: Buffer | null }

/**
 * The public server: serves whichever release `releases/current` points to. Each request resolves
 * the link once, so a switch takes effect for the next request while requests already running
 * finish on the release they started with (old releases stay on disk until pruned).
 */
export function createPublicServer({ releasesDir }: { releasesDir: string }) {
  const releases = new Map<string, Release>()

  function currentRelease(): Release | null {
    let id: string
    try {
      id = fs.readlinkSync(path.join(releasesDir, 'current'))
    } catch {
      return null
    }
    let release = releases.get(id)
    if (!release) {
      const root = path.join(releasesDir, id)
      const notFoundFile = path.join(root, 'client', '404.html')
      release = {
        id,
        serveStatic: sirv(path.join(root, 'client'), { etag: true, extensions: ['html'], dotfiles: false }) as Handler,
        serveApp: import(pathToFileURL(path.join(root, 'server', 'entry.mjs')).href).then((m) => m.handler as Handler),
        notFound: fs.existsSync(notFoundFile) ? fs.readFileSync(notFoundFile) : null,
      }
      releases.set(id, release)
      for (const old of releases.keys()) if (old !== id && releases.size > 3) releases.delete(old)
    }
    return release
  }

  const server = http.createServer((req, res) => {
    const release = currentRelease()
    if (!release) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '10' })
      res.end('网站正在发布，请稍后再试。')
      return
    }
    res.setHeader('x-release', release.id)
    res.setHeader('x-content-type-options', 'nosniff')
    res.setHeader('referrer-policy', 'same-origin')
    release.serveStatic(req, res, () => {
      release.serveApp.then(
        (app) =>
          app(req, res, () => {
            res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' })
            res.end(release.notFound ?? '页面未找到')
          }),
        (err) => {
          console.error(JSON.stringify({ level: 'error', msg: 'release server failed to load', release: release.id, err: String(err) }))
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
          res.end('服务器错误，请稍后再试。')
        },
      )
    })
  })
  return server
}
