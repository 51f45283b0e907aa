/**
 * The CMS's start-up step in production (systemd ExecStartPre; build/cms-prepare.mjs): applies the
 * database migrations, checks that the data folder is owner-only, and publishes a release built by
 * the code just started — the pages' server code must match the public server's (an upgrade
 * changes how they talk), and a first install needs a site at all. No demo data here (that is
 * `npm start` / `npm run seed`). The admin itself then runs as `next start cms`.
 */
export {}

process.umask(0o077)
const { getPayload } = await import('payload')
const { default: config } = await import('../cms/payload.config')
const { migrateDatabase } = await import('../cms/database')
const { publishRelease } = await import('../cms/publish/release')
const { dataDir } = await import('../cms/paths')
const { modeWarning } = await import('../cms/ops/fileModes')
const { outboxPrivateKeys } = await import('../cms/complaints/outboxKey')

const say = (msg: string) => console.log(`[阳光救助] ${msg}`)
outboxPrivateKeys() // a missing or malformed OUTBOX_PRIVATE_KEY stops here, with its message, not at the first queued submission
const wide = modeWarning(dataDir())
if (wide) console.warn(`[阳光救助] 警告：${wide}`)
const payload = await getPayload({ config })
try {
  await migrateDatabase(payload)
  say('数据库结构已是最新。')
  say('正在用当前版本的代码构建公开网站……')
  const r = await publishRelease(payload)
  say(`公开网站已构建：${r.pages} 个页面，用时 ${(r.durationMs / 1000).toFixed(1)} 秒。`)
} catch (err) {
  console.error(`[阳光救助] 启动准备失败：${(err as Error).message}`)
  process.exitCode = 1
} finally {
  await payload.destroy()
}
process.exit()
