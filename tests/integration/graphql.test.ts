import { configToSchema } from '@payloadcms/graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
beforeAll(async () => {
  t = await startTestPayload()
})
afterAll(async () => {
  await t?.close()
})

// Anonymous GraphQL queries are checked over HTTP in tests/e2e/smoke.test.ts.
describe('GraphQL API', () => {
  it('builds a valid schema for every collection (enum values must be ASCII names)', () => {
    const { schema } = configToSchema(t.payload.config)
    const unit = schema.getType('Standard_unit') as { getValues: () => { value: string }[] } | undefined
    expect(unit?.getValues().map((v) => v.value)).toContain('person-year')
  })
})
