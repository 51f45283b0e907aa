import { createRequire } from 'node:module'
import { configToSchema } from '@payloadcms/graphql'
import type { GraphQLSchema } from 'graphql'
import { createPayloadRequest, handleEndpoints, type Payload } from 'payload'

/**
 * The REST and GraphQL doors of a test Payload, in process: the same handlers Next.js mounts at
 * /api/* and /api/graphql (authentication from headers and cookies, CSRF, access, hooks), without
 * starting the admin server. `as` is a token from payload.login.
 */
export type Door = { payload: Payload; key: string }
export type Call = { token?: string; cookie?: string; origin?: string; body?: unknown; form?: FormData; headers?: Record<string, string> }

export const SAME_ORIGIN = 'http://localhost:3000'

function headersFor(c: Call): Headers {
  const h = new Headers(c.headers)
  if (c.token) h.set('Authorization', `JWT ${c.token}`)
  if (c.cookie) h.set('Cookie', `payload-token=${c.cookie}`)
  if (c.origin) h.set('Origin', c.origin)
  return h
}

export async function rest(door: Door, method: string, path: string, c: Call = {}): Promise<Response> {
  const { payload, key } = door
  const headers = headersFor(c)
  let body: BodyInit | undefined
  if (c.form) body = c.form
  else if (c.body !== undefined) {
    headers.set('Content-Type', 'application/json')
    body = JSON.stringify(c.body)
  }
  const request = new Request(`${SAME_ORIGIN}/api${path}`, { method, headers, body })
  return handleEndpoints({ config: payload.config, request, payloadInstanceCacheKey: key } as never)
}

// The copy of graphql that @payloadcms/graphql loads (its CommonJS main), not the bundler's ESM one:
// a schema built by one copy cannot be executed by the other.
const { graphql } = createRequire(import.meta.url)('graphql') as typeof import('graphql')
const schemas = new WeakMap<object, GraphQLSchema>()

export async function gql(door: Door, query: string, c: Call = {}, variables?: Record<string, unknown>): Promise<{ data?: Record<string, any> | null; errors?: { message: string; extensions?: { statusCode?: number } }[] }> {
  let schema = schemas.get(door.payload.config)
  if (!schema) {
    schema = configToSchema(door.payload.config).schema
    schemas.set(door.payload.config, schema)
  }
  const request = new Request(`${SAME_ORIGIN}/api/graphql`, { method: 'POST', headers: headersFor(c) })
  const req = await createPayloadRequest({ config: door.payload.config, request, payloadInstanceCacheKey: door.key } as never)
  const result = await graphql({ schema, source: query, contextValue: { req, headers: {} }, variableValues: variables })
  return JSON.parse(JSON.stringify(result))
}
