import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrationsDir } from '../../cms/paths'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
beforeAll(async () => {
  t = await startTestPayload()
})
afterAll(async () => {
  await t?.close()
})

describe.skipIf(process.env.TEST_MONGODB_URI)('SQLite migrations', () => {
  it('match the Payload config (run `npm run db:migrate:create -- <name>` after changing a collection)', async () => {
    const db = t.payload.db as unknown as {
      requireDrizzleKit: () => { generateDrizzleJson: (s: unknown) => Promise<unknown>; generateMigration: (a: unknown, b: unknown) => Promise<string[]> }
      schema: unknown
    }
    const { generateDrizzleJson, generateMigration } = db.requireDrizzleKit()
    const latest = fs.readdirSync(migrationsDir).filter((f) => f.endsWith('.json')).sort().at(-1)
    expect(latest, 'no migration snapshot committed').toBeTruthy()
    const before = JSON.parse(fs.readFileSync(path.join(migrationsDir, latest!), 'utf8'))
    const after = await generateDrizzleJson(db.schema)
    const pending = await generateMigration(before, after)
    expect(pending, `the config changed without a migration:\n${pending.join('\n')}`).toEqual([])
  })

  it('were all applied to the test database', async () => {
    const { docs } = await t.payload.find({ collection: 'payload-migrations', limit: 0 })
    const files = fs.readdirSync(migrationsDir).filter((f) => /^\d.*\.ts$/.test(f))
    expect(docs.length).toBe(files.length)
  })
})
