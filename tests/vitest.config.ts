import { defineConfig } from 'vitest/config'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

// Four tiers (`npm test` runs them all; `npm run test:unit` only the first):
//   unit        pure functions, no database, no build, no browser — seconds;
//   integration Payload on a throw-away database per file, slow or large cases;
//   site        the public site built once per run from the fixture snapshot;
//   e2e         Chromium against a built site or a whole `npm start`.
export default defineConfig({
  root,
  resolve: {
    alias: { '@payload-config': fileURLToPath(new URL('../cms/payload.config.ts', import.meta.url)) },
  },
  test: {
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Two cores: integration files each boot Payload; more workers only thrash.
    maxWorkers: 2,
    reporters: ['default'],
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    globalSetup: ['tests/helpers/globalSetup.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['tests/integration/**/*.test.ts'] } },
      { extends: true, test: { name: 'site', include: ['tests/site/**/*.test.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'] } },
    ],
  },
})
