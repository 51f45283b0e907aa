/**
 * `npm run import -- <file> --programme <code> --region <code> --month YYYY-MM --as <editor e-mail>
 *   [--kind approved|disbursement] [--exclude-bad-rows] [--confirm-reason <text>] [--sheet <name>] [--title <title>] [--check] [--json]`
 *
 * Imports a recipient list from .xlsx/.xls/.et/HTML-as-.xls/.csv through the same code path as the
 * admin screen and stores it as a DRAFT in the name of the editor given with --as: their account,
 * their region scope, recorded as the list's last editor and in the audit log, so a (different)
 * reviewer can publish it exactly as one imported in the admin. --as is required unless
 * NODE_ENV=development. Prints a Chinese summary (progress on stderr); exits 1 with the full error
 * list when the file is not clean (nothing is stored), 2 on wrong usage.
 * --check only checks (stores nothing); --json prints the preview as JSON instead of the summary.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

const USAGE = `用法：npm run import -- <文件> --programme <救助类别代码> --region <地区代码> --month YYYY-MM --as <经办人账号邮箱>
       [--kind approved|disbursement] [--exclude-bad-rows] [--confirm-reason <与上月变化较大的理由>] [--sheet <工作表名>] [--title <标题>] [--check] [--json]
例如：npm run import -- 10月名单.xlsx --programme dibao-rural --region 990102002 --month 2026-10 --kind disbursement --as editor@example.com
--as：以哪位经办人的名义导入（其账号的地区权限适用，并记入修改记录和操作日志，审核人才能按“两人审核”发布）；仅 NODE_ENV=development 时可省略。`

let args: ReturnType<typeof parse>
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      programme: { type: 'string' },
      region: { type: 'string' },
      month: { type: 'string' },
      as: { type: 'string' },
      'confirm-reason': { type: 'string' },
      kind: { type: 'string', default: 'approved' },
      sheet: { type: 'string' },
      title: { type: 'string' },
      'exclude-bad-rows': { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
}
try {
  args = parse()
} catch (err) {
  console.error(`${(err as Error).message}\n\n${USAGE}`)
  process.exit(2)
}
const { values: opt, positionals } = args
if (opt.help) {
  console.log(USAGE)
  process.exit(0)
}
const file = positionals[0]
const development = process.env.NODE_ENV === 'development'
const missing = [!file && '<文件>', !opt.programme && '--programme', !opt.region && '--region', !opt.month && '--month', !opt.as && !opt.check && !development && '--as'].filter(Boolean)
if (missing.length) {
  console.error(`缺少参数：${missing.join('、')}\n\n${USAGE}`)
  process.exit(2)
}
if (opt.kind !== 'approved' && opt.kind !== 'disbursement') {
  console.error(`--kind 只能是 approved（救助对象名单）或 disbursement（资金发放名单），收到“${opt.kind}”。`)
  process.exit(2)
}
let bytes: Buffer
try {
  const stat = fs.statSync(file!)
  const { IMPORT_LIMITS, fmtMiB } = await import('../cms/import/limits')
  if (stat.size > IMPORT_LIMITS.maxFileBytes) {
    console.error(`文件大小 ${fmtMiB(stat.size)}，超过单次导入上限 ${fmtMiB(IMPORT_LIMITS.maxFileBytes)}。请按乡镇（街道）拆分成几个文件分别导入。`)
    process.exit(1)
  }
  bytes = fs.readFileSync(file!)
} catch (err) {
  console.error(`无法读取文件“${path.basename(file!)}”：${(err as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : (err as Error).message}`)
  process.exit(2)
}

const { createLocalReq, getPayload } = await import('payload')
const { default: config } = await import('../cms/payload.config')
const { migrateDatabase } = await import('../cms/database')
const { analyseImport, commitImport, ImportRequestError } = await import('../cms/import/service')
const { ImportCheckStopped } = await import('../cms/import/runCheck')
const { PHASE_LABELS } = await import('../cms/import/jobs')
const { formatPreview } = await import('../cms/import/summary')
const { cleanUpInterruptedImports } = await import('../cms/lists/storeList')
const { hasRole } = await import('../cms/access/roles')

const payload = await getPayload({ config, disableOnInit: true } as never)
let code = 0
try {
  await migrateDatabase(payload)
  await cleanUpInterruptedImports(payload)
  let req: Awaited<ReturnType<typeof createLocalReq>> | undefined
  let editor = ''
  if (opt.as) {
    const { docs } = await payload.find({ collection: 'users', where: { email: { equals: opt.as.trim().toLowerCase() } }, limit: 1, depth: 0, overrideAccess: true })
    const user = docs[0]
    if (!user) throw new ImportRequestError(`找不到账号“${opt.as}”。--as 应为一位经办人（或审核人、管理员）登录管理后台所用的邮箱。`)
    if (!hasRole(user as never, 'admin', 'editor', 'reviewer')) throw new ImportRequestError(`账号“${opt.as}”不是经办人、审核人或管理员，不能导入名单。`)
    req = await createLocalReq({ user: { ...user, collection: 'users' } as never }, payload)
    editor = `${user.name ?? user.email}（${user.email}）`
  } else if (!opt.check) {
    console.error('提醒：未指定 --as（开发模式）。本次导入不记录经办人，审核人发布前需由一位经办人打开草稿保存一次。')
  }
  const target = { kind: 'list' as const, programme: opt.programme!, region: opt.region!, month: opt.month!, listKind: opt.kind as 'approved' | 'disbursement', title: opt.title }
  let lastLine = 0
  let lastPhase = ''
  const options = {
    sheet: opt.sheet,
    excludeBadRows: opt['exclude-bad-rows'],
    confirmReason: opt['confirm-reason'],
    maxIssues: Number.POSITIVE_INFINITY,
    onProgress: (p: { phase: keyof typeof PHASE_LABELS; done: number; total: number | null }) => {
      const now = Date.now()
      if (p.phase === lastPhase && now - lastLine < 500) return
      lastPhase = p.phase
      lastLine = now
      const count = p.total ? `${p.done.toLocaleString('zh-CN')}/${p.total.toLocaleString('zh-CN')} 行` : p.done ? `${p.done.toLocaleString('zh-CN')} 行` : ''
      console.error(`进度：${PHASE_LABELS[p.phase]}${count ? ` ${count}` : ''}`)
    },
  }
  const fileName = path.basename(file!)
  if (opt.check) {
    const run = await analyseImport(payload, bytes, fileName, target, options, req)
    print(run.preview, null)
    code = run.preview.clean ? 0 : 1
  } else {
    const result = await commitImport(payload, bytes, fileName, target, options, req)
    print(
      result.preview,
      result.stored
        ? `已${editor ? `以 ${editor} 的名义` : ''}保存为草稿：“${result.title}”（ID ${result.listId}）${result.excludedRows ? `；有错误的 ${result.excludedRows} 行未导入` : ''}。请由另一位审核人核对后发布。`
        : `未导入：${result.reason}`,
    )
    code = result.stored ? 0 : 1
  }
} catch (err) {
  if (err instanceof ImportRequestError || err instanceof ImportCheckStopped) {
    console.error(err.message)
    code = 1
  } else {
    console.error(`导入时发生意外错误，没有写入任何数据：${(err as Error).message}`)
    code = 1
  }
} finally {
  await payload.destroy()
}
process.exit(code)

function print(preview: Parameters<typeof formatPreview>[0], outcome: string | null) {
  if (opt.json) console.log(JSON.stringify({ outcome, preview }, null, 2))
  else {
    console.log(formatPreview(preview))
    if (outcome) console.log(`\n${outcome}`)
  }
}
