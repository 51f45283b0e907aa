import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrationsDir, postgresMigrationsDir } from '../../cms/paths'
import { startTestPayload, testDatabaseKind, type TestPayload } from '../helpers/payload'

let t: TestPayload
beforeAll(async () => {
  t = await startTestPayload()
})
afterAll(async () => {
  await t?.close()
})

// Each SQL database has its own committed set; MongoDB is schemaless and needs none.
const kind = testDatabaseKind()
const dir = kind === 'postgres' ? postgresMigrationsDir : migrationsDir
const command = kind === 'postgres' ? 'npm run db:migrate:create:postgres -- <name>' : 'npm run db:migrate:create -- <name>'

describe.skipIf(kind === 'mongodb')(`${kind} migrations`, () => {
  it(`match the Payload config (run \`${command}\` after changing a collection)`, async () => {
    const db = t.payload.db as unknown as {
      requireDrizzleKit: () => { generateDrizzleJson: (s: unknown) => Promise<unknown>; generateMigration: (a: unknown, b: unknown) => Promise<string[]> }
      schema: unknown
    }
    const { generateDrizzleJson, generateMigration } = db.requireDrizzleKit()
    const latest = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().at(-1)
    expect(latest, 'no migration snapshot committed').toBeTruthy()
    const before = JSON.parse(fs.readFileSync(path.join(dir, latest!), 'utf8'))
    const after = await generateDrizzleJson(db.schema)
    const pending = await generateMigration(before, after)
    expect(pending, `the config changed without a migration:\n${pending.join('\n')}`).toEqual([])
  })

  it('were all applied to the test database', async () => {
    const { docs } = await t.payload.find({ collection: 'payload-migrations', limit: 0 })
    const files = fs.readdirSync(dir).filter((f) => /^\d.*\.ts$/.test(f))
    expect(docs.length).toBe(files.length)
  })
})
