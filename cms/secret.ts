import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { dataDir } from './paths'

/**
 * PAYLOAD_SECRET signs sessions. In production it must come from the environment; on a
 * developer's machine a random one is created once under .data/ so nobody ships a fixed secret.
 */
export function payloadSecret(): string {
  return secretFromEnvOrFile('PAYLOAD_SECRET', 'payload-secret')
}

/**
 * The key of the keyed hash (HMAC) that matches households across months without raw ID numbers.
 * Separate from PAYLOAD_SECRET so that rotating session keys does not break month-over-month matching.
 */
export function idHashKey(): string {
  return secretFromEnvOrFile('ID_HASH_KEY', 'id-hash-key')
}

export function secretFromEnvOrFile(envName: string, fileName: string): string {
  const fromEnv = process.env[envName]
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error(`${envName} 太短：至少 32 个字符，请用随机生成的值。`)
    return fromEnv
  }
  if (process.env.NODE_ENV === 'production' && !process.env.ALLOW_GENERATED_SECRET) {
    throw new Error(`生产环境必须设置 ${envName} 环境变量（至少 32 个随机字符）。`)
  }
  const file = path.join(dataDir(), fileName)
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    fs.mkdirSync(dataDir(), { recursive: true })
    const secret = crypto.randomBytes(32).toString('hex')
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' })
      return secret
    } catch (err) {
      // Another process created it first: use theirs.
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8').trim()
      throw err
    }
  }
}
