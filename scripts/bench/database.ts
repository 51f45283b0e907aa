/**
 * Which database the benchmarks run on: a fresh database on the PostgreSQL or MongoDB server named
 * by DATABASE_URI (created here, dropped at the end), a throw-away PostgreSQL cluster with
 * `--postgres`, or by default a temporary SQLite file. Returns the kind and a clean-up function.
 */
import crypto from 'node:crypto'
import { startPostgres } from '../lib/postgres'

export async function selectBenchDatabase(argv: string[]): Promise<{ kind: 'sqlite' | 'postgres' | 'mongodb'; cleanUp: () => Promise<void> }> {
  const name = `ygjz_bench_${crypto.randomBytes(4).toString('hex')}`
  let given = process.env.DATABASE_URI
  let stopCluster = async () => {}
  if (argv.includes('--postgres') && !(given && /^postgres(ql)?:\/\//.test(given))) {
    const pg = await startPostgres()
    given = pg.uri
    stopCluster = pg.stop
  }
  if (given && /^postgres(ql)?:\/\//.test(given)) {
    const url = new URL(given)
    const { default: pg } = await import('pg')
    const admin = async (sql: string) => {
      const c = new pg.Client({ connectionString: given })
      await c.connect()
      await c.query(sql).finally(() => c.end())
    }
    await admin(`CREATE DATABASE "${name}"`)
    url.pathname = `/${name}`
    process.env.DATABASE_URI = url.toString()
    return {
      kind: 'postgres',
      cleanUp: async () => {
        await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {})
        await stopCluster()
      },
    }
  }
  if (given && /^mongodb(\+srv)?:\/\//.test(given)) {
    const url = new URL(given)
    url.pathname = `/${name}`
    process.env.DATABASE_URI = url.toString()
    return {
      kind: 'mongodb',
      cleanUp: async () => {
        const { MongoClient } = await import('mongodb')
        const c = await MongoClient.connect(process.env.DATABASE_URI!)
        await c.db(name).dropDatabase().finally(() => c.close())
      },
    }
  }
  delete process.env.DATABASE_URI
  return { kind: 'sqlite', cleanUp: async () => {} }
}
