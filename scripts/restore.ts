/**
 * `npm run restore -- <backup folder>`: restores an encrypted backup into an EMPTY instance (the
 * embedded SQLite file of DATA_DIR, or the PostgreSQL / MongoDB database of DATABASE_URI), then
 * applies newer migrations. Needs the instance's BACKUP_KEY, FIELD_KEY and ID_HASH_KEY.
 */
export {}
const source = process.argv[2]
if (!source) {
  console.error('用法：npm run restore -- <备份目录>')
  process.exit(2)
}
const { databaseKind, migrateDatabase } = await import('../cms/database')
const { restoreBeforeBoot, restoreMongo } = await import('../cms/ops/backup')
try {
  await restoreBeforeBoot(source)
  const { getPayload } = await import('payload')
  const { default: config } = await import('../cms/payload.config')
  const payload = await getPayload({ config })
  if (databaseKind() === 'mongodb') await restoreMongo(payload, source)
  await migrateDatabase(payload)
  const users = await payload.count({ collection: 'users', overrideAccess: true })
  console.log(`恢复完成：${users.totalDocs} 个用户账号。请启动系统并发布一次，以重建公开网站。`)
  await payload.destroy()
} catch (err) {
  console.error(`恢复失败：${(err as Error).message}`)
  process.exitCode = 1
}
process.exit()
