/**
 * The public server as its own process (systemd: deploy/systemd/ygjz-public.service; `npm start`
 * runs it as a child). Compiled to build/public-server.mjs by `npm run build`.
 * It holds the public-form key and the CMS address, nothing of the CMS's own secrets.
 */
import { modeWarning } from '../../cms/ops/fileModes'
import { createFormServices } from '../lib/forms/services'
import { CMS_ONLY_VARIABLES, publicServerConfig } from './config'
import { log } from './log'
import { startOutboxForwarder } from './outboxForwarder'
import { createPublicServer, stopPublicServer } from './publicServer'

process.umask(0o077)
for (const name of CMS_ONLY_VARIABLES) {
  if (process.env[name] === undefined) continue
  log('warn', `公开网站进程的环境中有 ${name}：这是 CMS 的密钥，公开网站不需要也不应持有，已从本进程中移除。请从公开网站的配置（public.env）中删去。`)
  delete process.env[name]
}

let config: ReturnType<typeof publicServerConfig>
try {
  config = publicServerConfig()
} catch (err) {
  log('error', (err as Error).message)
  process.exit(2)
}

const services = createFormServices({
  cmsUrl: config.cmsUrl,
  publicFormKey: config.publicFormKey,
  outboxDir: config.outboxDir,
  outboxPublicKey: config.outboxPublicKey,
  limits: config.limits,
  alert: (state, detail) => log(state === 'unreachable' ? 'warn' : 'error', 'outbox alert', { state, detail }),
})
if (!config.outboxPublicKey) log('error', '没有设置 OUTBOX_PUBLIC_KEY：办理系统不可用时，公开网站无法加密保存居民的提交，只能请他们稍后再试。请设置 CMS 的外发队列公钥（npm run outbox-key）。')
if (!config.publicFormKey) log('warn', '没有设置 PUBLIC_FORM_KEY：提交无法转交办理系统。')
const wide = modeWarning(config.outboxDir, '外发队列目录')
if (wide) log('warn', wide)

// Each release's server bundle stays loaded (ES modules cannot be unloaded, and the adapter adds a
// process listener per bundle): after this many, finish what is running and exit so the supervisor
// (systemd Restart=always, npm start) starts a fresh process — a second's pause every few weeks.
const RECYCLE_AFTER = Number(process.env.PUBLIC_RECYCLE_AFTER_RELEASES ?? 40)
process.setMaxListeners(RECYCLE_AFTER + 10)
const server = createPublicServer({
  releasesDir: config.releasesDir,
  services,
  trust: config.trust,
  siteOrigins: config.siteOrigins,
  production: config.production,
  pinsDir: config.pinsDir,
  recycleAfter: RECYCLE_AFTER,
  onRecycle: () => {
    log('info', `已加载 ${RECYCLE_AFTER} 个发布版本，进程将在处理完当前请求后退出并由守护进程重启，以释放内存。`)
    void stop()
  },
})
const stopForwarder = startOutboxForwarder(services)

// No request may end the process: a file that vanishes under a read stream (a release deleted by
// hand, a full disk) is logged and the process goes on; anything else is a bug, logged, and the
// supervisor (systemd, npm start) restarts the process.
process.on('uncaughtException', (err: NodeJS.ErrnoException) => {
  const requestError = typeof err?.code === 'string' && ['ENOENT', 'EISDIR', 'ENOTDIR', 'EACCES', 'EMFILE', 'ENFILE', 'EIO', 'ECONNRESET', 'EPIPE'].includes(err.code)
  log('error', requestError ? 'request error (process continues)' : 'uncaught error', { code: err?.code ?? null, err: String(err?.stack ?? err).slice(0, 800) })
  if (!requestError) process.exit(1)
})
process.on('unhandledRejection', (reason) => log('error', 'unhandled rejection', { err: String((reason as Error)?.stack ?? reason).slice(0, 800) }))

server.listen(config.port, config.host, () => {
  const addr = server.address()
  log('info', 'public server listening', { host: config.host, port: typeof addr === 'object' && addr ? addr.port : config.port, releases: config.releasesDir, trustProxy: config.trust.hops, outboxSealed: Boolean(config.outboxPublicKey) })
})
server.on('error', (err) => {
  log('error', `公开网站无法在 ${config.host}:${config.port} 上监听：${(err as Error).message}`)
  process.exit(1)
})

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  stopForwarder()
  await stopPublicServer(server)
  process.exit(0)
}
process.on('SIGTERM', () => void stop())
process.on('SIGINT', () => void stop())
