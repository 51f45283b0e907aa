import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'
import { projectRoot } from '../../cms/paths'

/**
 * Compiles the long-running entry points to plain JavaScript (what production runs: no TypeScript
 * loader). Our code is bundled; packages stay in node_modules and load as they are. The bundles
 * sit one folder below the project root, as the sources do, so paths found from a module's own
 * location (cms/paths.ts) still point at the project.
 */
export const BUNDLES = {
  'public-server': 'site/server/main.ts',
  'cms-prepare': 'scripts/cms-prepare.ts',
  'outbox-key': 'scripts/outbox-key.ts',
  backup: 'scripts/backup.ts',
} as const

export const bundleDir = path.join(projectRoot, 'build')
export const bundlePath = (name: keyof typeof BUNDLES, dir = bundleDir) => path.join(dir, `${name}.mjs`)

export async function buildServerBundles(outDir = bundleDir): Promise<string[]> {
  fs.mkdirSync(outDir, { recursive: true })
  await build({
    entryPoints: Object.fromEntries(Object.entries(BUNDLES).map(([name, src]) => [name, path.join(projectRoot, src)])),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node24',
    sourcemap: 'linked',
    logLevel: 'warning',
    // CommonJS packages that call require() still find it inside an ES module bundle.
    banner: { js: "import { createRequire as __ygjzRequire } from 'node:module'; const require = __ygjzRequire(import.meta.url);" },
  })
  return Object.keys(BUNDLES).map((n) => bundlePath(n as keyof typeof BUNDLES, outDir))
}
