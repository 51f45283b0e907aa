import { describe, expect, it } from 'vitest'

describe('runtime', () => {
  it('runs on the Node 24 LTS that the project pins (node package in devDependencies)', () => {
    expect(process.versions.node.startsWith('24.')).toBe(true)
  })
})
