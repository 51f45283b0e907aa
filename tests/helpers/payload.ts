import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'

export type TestPayload = { payload: Payload; dataDir: string; kind: 'sqlite' | 'mongodb'; close: () => Promise<void> }

/**
 * Boots Payload on a throw-away database for one test file: a fresh SQLite file (migrated with
 * the committed migrations) or, under `npm run test:mongo`, a fresh database on the
 * MongoDB-wire server named by TEST_MONGODB_URI.
 */
export async function startTestPayload(): Promise<TestPayload> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ygjz-test-'))
  process.env.DATA_DIR = dataDir
  process.env.PAYLOAD_SECRET ??= crypto.randomBytes(32).toString('hex')
  const mongoBase = process.env.TEST_MONGODB_URI
  let kind: TestPayload['kind'] = 'sqlite'
  if (mongoBase) {
    kind = 'mongodb'
    const url = new URL(mongoBase)
    url.pathname = `/ygjz_${crypto.randomBytes(6).toString('hex')}`
    process.env.DATABASE_URI = url.toString()
  } else {
    delete process.env.DATABASE_URI
  }
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../cms/payload.config')
  const { migrateDatabase } = await import('../../cms/database')
  // A key per database: workers can run several test files, and getPayload caches on `global`.
  const payload = await getPayload({ config, key: dataDir })
  await migrateDatabase(payload)
  return {
    payload,
    dataDir,
    kind,
    close: async () => {
      if (kind === 'mongodb') await payload.db.dropDatabase?.({ adapter: payload.db } as never).catch(() => {})
      await payload.destroy()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
