/**
 * `npm start`: the whole system on the embedded database with demo data, as two processes — the
 * CMS and the public server — each with only its own secrets, as they run in production
 * (deploy/systemd). This script prepares and supervises them:
 *   1. database: apply migrations; seed the synthetic demo county when empty (prints a one-time admin password)
 *   2. export the masked snapshot and build the public site as a release
 *   3. build the admin (Next.js) if its sources changed and compile the public server (build/*.mjs)
 *   4. start the CMS (`next start`, :3000) and the public server (build/public-server.mjs, :4321)
 * A process that dies is restarted (with a growing pause); the other keeps running. Ctrl-C stops both.
 * `npm run dev` does the same with the admin in development mode (reload on change).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
process.env.PROJECT_ROOT = root
process.chdir(root)
// Everything this creates under .data/ (database, uploads, mail outbox, keys) is for its owner only.
process.umask(0o077)

const dev = process.argv.includes('--dev')
const cmsPort = Number(process.env.CMS_PORT ?? 3000)
const publicPort = Number(process.env.PUBLIC_PORT ?? 4321)
const cmsHost = process.env.CMS_HOST ?? '127.0.0.1'
const publicHost = process.env.PUBLIC_HOST ?? '127.0.0.1'
const say = (msg: string) => console.log(`[阳光救助] ${msg}`)
if (process.env.HOST) say('注意：HOST 已不再使用。CMS 用 CMS_HOST，公开网站用 PUBLIC_HOST（默认都是 127.0.0.1）。')

const { payloadSecret, idHashKey, secretFromEnvOrFile } = await import('../cms/secret')
// The admin runs with NODE_ENV=production, where keys must come from the environment.
process.env.FIELD_KEY = secretFromEnvOrFile('FIELD_KEY', 'field-key')
const { publicFormKey } = await import('../cms/complaints/publicKey')
const { outboxPrivateKeys, outboxPublicKey } = await import('../cms/complaints/outboxKey')
process.env.PAYLOAD_SECRET = payloadSecret()
process.env.OUTBOX_PRIVATE_KEY = outboxPrivateKeys().join(',')
process.env.ID_HASH_KEY = idHashKey()
process.env.PUBLIC_FORM_KEY = publicFormKey()
process.env.PUBLIC_SITE_URL ??= `http://localhost:${publicPort}`
const cmsUrl = process.env.CMS_URL ?? `http://127.0.0.1:${cmsPort}`

const { getPayload } = await import('payload')
const { default: config } = await import('../cms/payload.config')
const { migrateDatabase, databaseLabel } = await import('../cms/database')
const { seedDemoContent, DEMO_ADMIN_EMAIL } = await import('../cms/seed/seedDemo')
const { publishRelease, releasesDir } = await import('../cms/publish/release')
const { dataDir } = await import('../cms/paths')
const { modeWarning } = await import('../cms/ops/fileModes')
const { cmsBuildIsCurrent, markCmsBuilt } = await import('./lib/cmsBuild')
const { buildServerBundles, bundlePath } = await import('./lib/serverBundles')

const wide = modeWarning(dataDir())
if (wide) say(`警告：${wide}`)
say(`数据库：${databaseLabel()}`)
const payload = await getPayload({ config })
await migrateDatabase(payload)
const seed = await seedDemoContent(payload)
if (seed.seeded) say('已写入演示数据（虚构的清河县，非真实人员）。')
if (seed.accounts) {
  say('演示账号（一次性密码只显示这一次；忘记时运行 npm run seed -- --reset-admin-password）：')
  for (const a of seed.accounts) say(`  ${a.name.padEnd(12, '　')} ${a.email.padEnd(22)} 一次性密码 ${a.password}`)
}
say('正在导出公开数据并构建公开网站……')
const release = await publishRelease(payload)
say(`公开网站已构建：${release.pages} 个页面，用时 ${(release.durationMs / 1000).toFixed(1)} 秒。`)
await payload.destroy()

await buildServerBundles()
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next')
if (!dev && !cmsBuildIsCurrent()) {
  say('首次启动或代码有变化：正在构建管理后台（约需几分钟）……')
  const built = spawnSync(process.execPath, [nextBin, 'build', 'cms'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' } })
  if (built.status !== 0) {
    console.error('管理后台构建失败，请查看上面的输出。')
    process.exit(1)
  }
  markCmsBuilt()
}

/** The public server's environment: built from nothing, so no CMS secret can reach it. */
function publicEnv(): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {}
  for (const k of ['PATH', 'HOME', 'LANG', 'TZ', 'TMPDIR', 'CLOCK_AT', 'TRUST_PROXY', 'TRUSTED_PROXIES', 'FORM_SUBMIT_LIMIT', 'FORM_ADDRESS_LIMIT', 'FORM_ATTEMPT_LIMIT', 'FORM_TRACK_LIMIT', 'FORM_TRACK_CODE_LIMIT', 'RELEASE_PINS_DIR']) {
    if (process.env[k] !== undefined) env[k] = process.env[k]
  }
  return {
    ...env,
    NODE_ENV: 'production' as const,
    PROJECT_ROOT: root,
    PUBLIC_HOST: publicHost,
    PUBLIC_PORT: String(publicPort),
    PUBLIC_SITE_URL: process.env.PUBLIC_SITE_URL,
    RELEASES_DIR: releasesDir(),
    OUTBOX_DIR: process.env.OUTBOX_DIR ?? path.join(dataDir(), 'outbox'),
    OUTBOX_PUBLIC_KEY: outboxPublicKey(),
    CMS_URL: cmsUrl,
    PUBLIC_FORM_KEY: process.env.PUBLIC_FORM_KEY,
  }
}

type Child = { name: string; start: () => ChildProcess; proc: ChildProcess | null; restarts: number[] }
const children: Child[] = [
  {
    name: '管理后台',
    proc: null,
    restarts: [],
    start: () =>
      spawn(process.execPath, [nextBin, dev ? 'dev' : 'start', 'cms', '--port', String(cmsPort), '--hostname', cmsHost], {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, AUTO_PUBLISH: '1', NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: dev ? 'development' : 'production', PUBLIC_SERVER_URL: `http://127.0.0.1:${publicPort}` },
      }),
  },
  {
    name: '公开网站',
    proc: null,
    restarts: [],
    start: () => spawn(process.execPath, ['--enable-source-maps', bundlePath('public-server')], { stdio: ['ignore', 'inherit', 'inherit'], env: publicEnv() }),
  },
]

let stopping = false
function launch(child: Child) {
  const proc = child.start()
  child.proc = proc
  say(`${child.name}进程已启动（pid ${proc.pid}）。`)
  proc.on('exit', (code, signal) => {
    if (stopping) return
    // The other process keeps running; this one comes back after a pause that grows if it keeps failing.
    const now = Date.now()
    child.restarts = [...child.restarts.filter((t) => now - t < 60_000), now]
    const delay = Math.min(30_000, 1000 * 2 ** (child.restarts.length - 1))
    console.error(`[阳光救助] ${child.name}进程意外退出（${signal ? `信号 ${signal}` : `退出码 ${code}`}），${Math.round(delay / 1000)} 秒后重新启动；另一个进程照常运行。`)
    setTimeout(() => !stopping && launch(child), delay).unref()
  })
}
for (const c of children) launch(c)

// Ready when the public server answers (the admin compiles its pages on first use anyway).
for (let i = 0; i < 120; i++) {
  const up = await fetch(`http://${['0.0.0.0', '::'].includes(publicHost) ? '127.0.0.1' : publicHost}:${publicPort}/_health/live`).then((r) => r.ok, () => false)
  if (up) break
  await new Promise((r) => setTimeout(r, 250))
}
say('已启动：')
say(`  公开网站     http://localhost:${publicPort}/`)
say(`  管理后台     http://localhost:${cmsPort}/admin   （首次打开需编译，请稍候）`)
if (seed.adminPassword) say(`  演示管理员   ${DEMO_ADMIN_EMAIL}（密码见上）`)
say('按 Ctrl-C 停止。')

function stop() {
  if (stopping) return
  stopping = true
  say('正在停止……')
  const running = children.map((c) => c.proc).filter((p): p is ChildProcess => !!p && p.exitCode === null && p.signalCode === null)
  for (const p of running) p.kill('SIGTERM')
  const force = setTimeout(() => {
    for (const p of running) p.kill('SIGKILL')
    process.exit(0)
  }, 10_000)
  force.unref()
  void Promise.all(running.map((p) => new Promise((r) => p.once('exit', r)))).then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
// The supervisor itself has nothing to wait on but its children.
setInterval(() => {}, 1 << 30)
