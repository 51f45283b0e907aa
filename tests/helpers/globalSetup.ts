// Once per test run (every project): a folder for what the run's test files share — the fixture
// site is built once into it (tests/site/buildFixtureSite.ts) — removed when the run ends. Keyed by
// the main process, so the projects of one run share it and parallel runs do not.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export default function setup() {
  const dir = path.join(os.tmpdir(), `ygjz-test-run-${process.pid}`)
  fs.mkdirSync(dir, { recursive: true })
  process.env.YGJZ_TEST_RUN_DIR = dir
  return () => fs.rmSync(dir, { recursive: true, force: true })
}
