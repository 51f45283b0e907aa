import { defineConfig } from 'vitest/config'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

export default defineConfig({
  root,
  resolve: {
    alias: { '@payload-config': fileURLToPath(new URL('../cms/payload.config.ts', import.meta.url)) },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Two cores: integration files each boot Payload; more workers only thrash.
    maxWorkers: 2,
    reporters: ['default'],
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
  },
})
