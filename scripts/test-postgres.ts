/**
 * `npm run test:postgres`: the integration suite on the PostgreSQL adapter. Uses DATABASE_URI when
 * it is a postgres:// URL (each test file creates and drops its own database there: the role needs
 * CREATEDB), otherwise a throw-away cluster that this script creates and removes (initdb + pg_ctl
 * from Debian's postgresql package, free port, temp dir).
 */
import { spawnSync } from 'node:child_process'
import { startPostgres } from './lib/postgres'

/** Databases named as tests/helpers/payload.ts names them (ygjz_ + 12 hex digits), nothing else. */
async function dropLeftoverTestDatabases(base: string) {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: base })
  await client.connect()
  try {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname ~ '^ygjz_[0-9a-f]{12}$'`)
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {})
  } finally {
    await client.end()
  }
}

const given = process.env.DATABASE_URI
let stop = async () => {}
let uri: string
const env: NodeJS.ProcessEnv = { ...process.env }
if (given && /^postgres(ql)?:\/\//.test(given)) {
  uri = given
  console.log('PostgreSQL suite against DATABASE_URI')
} else {
  const pg = await startPostgres()
  uri = pg.uri
  stop = pg.stop
  // Lets the at-rest test read the cluster's own files (only when we own the cluster).
  env.TEST_POSTGRES_DATA_DIR = pg.dataDir
  env.PG_BIN_DIR = pg.binDir
  console.log(`PostgreSQL suite against a throw-away cluster at ${uri} (${pg.binDir})`)
}
// Paths given on the command line narrow the run; by default the whole integration suite.
const extra = process.argv.slice(2)
const targets = extra.some((a) => !a.startsWith('-')) ? extra : ['tests/integration', ...extra]
delete env.TEST_MONGODB_URI
const result = spawnSync('vitest', ['run', '--config', 'tests/vitest.config.ts', ...targets], { stdio: 'inherit', env: { ...env, TEST_POSTGRES_URI: uri } })
// Test files drop their database without terminating connections (tests/helpers/payload.ts); one
// still in use then is dropped here, after the test processes are gone. A throw-away cluster goes whole.
if (given) await dropLeftoverTestDatabases(uri)
await stop()
process.exit(result.status ?? 1)
