/**
 * `npm run build`: everything production runs, compiled — the public server, the CMS's start-up
 * step and tools into build/*.mjs (esbuild), and the admin (Next.js) into cms/.next.
 * `npm run build -- --servers` compiles only the first part (seconds).
 */
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import path from 'node:path'
import { projectRoot } from '../cms/paths'
import { markCmsBuilt } from './lib/cmsBuild'
import { buildServerBundles } from './lib/serverBundles'

const files = await buildServerBundles()
console.log(`已编译：${files.map((f) => path.relative(projectRoot, f)).join('、')}`)
if (!process.argv.includes('--servers')) {
  const next = path.join(projectRoot, 'node_modules', 'next', 'dist', 'bin', 'next')
  // Next evaluates the Payload config while it collects page data; the secrets it checks for are
  // read again at run time (never baked into the build), so the build gets throwaway ones.
  const throwaway = () => crypto.randomBytes(32).toString('hex')
  const env = { ...process.env, NODE_ENV: 'production' as const, NEXT_TELEMETRY_DISABLED: '1', PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? throwaway(), ID_HASH_KEY: process.env.ID_HASH_KEY ?? throwaway() }
  const r = spawnSync(process.execPath, [next, 'build', 'cms'], { cwd: projectRoot, stdio: 'inherit', env })
  if (r.status !== 0) {
    console.error('管理后台构建失败，请查看上面的输出。')
    process.exit(1)
  }
  markCmsBuilt()
  console.log('管理后台已构建（cms/.next）。')
}
