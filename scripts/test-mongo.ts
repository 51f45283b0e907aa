/**
 * `npm run test:mongo`: the integration suite on the MongoDB adapter. Uses DATABASE_URI when it is
 * a mongodb:// URL (a real replica set), otherwise a local FerretDB that this script starts and stops.
 */
import { spawnSync } from 'node:child_process'
import { startFerretDB } from './lib/ferretdb'

const given = process.env.DATABASE_URI
let stop = async () => {}
let uri: string
const env: NodeJS.ProcessEnv = { ...process.env }
if (given && /^mongodb(\+srv)?:\/\//.test(given)) {
  uri = given
  console.log('MongoDB-wire suite against DATABASE_URI')
} else {
  const ferret = await startFerretDB()
  uri = ferret.uri
  stop = ferret.stop
  // Lets the at-rest test read the server's own files (only when we own the server).
  env.TEST_MONGODB_DATA_DIR = ferret.dataDir
  process.env.MONGODB_COMPAT = 'ferretdb'
  console.log(`MongoDB-wire suite against a local FerretDB at ${uri}`)
}
// Paths given on the command line narrow the run; by default the whole integration suite.
const extra = process.argv.slice(2)
const targets = extra.some((a) => !a.startsWith('-')) ? extra : ['tests/integration', ...extra]
const result = spawnSync(
  'vitest',
  ['run', '--config', 'tests/vitest.config.ts', ...targets],
  { stdio: 'inherit', env: { ...env, MONGODB_COMPAT: process.env.MONGODB_COMPAT, TEST_MONGODB_URI: uri } },
)
await stop()
process.exit(result.status ?? 1)
