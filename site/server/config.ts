import path from 'node:path'
import { parsePublicKey } from '../../cms/complaints/outboxSeal'
import { parseProxyTrust, type ProxyTrust } from '../../cms/domain/clientAddress'
import { limitSettingsFromEnv, type LimitSettings } from '../lib/forms/rateLimit'

/**
 * The public server's whole configuration, from its own environment. It holds the public-form key
 * and the CMS address — nothing that signs sessions, hashes ID numbers or opens the database.
 *
 * | variable | meaning (default) |
 * |---|---|
 * | PUBLIC_HOST, PUBLIC_PORT | where it listens (127.0.0.1, 4321) |
 * | PUBLIC_SITE_URL | the address residents use, e.g. https://jiuzhu.example.gov.cn (several: comma-separated); form posts must come from it |
 * | RELEASES_DIR | the releases the CMS publishes (DATA_DIR/releases) |
 * | RELEASE_PINS_DIR | where it tells the CMS which releases are in use (RELEASES_DIR/.pins) |
 * | CMS_URL, PUBLIC_FORM_KEY | the CMS's address and the least-privilege key for its public-forms endpoints |
 * | OUTBOX_DIR, OUTBOX_PUBLIC_KEY | the outbox folder (DATA_DIR/outbox) and the CMS's public key entries are sealed to |
 * | TRUST_PROXY, TRUSTED_PROXIES | proxy hops in front (0) and the addresses they connect from (loopback) |
 * | FORM_SUBMIT_LIMIT, FORM_ADDRESS_LIMIT, FORM_ATTEMPT_LIMIT, FORM_TRACK_CODE_LIMIT, FORM_TRACK_LIMIT | rate limits (see rateLimit.ts) |
 */
export type PublicServerConfig = {
  host: string
  port: number
  production: boolean
  siteOrigins: string[]
  releasesDir: string
  pinsDir: string
  cmsUrl: string
  publicFormKey: string
  outboxDir: string
  outboxPublicKey: string | null
  trust: ProxyTrust
  limits: LimitSettings
}

/** Variables that belong to the CMS only; the public server refuses to keep them in its environment. */
export const CMS_ONLY_VARIABLES = ['PAYLOAD_SECRET', 'ID_HASH_KEY', 'DATABASE_URI', 'OUTBOX_PRIVATE_KEY', 'SMTP_PASS', 'SMTP_USER'] as const

function origins(text: string | undefined): string[] {
  const out: string[] = []
  for (const part of (text ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    let url: URL
    try {
      url = new URL(part)
    } catch {
      throw new Error(`PUBLIC_SITE_URL 中的“${part}”不是网址，应写成 https://域名（多个用逗号分隔）。`)
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`PUBLIC_SITE_URL 中的“${part}”应以 https:// 开头。`)
    out.push(url.origin)
  }
  return out
}

export function publicServerConfig(env: NodeJS.ProcessEnv = process.env): PublicServerConfig {
  const dataDir = path.resolve(env.DATA_DIR ?? path.join(env.PROJECT_ROOT ?? process.cwd(), '.data'))
  const releasesDir = path.resolve(env.RELEASES_DIR ?? path.join(dataDir, 'releases'))
  const port = Number(env.PUBLIC_PORT ?? 4321)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PUBLIC_PORT 的值“${env.PUBLIC_PORT}”不是端口号。`)
  const production = env.NODE_ENV === 'production'
  const publicFormKey = env.PUBLIC_FORM_KEY ?? ''
  if (production && publicFormKey.length < 32) throw new Error('生产环境必须设置 PUBLIC_FORM_KEY（至少 32 个字符，与 CMS 的相同）。')
  const outboxPublicKey = env.OUTBOX_PUBLIC_KEY?.trim() || null
  if (outboxPublicKey) parsePublicKey(outboxPublicKey) // a malformed key stops the start, with what is wrong
  return {
    host: env.PUBLIC_HOST ?? '127.0.0.1',
    port,
    production,
    siteOrigins: origins(env.PUBLIC_SITE_URL),
    releasesDir,
    pinsDir: path.resolve(env.RELEASE_PINS_DIR ?? path.join(releasesDir, '.pins')),
    cmsUrl: env.CMS_URL ?? 'http://127.0.0.1:3000',
    publicFormKey,
    outboxDir: path.resolve(env.OUTBOX_DIR ?? path.join(dataDir, 'outbox')),
    outboxPublicKey,
    trust: parseProxyTrust(env.TRUST_PROXY, env.TRUSTED_PROXIES),
    limits: limitSettingsFromEnv(env),
  }
}
