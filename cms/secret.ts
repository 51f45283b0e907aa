import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { dataDir } from './paths'

/**
 * PAYLOAD_SECRET signs sessions. In production it must come from the environment; on a
 * developer's machine a random one is created once under .data/ so nobody ships a fixed secret.
 */
export function payloadSecret(): string {
  const fromEnv = process.env.PAYLOAD_SECRET
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('PAYLOAD_SECRET 太短：至少 32 个字符，请用随机生成的值。')
    return fromEnv
  }
  if (process.env.NODE_ENV === 'production' && !process.env.ALLOW_GENERATED_SECRET) {
    throw new Error('生产环境必须设置 PAYLOAD_SECRET 环境变量（至少 32 个随机字符）。')
  }
  const file = path.join(dataDir, 'payload-secret')
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    fs.mkdirSync(dataDir, { recursive: true })
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
