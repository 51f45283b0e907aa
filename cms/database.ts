import path from 'node:path'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj, Payload } from 'payload'
import { migrations } from './migrations'
import { migrations as postgresMigrations } from './migrations-postgres'
import { dataDir, migrationsDir, postgresMigrationsDir } from './paths'

export type DatabaseKind = 'sqlite' | 'postgres' | 'mongodb'
/** The databases whose tables Payload defines through Drizzle (one bulk path, committed migrations). */
export type SqlKind = Exclude<DatabaseKind, 'mongodb'>

/**
 * `mongodb://` / `mongodb+srv://` in DATABASE_URI selects MongoDB, `postgres://` / `postgresql://`
 * selects PostgreSQL (and PostgreSQL-compatible servers such as KingbaseES or HighGo); anything else
 * is the embedded SQLite file.
 */
export function databaseKind(uri = process.env.DATABASE_URI): DatabaseKind {
  if (uri && /^mongodb(\+srv)?:\/\//.test(uri)) return 'mongodb'
  if (uri && /^postgres(ql)?:\/\//.test(uri)) return 'postgres'
  return 'sqlite'
}

export const isSqlDatabase = (kind = databaseKind()): kind is SqlKind => kind !== 'mongodb'

/**
 * FerretDB (used to test the MongoDB path here) lacks transactions, $lookup, collation and
 * findAndModify with `fields`. MONGODB_COMPAT=ferretdb switches the adapter to what it supports;
 * the project never relies on those features anyway, so behaviour is the same on real MongoDB.
 */
export const isFerretDB = () => process.env.MONGODB_COMPAT === 'ferretdb'

export function sqliteFile(): string {
  const uri = process.env.DATABASE_URI
  if (uri?.startsWith('file:')) return uri
  return `file:${path.join(dataDir(), 'cms.db')}`
}

export function databaseAdapter(): DatabaseAdapterObj {
  const uri = process.env.DATABASE_URI
  const kind = databaseKind(uri)
  if (kind === 'mongodb') {
    return mongooseAdapter({
      url: uri!,
      ...(isFerretDB()
        ? { transactionOptions: false, useJoinAggregations: false, disableIndexHints: true }
        : {}),
    })
  }
  if (kind === 'postgres') {
    return postgresAdapter({
      pool: { connectionString: uri, max: Number(process.env.DATABASE_POOL_MAX ?? 10) },
      // Same ids as the SQLite adapter (random UUIDs: gen_random_uuid(), built in since PostgreSQL 13).
      idType: 'uuid',
      migrationDir: postgresMigrationsDir,
      push: false,
      prodMigrations: postgresMigrations,
      // Transactions stay on (the adapter's default): a failed save leaves nothing half-written.
    })
  }
  return sqliteAdapter({
    client: { url: sqliteFile() },
    idType: 'uuid',
    migrationDir: migrationsDir,
    // The schema only changes through committed migrations, never by drizzle "push".
    push: false,
    // A production server (NODE_ENV=production) applies pending migrations when it starts.
    prodMigrations: migrations,
  })
}

/** The committed migrations of the selected SQL database (MongoDB needs none: collections are schemaless). */
export function committedMigrations(kind = databaseKind()) {
  if (kind === 'postgres') return postgresMigrations
  if (kind === 'sqlite') return migrations
  return []
}

/**
 * Brings the database up to date: the committed schema migrations (SQL databases), then identifiers
 * still stored in plaintext (a database from before field encryption, or a restored old backup) are
 * encrypted in place, in resumable batches.
 */
export async function migrateDatabase(payload: Payload) {
  const kind = databaseKind()
  if (isSqlDatabase(kind)) await payload.db.migrate({ migrations: committedMigrations(kind) as never })
  const { encryptIdentifiersAtRest } = await import('./security/identifierStore')
  await encryptIdentifiersAtRest(payload)
  const { cleanUpInterruptedImports } = await import('./lists/storeList')
  await cleanUpInterruptedImports(payload)
}

/**
 * SQLite: several processes share the file (the CMS, `npm run import`, a second CMS on one host):
 * a writer waits up to 10 s for another's lock instead of failing at once with "database is locked".
 */
export async function prepareConnection(payload: Payload) {
  if (databaseKind() !== 'sqlite') return
  await (payload.db as unknown as { client: { execute: (q: string) => Promise<unknown> } }).client.execute('PRAGMA busy_timeout = 10000')
}

/** Human-readable name of the selected database for start-up messages (never the URI: it may hold a password). */
export function databaseLabel(kind = databaseKind()): string {
  return { sqlite: '内置 SQLite（.data/cms.db）', postgres: 'PostgreSQL（DATABASE_URI）', mongodb: 'MongoDB（DATABASE_URI）' }[kind]
}
