/**
 * `npm start`: the whole system on the embedded database with demo data.
 *   1. database: apply migrations; seed the synthetic demo county when empty (prints a one-time admin password)
 *   2. export the masked snapshot and build the public site as a release
 *   3. build the admin (Next.js) if its sources changed, start it on :3000
 *   4. serve the current release on :4321
 * `npm run dev` does the same with the admin in development mode (reload on change).
 * Ctrl-C stops everything.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
process.env.PROJECT_ROOT = root
process.chdir(root)

const dev = process.argv.includes('--dev')
const cmsPort = Number(process.env.CMS_PORT ?? 3000)
const publicPort = Number(process.env.PUBLIC_PORT ?? 4321)
const host = process.env.HOST ?? '127.0.0.1'

const { payloadSecret, idHashKey, secretFromEnvOrFile } = await import('../cms/secret')
process.env.PAYLOAD_SECRET = payloadSecret()
process.env.ID_HASH_KEY = idHashKey()
// The admin runs with NODE_ENV=production, where keys must come from the environment.
process.env.FIELD_KEY = secretFromEnvOrFile('FIELD_KEY', 'field-key')
process.env.PUBLIC_SITE_URL ??= `http://localhost:${publicPort}`
// The public server reaches the CMS only through the public-forms endpoints, with this key.
const { publicFormKey } = await import('../cms/complaints/publicKey')
process.env.PUBLIC_FORM_KEY = publicFormKey()
process.env.CMS_URL ??= `http://127.0.0.1:${cmsPort}`

const { getPayload } = await import('payload')
const { default: config } = await import('../cms/payload.config')
const { migrateDatabase, databaseLabel } = await import('../cms/database')
const { seedDemoContent, DEMO_ADMIN_EMAIL } = await import('../cms/seed/seedDemo')
const { publishRelease, releasesDir } = await import('../cms/publish/release')
const { createPublicServer, stopPublicServer } = await import('../site/server/publicServer')
const { startOutboxForwarder } = await import('../site/server/outboxForwarder')
const { dataDir } = await import('../cms/paths')
const { cmsBuildIsCurrent, markCmsBuilt } = await import('./lib/cmsBuild')

const say = (msg: string) => console.log(`[阳光救助] ${msg}`)

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

const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next')
const childEnv = { ...process.env, AUTO_PUBLISH: '1', NEXT_TELEMETRY_DISABLED: '1' }
if (!dev && !cmsBuildIsCurrent()) {
  say('首次启动或代码有变化：正在构建管理后台（约需几分钟）……')
  const built = spawnSync(process.execPath, [nextBin, 'build', 'cms'], { stdio: 'inherit', env: { ...childEnv, NODE_ENV: 'production' } })
  if (built.status !== 0) {
    console.error('管理后台构建失败，请查看上面的输出。')
    process.exit(1)
  }
  markCmsBuilt()
}

const cms: ChildProcess = spawn(
  process.execPath,
  [nextBin, dev ? 'dev' : 'start', 'cms', '--port', String(cmsPort), '--hostname', host],
  { stdio: ['ignore', 'inherit', 'inherit'], env: { ...childEnv, NODE_ENV: dev ? 'development' : 'production' } },
)

process.env.OUTBOX_DIR ??= path.join(dataDir(), 'outbox')
const server = createPublicServer({ releasesDir: releasesDir() })
startOutboxForwarder()
server.listen(publicPort, host)
await new Promise((r) => server.once('listening', r))

say('已启动：')
say(`  公开网站     http://localhost:${publicPort}/`)
say(`  管理后台     http://localhost:${cmsPort}/admin   （首次打开需编译，请稍候）`)
if (seed.adminPassword) say(`  演示管理员   ${DEMO_ADMIN_EMAIL}（密码见上）`)
say('按 Ctrl-C 停止。')

let stopping = false
function stop(code = 0) {
  if (stopping) return
  stopping = true
  say('正在停止……')
  void stopPublicServer(server)
  if (cms.exitCode === null) cms.kill('SIGTERM')
  const force = setTimeout(() => {
    cms.kill('SIGKILL')
    process.exit(code)
  }, 10_000)
  force.unref()
  cms.once('exit', () => process.exit(code))
  if (cms.exitCode !== null) process.exit(code)
}
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))
cms.on('exit', (code) => {
  if (!stopping) {
    console.error(`管理后台意外退出（退出码 ${code}）。`)
    stop(1)
  }
})
