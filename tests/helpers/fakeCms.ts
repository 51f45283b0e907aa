import http from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * Stands in for the CMS's public-forms endpoints where a test is about the public server alone:
 * takes every submission with the right key (201 and a receipt), answers status lookups, and
 * records what it was sent.
 */
export async function fakeCms(key: string) {
  const received: Record<string, any>[] = []
  const lookups: Record<string, any>[] = []
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {}
    const json = (status: number, b: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(b))
    }
    if (req.headers['x-public-form-key'] !== key) return json(401, { ok: false, code: 'unauthorised', message: '公开网站的表单密钥不正确。' })
    if (req.url === '/api/public-forms/submit') {
      received.push(body)
      return json(201, { ok: true, trackingCode: body.trackingCode, acknowledgeDue: '2026-12-15', resolveDue: '2027-01-30' })
    }
    if (req.url === '/api/public-forms/track' || req.url === '/api/public-forms/feedback') {
      lookups.push(body)
      return json(200, {
        ok: true,
        status: { trackingCode: body.trackingCode, statusLabel: '已收到', category: '资金发放', receivedOn: '2026-12-01', acknowledgeDue: null, resolveDue: null, extended: false, paused: false, timeline: [{ on: '2026-12-01', event: '已收到', note: null }], reply: null, repliedOn: null, canGiveFeedback: false, feedback: null },
      })
    }
    json(404, { ok: false, code: 'not_found' })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    lookups,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()) }),
  }
}
