// One clock (architecture.md): no domain rule reads the wall clock; "today" comes from
// cms/domain/clock.ts and is passed in. This fails when a domain module starts reading it itself.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const domainDir = path.join(import.meta.dirname, '..', '..', 'cms', 'domain')
const WALL_CLOCK = /\bDate\.now\s*\(|\bnew Date\s*\(\s*\)|\bperformance\.now\s*\(|\bprocess\.hrtime\b|\btoLocale(?:Date)?String\s*\(/

describe('the one clock', () => {
  const files = fs.readdirSync(domainDir).filter((f) => /\.tsx?$/.test(f))
  it('finds the domain modules', () => expect(files.length).toBeGreaterThan(10))
  it.each(files.filter((f) => f !== 'clock.ts'))('cms/domain/%s does not read the wall clock', (file) => {
    const code = fs
      .readFileSync(path.join(domainDir, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '')
    const line = code.split('\n').findIndex((l) => WALL_CLOCK.test(l))
    expect(line === -1 ? null : `line ${line + 1}: ${code.split('\n')[line].trim()}`).toBeNull()
  })
  it('the pattern catches what it should', () => {
    for (const bad of ['const t = Date.now()', 'new Date()', 'x = new Date( )', 'd.toLocaleDateString()']) expect(WALL_CLOCK.test(bad)).toBe(true)
    for (const ok of ['new Date(ms)', 'new Date(Date.UTC(y, m, d))', 'nowMs()']) expect(WALL_CLOCK.test(ok)).toBe(false)
  })
})
