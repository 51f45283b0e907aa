import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'

export type TestPayload = { payload: Payload; dataDir: string; kind: 'sqlite' | 'postgres' | 'mongodb'; close: () => Promise<void> }

/** The database kind the integration suite runs on (`npm run test:postgres` / `npm run test:mongo` set it). */
export const testDatabaseKind = (): TestPayload['kind'] => (process.env.TEST_POSTGRES_URI ? 'postgres' : process.env.TEST_MONGODB_URI ? 'mongodb' : 'sqlite')

/**
 * Boots Payload on a throw-away database for one test file: a fresh SQLite file (migrated with
 * the committed migrations), or under `npm run test:postgres` a fresh database on the PostgreSQL
 * server named by TEST_POSTGRES_URI (migrated with the committed PostgreSQL migrations), or under
 * `npm run test:mongo` a fresh database on the MongoDB-wire server named by TEST_MONGODB_URI.
 */
export async function startTestPayload(): Promise<TestPayload> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ygjz-test-'))
  process.env.DATA_DIR = dataDir
  process.env.PAYLOAD_SECRET ??= crypto.randomBytes(32).toString('hex')
  const mongoBase = process.env.TEST_MONGODB_URI
  const postgresBase = process.env.TEST_POSTGRES_URI
  let kind: TestPayload['kind'] = 'sqlite'
  let postgresDb = ''
  if (postgresBase) {
    kind = 'postgres'
    const url = new URL(postgresBase)
    postgresDb = `ygjz_${crypto.randomBytes(6).toString('hex')}`
    url.pathname = `/${postgresDb}`
    process.env.DATABASE_URI = url.toString()
    await createPostgresDatabase(postgresBase, postgresDb)
  } else if (mongoBase) {
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
      // The PostgreSQL adapter keeps one pooled client checked out for good. Every client is ended
      // here (a normal goodbye), so the database can be dropped without terminating connections: a
      // connection cut by `DROP … WITH (FORCE)` surfaced as an uncaught error in the test process.
      type Ends = { on: (e: string, f: () => void) => void; end: () => Promise<void> }
      const pool = (payload.db as unknown as { pool?: Ends & { _clients?: Ends[] } }).pool
      pool?.on('error', () => {})
      await payload.destroy()
      if (kind === 'postgres') {
        const clients = [...(pool?._clients ?? [])]
        for (const client of clients) client.on('error', () => {})
        // pool.end() would wait for the checked-out client to be released, which never happens.
        void pool?.end().catch(() => {})
        await Promise.race([Promise.allSettled(clients.map((c) => c.end())), new Promise((r) => setTimeout(r, 5000))])
        // Without FORCE: a database still in use is left to the end of the run (scripts/test-postgres.ts).
        await dropPostgresDatabase(postgresBase!, postgresDb)
      }
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

async function adminQuery(base: string, sql: string) {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: base })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** Test databases are created up front (the adapter could, but two workers may race on it). */
export const createPostgresDatabase = (base: string, name: string) => adminQuery(base, `CREATE DATABASE "${name}"`)
export const dropPostgresDatabase = (base: string, name: string) => adminQuery(base, `DROP DATABASE IF EXISTS "${name}"`).catch(() => {})
