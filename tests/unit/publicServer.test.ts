// Pure pieces of the public server: which address a request comes from, signed form timestamps,
// the limiter's window, sealed outbox entries, form parsing limits, file modes.
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { modeWarning, wideModes } from '../../cms/ops/fileModes'
import { generateOutboxKeyPair, openSealed, parsePublicKey, publicKeyOf, seal, SealError } from '../../cms/complaints/outboxSeal'
import { addressKey, clientAddressOf, normaliseAddress, parseProxyTrust } from '../../cms/domain/clientAddress'
import { verdictOf } from '../../site/lib/forms/cmsClient'
import { createFormTokens } from '../../site/lib/forms/formToken'
import { readForm, type BodyState } from '../../site/lib/forms/parseForm'
import { createFormLimits, RateLimiter } from '../../site/lib/forms/rateLimit'
import { routeOf } from '../../site/server/routes'

describe('client address', () => {
  const none = parseProxyTrust('0', undefined)
  const oneLocal = parseProxyTrust('1', undefined)
  const twoLan = parseProxyTrust('2', '10.0.0.0/8, 127.0.0.1')
  it.each([
    // [trust, socket peer, X-Forwarded-For, expected]
    ['no proxy trusted: the header is ignored', none, '127.0.0.1', '203.0.113.9', '127.0.0.1'],
    ['nginx on this host', oneLocal, '127.0.0.1', '203.0.113.9', '203.0.113.9'],
    ['a spoofed leftmost entry proves nothing', oneLocal, '127.0.0.1', '6.6.6.6, 203.0.113.9', '203.0.113.9'],
    ['a direct client cannot claim an address', oneLocal, '198.51.100.3', '203.0.113.9', '198.51.100.3'],
    ['IPv4-mapped socket address', oneLocal, '::ffff:127.0.0.1', '203.0.113.9', '203.0.113.9'],
    ['no header behind the proxy', oneLocal, '127.0.0.1', undefined, '127.0.0.1'],
    ['garbage in the header', oneLocal, '127.0.0.1', 'unknown', '127.0.0.1'],
    ['load balancer then nginx, both trusted', twoLan, '127.0.0.1', '6.6.6.6, 203.0.113.9, 10.1.2.3', '203.0.113.9'],
    ['second hop not from a trusted range stops there', twoLan, '127.0.0.1', '6.6.6.6, 198.51.100.7', '198.51.100.7'],
    ['port and brackets are dropped', oneLocal, '127.0.0.1', '[2001:db8::1]:443', '2001:db8::1'],
  ])('%s', (_label, trust, socket, header, expected) => {
    expect(clientAddressOf(socket, header, trust)).toBe(expected)
  })
  it('refuses a malformed TRUST_PROXY or TRUSTED_PROXIES with a Chinese message', () => {
    expect(() => parseProxyTrust('many', undefined)).toThrow(/TRUST_PROXY/)
    expect(() => parseProxyTrust('1', '10.0.0.0/99')).toThrow(/TRUSTED_PROXIES/)
    expect(() => parseProxyTrust('1', 'nginx.local')).toThrow(/不是 IP 地址/)
  })
  it('counts an IPv6 client by its /64, an IPv4 one by its address', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'))
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'))
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9')
    expect(normaliseAddress('203.0.113.9:8080')).toBe('203.0.113.9')
  })
})

describe('signed form timestamps', () => {
  const key = crypto.randomBytes(32)
  let now = 1_800_000_000_000
  const tokens = createFormTokens(key, () => now)
  const code = 'K7M2Q9XP4RTBZ'
  it.each([
    ['just issued: too fast', 1000, 'too-fast'],
    ['after a minute', 60_000, 'ok'],
    ['after a day and a bit', 25 * 3_600_000, 'expired'],
  ])('%s', (_l, later, expected) => {
    const t = tokens.issue(code)
    now += later
    expect(tokens.check(t, code)).toBe(expected)
  })
  it('is bound to its form and its key', () => {
    const t = tokens.issue(code)
    now += 60_000
    expect(tokens.check(t, 'ZZZZZZZZZZZZZ')).toBe('invalid')
    expect(createFormTokens(crypto.randomBytes(32), () => now).check(t, code)).toBe('invalid')
    expect(tokens.check(`${(now - 60_000).toString(36)}.${'A'.repeat(24)}`, code)).toBe('invalid')
    expect(tokens.check('', code)).toBe('invalid')
  })
})

describe('rate limits', () => {
  it('a sliding window that says how long to wait', () => {
    const l = new RateLimiter(2, 60_000)
    expect(l.take('a', 0)).toBe(0)
    expect(l.take('a', 10_000)).toBe(0)
    expect(l.take('a', 20_000)).toBe(40)
    expect(l.take('b', 20_000)).toBe(0)
    expect(l.take('a', 60_001)).toBe(0)
  })
  it('stays bounded under a flood of distinct keys', () => {
    const l = new RateLimiter(1, 60_000, 1000)
    for (let i = 0; i < 5000; i++) l.record(`k${i}`, i)
    expect(l.size).toBeLessThanOrEqual(1000)
  })
  it('counts accepted submissions per address and subject, and per address overall', () => {
    let now = 0
    const limits = createFormLimits({ perSubject: 2, perAddress: 3, attempts: 100, lookupsPerCode: 1, lookups: 10 }, () => now)
    const ok = (subject: string) => {
      const wait = limits.submissionWait('203.0.113.9', subject)
      if (!wait) limits.submissionAccepted('203.0.113.9', subject)
      return wait === 0
    }
    expect([ok('notice:1:1'), ok('notice:1:1'), ok('notice:1:1')]).toEqual([true, true, false])
    expect(ok('notice:1:2')).toBe(true)
    expect(ok('notice:1:3')).toBe(false) // the address's hourly total
    now += 3_600_001
    expect(ok('notice:1:3')).toBe(true)
  })
})

describe('sealed outbox entries', () => {
  const pair = generateOutboxKeyPair()
  const text = Buffer.from(JSON.stringify({ name: '李秀英', phone: '13900001234', content: '举报内容' }))
  it('open only with the CMS key that sealed them, and show nothing in the clear', () => {
    const e = seal(pair.publicKey, text)
    expect(JSON.stringify(e)).not.toContain('13900001234')
    expect(openSealed(e, [pair.privateKey]).equals(text)).toBe(true)
    expect(publicKeyOf(pair.privateKey)).toBe(pair.publicKey)
    // A rotated CMS keeps the old key after the new one.
    expect(openSealed(e, [generateOutboxKeyPair().privateKey, pair.privateKey]).equals(text)).toBe(true)
    expect(() => openSealed(e, [generateOutboxKeyPair().privateKey])).toThrow(SealError)
  })
  it('refuse any altered byte', () => {
    const e = seal(pair.publicKey, text)
    for (const field of ['ct', 'iv', 'tag', 'epk'] as const) {
      const raw = Buffer.from(e[field], 'base64url')
      raw[raw.length - 1] ^= 1
      expect(() => openSealed({ ...e, [field]: raw.toString('base64url') }, [pair.privateKey]), field).toThrow(SealError)
    }
    expect(() => openSealed({ ...e, kid: e.kid.replace(/./, 'x') }, [pair.privateKey])).toThrow(SealError)
  })
  it('refuse a malformed key with a Chinese message', () => {
    expect(() => parsePublicKey('ssh-ed25519 AAAA')).toThrow(/密钥格式不对/)
    expect(() => parsePublicKey(pair.privateKey)).toThrow(/密钥格式不对/)
  })
})

describe('CMS answers, as the forwarder reads them', () => {
  it.each([
    [{ ok: true, status: 201, body: {} }, 'stored'],
    [{ ok: false, status: 422, body: { code: 'invalid', field: 'category' } }, 'refused'],
    [{ ok: false, status: 400, body: { code: 'bad_request' } }, 'refused'],
    [{ ok: false, status: 401, body: { code: 'unauthorised' } }, 'auth'],
    [{ ok: false, status: 404, body: {} }, 'config'],
    [{ ok: false, status: 422, body: {} }, 'config'],
    [{ ok: false, status: 409, body: { code: 'unsealable' } }, 'key'],
    [{ ok: false, status: 0, body: null, unreachable: true }, 'unreachable'],
    [{ ok: false, status: 429, body: {} }, 'retry'],
  ] as const)('%j → %s', (res, verdict) => {
    expect(verdictOf(res as never)).toBe(verdict)
  })
})

describe('form parsing limits', () => {
  const state = (limit: number): BodyState => ({ limit, exceeded: false, timedOut: false })
  it('gives up on a body that stops arriving', async () => {
    const src = new PassThrough()
    const s = state(1000)
    const p = readForm(src, 'application/x-www-form-urlencoded', { maxFiles: 0, maxFileBytes: 0 }, s, 50)
    src.write('code=abc')
    expect(await p).toBeNull()
    expect(s.timedOut).toBe(true)
  })
  it('keeps the text before a file that is too large', async () => {
    const src = new PassThrough()
    const s = state(30 * 1024 * 1024)
    const p = readForm(src, 'multipart/form-data; boundary=b', { maxFiles: 3, maxFileBytes: 1024 }, s)
    src.write('--b\r\nContent-Disposition: form-data; name="content"\r\n\r\n情况说明\r\n--b\r\nContent-Disposition: form-data; name="attachments"; filename="照片.jpg"\r\n\r\n')
    src.write(Buffer.alloc(4096))
    const form = await p
    expect(s.exceeded).toBe(true)
    expect(form?.fields.get('content')).toBe('情况说明')
    expect(form?.files).toEqual([{ name: '照片.jpg', bytes: Buffer.alloc(0), tooLarge: true }])
  })
  it('routes: forms take up to 30 MB, tracking 16 KB, everything else nothing', () => {
    expect(routeOf('/interact/report/')).toMatchObject({ kind: 'form', bodyLimit: 30 * 1024 * 1024 })
    expect(routeOf('/interact/track')).toMatchObject({ kind: 'track', bodyLimit: 16 * 1024 })
    expect(routeOf('/interact/')).toMatchObject({ kind: 'static', bodyLimit: 0 })
    expect(routeOf('/interact/report/../../etc')).toMatchObject({ kind: 'static' })
  })
})

describe('file modes of the data folder', () => {
  it('finds what others can read, leaving the public releases alone', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ygjz-modes-'))
    try {
      fs.chmodSync(dir, 0o700)
      fs.writeFileSync(path.join(dir, 'cms.db'), '', { mode: 0o644 })
      fs.mkdirSync(path.join(dir, 'mail-outbox'), { mode: 0o755 })
      fs.writeFileSync(path.join(dir, 'mail-outbox', 'reset.json'), '{}', { mode: 0o600 })
      fs.mkdirSync(path.join(dir, 'releases'), { mode: 0o755 })
      fs.writeFileSync(path.join(dir, 'releases', 'index.html'), '', { mode: 0o644 })
      fs.chmodSync(path.join(dir, 'cms.db'), 0o644)
      fs.chmodSync(path.join(dir, 'mail-outbox'), 0o755)
      expect(wideModes(dir).map((p) => `${p.path} ${p.mode}`).sort()).toEqual(['cms.db 0644', 'mail-outbox 0755'])
      expect(modeWarning(dir)).toMatch(/chmod go-rwx/)
      fs.chmodSync(path.join(dir, 'cms.db'), 0o600)
      fs.chmodSync(path.join(dir, 'mail-outbox'), 0o700)
      expect(modeWarning(dir)).toBeNull()
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
