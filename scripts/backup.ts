/**
 * `npm run backup [-- <folder>]`: a consistent, encrypted backup of the database (SQLite online
 * copy, pg_dump in a snapshot, or a MongoDB dump at one cluster time) plus media, into a new folder.
 * Without a folder: .data/backups/<time> (BACKUP_DIR moves it), then rotation keeps the newest per day
 * for BACKUP_KEEP_DAILY days (7) and per month for BACKUP_KEEP_MONTHLY months (12).
 */
import path from 'node:path'

// A backup holds the database, media and keys: owner-only (folders 0700, files 0600).
process.umask(0o077)

const { getPayload } = await import('payload')
const { default: config } = await import('../cms/payload.config')
const { backup, rotateBackups } = await import('../cms/ops/backup')
const { dataDir } = await import('../cms/paths')

const rotating = !process.argv[2]
const dir = path.resolve(process.env.BACKUP_DIR ?? path.join(dataDir(), 'backups'))
const target = path.resolve(process.argv[2] ?? path.join(dir, new Date().toISOString().replace(/[:.]/g, '-')))
const payload = await getPayload({ config })
try {
  const info = await backup(payload, target)
  const total = Object.values(info.counts).reduce((a, b) => a + b, 0)
  console.log(`备份完成：${target}\n数据库：${info.database}（${info.consistency}），共 ${Object.keys(info.counts).length} 个表/集合，${total} 条记录。`)
  console.log(`已用 ${info.encryption.cipher} 加密（备份密钥编号 ${info.encryption.backupKeyId}）。恢复时需要 BACKUP_KEY、FIELD_KEY 和 ID_HASH_KEY：它们不在备份里，请另行妥善保管。`)
  if (rotating) {
    const keep = { daily: Number(process.env.BACKUP_KEEP_DAILY ?? 7), monthly: Number(process.env.BACKUP_KEEP_MONTHLY ?? 12) }
    const removed = rotateBackups(dir, keep)
    if (removed.length) console.log(`轮换：保留最近 ${keep.daily} 天每天一份、最近 ${keep.monthly} 个月每月一份，删除了 ${removed.length} 份旧备份。`)
  }
} catch (err) {
  console.error(`备份失败：${(err as Error).message}`)
  process.exitCode = 1
}
await payload.destroy()
process.exit()
