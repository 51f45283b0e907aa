/**
 * `npm run backup [-- <folder>]`: a consistent backup of the database (SQLite online copy, or a
 * MongoDB dump through the driver) plus media, into a new folder (default .data/backups/<time>).
 */
import path from 'node:path'

// A backup holds the database, media and keys: owner-only (folders 0700, files 0600).
process.umask(0o077)

const { getPayload } = await import('payload')
const { default: config } = await import('../cms/payload.config')
const { backup } = await import('../cms/ops/backup')
const { dataDir } = await import('../cms/paths')

const target = path.resolve(process.argv[2] ?? path.join(dataDir(), 'backups', new Date().toISOString().replace(/[:.]/g, '-')))
const payload = await getPayload({ config })
try {
  const info = await backup(payload, target)
  const total = Object.values(info.counts).reduce((a, b) => a + b, 0)
  console.log(`备份完成：${target}\n数据库：${info.database}，共 ${Object.keys(info.counts).length} 个表/集合，${total} 条记录。`)
  console.log('注意：备份含个人信息，请与数据库同等保护。')
} catch (err) {
  console.error(`备份失败：${(err as Error).message}`)
  process.exitCode = 1
}
await payload.destroy()
process.exit()
