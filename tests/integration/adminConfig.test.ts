// The admin's configuration as people meet it (issue 16): no Gravatar, the bureau's graphics, a Chinese
// label on every array row, and every custom component the config names present in the import map
// (a component missing there renders nothing in the built admin).
import fs from 'node:fs'
import path from 'node:path'
import type { Field } from 'payload'
import { describe, expect, it } from 'vitest'

const han = /[\u4e00-\u9fff]/

function* arrays(fields: Field[], where: string): Generator<{ where: string; field: Field & { type: 'array' } }> {
  for (const f of fields) {
    const name = 'name' in f ? f.name : f.type
    const admin = (f.admin ?? {}) as { hidden?: boolean; disabled?: boolean }
    const hidden = ('hidden' in f && f.hidden) || admin.hidden || admin.disabled
    if (f.type === 'array' && !hidden) yield { where: `${where}.${name}`, field: f }
    if ('fields' in f && Array.isArray(f.fields)) yield* arrays(f.fields as Field[], `${where}.${name}`)
    if (f.type === 'tabs') for (const tab of f.tabs) yield* arrays(tab.fields, `${where}.${'name' in tab ? tab.name : 'tab'}`)
  }
}

function componentPaths(value: unknown, out = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (typeof value === 'string') {
    if (/^\/components\/[^#]+#\w+$/.test(value)) out.add(value)
  } else if (value && typeof value === 'object' && !seen.has(value)) {
    seen.add(value)
    for (const v of Object.values(value)) componentPaths(v, out, seen)
  }
  return out
}

describe('admin configuration', async () => {
  const config = await (await import('../../cms/payload.config')).default

  it('shows initials, not Gravatar, and the bureau’s logo and icon', () => {
    expect(config.admin?.avatar).toBe('default')
    expect(config.admin?.components?.graphics?.Logo).toBeTruthy()
    expect(config.admin?.components?.graphics?.Icon).toBeTruthy()
  })

  // Payload's own collections (payload-jobs, …) keep their field labels; ours must all be Chinese.
  it('labels every array row in Chinese (no “Change Note 01”)', () => {
    const missing: string[] = []
    for (const c of [...config.collections.filter((c) => !c.slug.startsWith('payload-')), ...(config.globals ?? [])]) {
      for (const { where, field } of arrays(c.fields, c.slug)) {
        const singular = field.labels?.singular
        if (typeof singular !== 'string' || !han.test(singular)) missing.push(where)
      }
    }
    expect(missing).toEqual([])
  })

  it('every custom component is in the import map', () => {
    const map = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'cms', 'app', '(payload)', 'admin', 'importMap.js'), 'utf8')
    const paths = componentPaths([config.admin, config.collections.map((c) => ({ admin: c.admin, fields: c.fields })), (config.globals ?? []).map((g) => ({ admin: g.admin, fields: g.fields }))])
    expect(paths.size).toBeGreaterThan(5)
    expect([...paths].filter((p) => !map.includes(`"${p}"`))).toEqual([])
  })
})
