import path from 'node:path'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj, Payload } from 'payload'
import { migrations } from './migrations'
import { dataDir, migrationsDir } from './paths'

export type DatabaseKind = 'sqlite' | 'mongodb'

/** `mongodb://` or `mongodb+srv://` in DATABASE_URI selects MongoDB; anything else is the embedded SQLite file. */
export function databaseKind(uri = process.env.DATABASE_URI): DatabaseKind {
  return uri && /^mongodb(\+srv)?:\/\//.test(uri) ? 'mongodb' : 'sqlite'
}

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
  if (databaseKind(uri) === 'mongodb') {
    return mongooseAdapter({
      url: uri!,
      ...(isFerretDB()
        ? { transactionOptions: false, useJoinAggregations: false, disableIndexHints: true }
        : {}),
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

/** Applies the committed SQLite migrations (MongoDB needs none: collections are schemaless). */
export async function migrateDatabase(payload: Payload) {
  if (databaseKind() === 'sqlite') await payload.db.migrate({ migrations: migrations as never })
}
