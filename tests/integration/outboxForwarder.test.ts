// The forwarder against a CMS that misbehaves in each way it can: nothing queued is ever given up
// on, one file's own failure does not hold up the others, and configuration errors raise the alarm.
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateOutboxKeyPair } from '../../cms/complaints/outboxSeal'
import { createFormServices, type FormServices } from '../../site/lib/forms/services'
import { forwardOutbox } from '../../site/server/outboxForwarder'

let server: http.Server
let answer: (n: number) => { status: number; body: Record<string, unknown> } = () => ({ status: 201, body: { ok: true } })
let calls = 0
let dir: string
let services: FormServices

beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    for await (const _ of req) void _
    const a = answer(calls++)
    res.writeHead(a.status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(a.body))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ygjz-fwd-'))
  services = createFormServices({ cmsUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, publicFormKey: 'k'.repeat(40), outboxDir: dir, outboxPublicKey: generateOutboxKeyPair().publicKey })
})
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()))
  fs.rmSync(dir, { recursive: true, force: true })
})

const queue = (n: number) => {
  for (let i = 0; i < n; i++) services.outbox.enqueue(new Date().toISOString(), { n: i })
}

describe('the outbox forwarder', () => {
  it.each([
    [401, 'auth'],
    [403, 'auth'],
    [404, 'config'],
  ] as const)('on %i keeps every file, stops the round and raises the alarm (%s)', async (status, state) => {
    queue(3)
    calls = 0
    answer = () => ({ status, body: { ok: false } })
    expect(await forwardOutbox(services)).toMatchObject({ sent: 0, refused: 0, left: 3, state })
    expect(calls).toBe(1)
    expect(services.health.alarming).toBe(true)
    answer = () => ({ status: 201, body: { ok: true } })
    expect(await forwardOutbox(services)).toMatchObject({ sent: 3, left: 0, state: 'ok' })
    expect(services.health.alarming).toBe(false)
  })

  it('goes past a file that fails on its own, and retries it later rather than at once', async () => {
    queue(3)
    calls = 0
    answer = (n) => (n === 0 ? { status: 429, body: { ok: false } } : { status: 201, body: { ok: true } })
    expect(await forwardOutbox(services)).toMatchObject({ sent: 2, left: 1, state: 'ok' })
    calls = 0
    expect(await forwardOutbox(services)).toMatchObject({ sent: 0, left: 1 })
    expect(calls).toBe(0)
    expect(services.outbox.refused()).toHaveLength(0)
    for (const f of services.outbox.pending()) fs.rmSync(path.join(dir, f))
  })

  it('sets aside an unreadable file with the reason and goes on', async () => {
    fs.writeFileSync(path.join(dir, '00000000000001-1-000000.json'), 'not json')
    queue(1)
    answer = () => ({ status: 201, body: { ok: true } })
    expect(await forwardOutbox(services)).toMatchObject({ sent: 1, refused: 1, left: 0 })
    expect(fs.readFileSync(path.join(dir, 'refused', '00000000000001-1-000000.json.reason.txt'), 'utf8')).toContain('无法读取')
  })
})
