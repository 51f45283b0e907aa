export {}
/**
 * `npm run seed`: migrate and seed the demo county into an empty database.
 * `npm run seed -- --reset-admin-password`: give the demo admin a new random password (printed once).
 */
const { getPayload } = await import('payload')
const { default: config } = await import('../cms/payload.config')
const { migrateDatabase } = await import('../cms/database')
const { seedDemoContent, DEMO_ADMIN_EMAIL, randomPassword } = await import('../cms/seed/seedDemo')
const { oneTimePasswordFields } = await import('../cms/auth/accountHooks')

const payload = await getPayload({ config })
await migrateDatabase(payload)
if (process.argv.includes('--reset-admin-password')) {
  const password = randomPassword()
  const { docs } = await payload.update({
    collection: 'users',
    where: { email: { equals: DEMO_ADMIN_EMAIL } },
    data: { password, lockUntil: null, loginAttempts: 0, ...oneTimePasswordFields() },
    context: { system: true },
  })
  if (docs.length === 0) {
    console.error(`没有找到演示管理员 ${DEMO_ADMIN_EMAIL}。`)
    process.exitCode = 1
  } else console.log(`演示管理员 ${DEMO_ADMIN_EMAIL} 的新密码：${password}（只显示这一次）`)
} else {
  const result = await seedDemoContent(payload)
  if (!result.seeded) console.log('数据库已有内容，未写入演示数据。')
  else for (const a of result.accounts ?? []) console.log(`${a.name} ${a.email} 一次性密码：${a.password}`)
}
await payload.destroy()
process.exit()
