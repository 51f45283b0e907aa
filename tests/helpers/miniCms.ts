import http from 'node:http'
import { createLocalReq, type Payload } from 'payload'
import { publicFormEndpoints } from '../../cms/endpoints/publicForms'

/**
 * Serves only the public-forms endpoints of a test Payload over HTTP, as the real CMS does at
 * /api/public-forms/* — enough for the public server to talk to, and cheap to stop and restart.
 */
export function miniCms(payload: Payload) {
  return http.createServer(async (req, res) => {
    const endpoint = publicFormEndpoints.find((e) => `/api${e.path}` === req.url && e.method === req.method?.toLowerCase())
    if (!endpoint) {
      res.writeHead(404).end()
      return
    }
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const body = Buffer.concat(chunks).toString('utf8')
    const preq = await createLocalReq({}, payload)
    ;(preq as { headers: Headers }).headers = new Headers(Object.entries(req.headers).map(([k, v]): [string, string] => [k, String(v)]))
    ;(preq as { json: () => Promise<unknown> }).json = async () => JSON.parse(body)
    const out = (await endpoint.handler(preq)) as Response
    res.writeHead(out.status, { 'content-type': 'application/json' })
    res.end(Buffer.from(await out.arrayBuffer()))
  })
}
