// A tiny static server for a built client dir on 127.0.0.1 (like the public server's static side).
import http from 'node:http'
import fs from 'node:fs'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import sirv from 'sirv'

export async function serveStatic(clientDir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const serve = sirv(clientDir, { etag: true, extensions: ['html'], dotfiles: false })
  const notFound = fs.readFileSync(path.join(clientDir, '404.html'))
  const server = http.createServer((req, res) =>
    serve(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' })
      res.end(notFound)
    }),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()) }),
  }
}
