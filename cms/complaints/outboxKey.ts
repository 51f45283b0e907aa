import fs from 'node:fs'
import path from 'node:path'
import { dataDir } from '../paths'
import { generateOutboxKeyPair, parsePrivateKey, publicKeyOf } from './outboxSeal'

/**
 * The CMS's outbox key pair. OUTBOX_PRIVATE_KEY holds one private key, or several separated by
 * commas/new lines during a rotation (newest first: its public half is what the public server
 * should seal to; older ones still open entries queued before the switch). On a developer machine a
 * key is generated once into .data/outbox-key; production must set the variable.
 */
export function outboxPrivateKeys(): string[] {
  const fromEnv = process.env.OUTBOX_PRIVATE_KEY
  if (fromEnv) {
    const keys = fromEnv.split(/[\s,]+/).filter(Boolean)
    keys.forEach(parsePrivateKey) // a malformed key fails at start-up with a Chinese message, not at the first entry
    return keys
  }
  if (process.env.NODE_ENV === 'production' && !process.env.ALLOW_GENERATED_SECRET) {
    throw new Error('生产环境必须设置 OUTBOX_PRIVATE_KEY（用 npm run outbox-key 生成一对密钥：私钥给 CMS，公钥给公开网站）。')
  }
  const file = path.join(dataDir(), 'outbox-key')
  try {
    return [fs.readFileSync(file, 'utf8').trim()]
  } catch {
    fs.mkdirSync(dataDir(), { recursive: true, mode: 0o700 })
    try {
      fs.writeFileSync(file, generateOutboxKeyPair().privateKey, { mode: 0o600, flag: 'wx' })
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    }
    return [fs.readFileSync(file, 'utf8').trim()]
  }
}

/** What the public server seals to (OUTBOX_PUBLIC_KEY there). */
export const outboxPublicKey = (): string => publicKeyOf(outboxPrivateKeys()[0])
