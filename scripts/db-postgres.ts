/**
 * `npm run db:migrate:create:postgres -- <name>`: writes the PostgreSQL migration for a changed
 * collection into cms/migrations-postgres/ (the drift test fails until you do), like
 * `npm run db:migrate:create` does for SQLite. Against DATABASE_URI when it is a postgres:// URL,
 * otherwise a throw-away cluster: the committed migrations are applied first, then the new one is
 * generated from the difference.
 */
import { spawnSync } from 'node:child_process'
import { startPostgres } from './lib/postgres'

const name = process.argv[2]
if (!name) {
  console.error('用法：npm run db:migrate:create:postgres -- <迁移名称>')
  process.exit(2)
}
const given = process.env.DATABASE_URI
let stop = async () => {}
let uri = given ?? ''
if (!given || !/^postgres(ql)?:\/\//.test(given)) {
  const pg = await startPostgres()
  uri = pg.uri.replace(/\/postgres$/, '/ygjz_migrations')
  stop = pg.stop
}
const env = { ...process.env, DATABASE_URI: uri }
let status = spawnSync('payload', ['migrate'], { stdio: 'inherit', env }).status
if (status === 0) status = spawnSync('payload', ['migrate:create', name], { stdio: 'inherit', env }).status
await stop()
process.exit(status ?? 1)
