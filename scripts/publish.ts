export {}
/**
 * `npm run publish [-- --full]`: builds and switches a release of the public site now, like a
 * publish from the admin. `--full` takes nothing from the live release (every file scanned by the
 * privacy gate and compressed anew); the nightly release does that once a week by itself.
 */
const full = process.argv.includes('--full')
const unknown = process.argv.slice(2).filter((a) => a !== '--full')
if (unknown.length) {
  console.error(`不认识的参数：${unknown.join(' ')}。用法：npm run publish [-- --full]`)
  process.exit(2)
}
const { getPayload } = await import('payload')
const { default: config } = await import('../cms/payload.config')
const { migrateDatabase } = await import('../cms/database')
const { publishRelease } = await import('../cms/publish/release')

const payload = await getPayload({ config, disableOnInit: true } as never)
try {
  await migrateDatabase(payload)
  const r = await publishRelease(payload, { full })
  console.log(`[阳光救助] 已发布${r.full ? '（完整构建）' : ''} ${r.id}：${r.pages} 个页面，${r.files} 个文件，用时 ${(r.durationMs / 1000).toFixed(1)} 秒。`)
} catch (err) {
  console.error(`[阳光救助] 发布失败：${(err as Error).message}`)
  process.exitCode = 1
} finally {
  await payload.destroy()
}
process.exit()
