/**
 * `npm run import -- <file> --programme <code> --region <code> --month YYYY-MM [--kind approved|disbursement]
 *   [--exclude-bad-rows] [--sheet <name>] [--title <title>] [--check] [--json]`
 *
 * Imports a recipient list from .xlsx/.csv through the same code path as the admin screen and
 * stores it as a DRAFT (a reviewer publishes it). Prints a Chinese summary; exits 1 with the full
 * error list when the file is not clean (nothing is stored), 2 on wrong usage.
 * --check only checks (stores nothing); --json prints the preview as JSON instead of the summary.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

const USAGE = `用法：npm run import -- <文件> --programme <救助类别代码> --region <地区代码> --month YYYY-MM [--kind approved|disbursement]
       [--exclude-bad-rows] [--sheet <工作表名>] [--title <标题>] [--check] [--json]
例如：npm run import -- 10月名单.xlsx --programme dibao-rural --region 990102002 --month 2026-10 --kind disbursement`

let args: ReturnType<typeof parse>
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      programme: { type: 'string' },
      region: { type: 'string' },
      month: { type: 'string' },
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
const missing = [!file && '<文件>', !opt.programme && '--programme', !opt.region && '--region', !opt.month && '--month'].filter(Boolean)
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
  console.error(`无法读取文件“${file}”：${(err as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : (err as Error).message}`)
  process.exit(2)
}

const { getPayload } = await import('payload')
const { default: config } = await import('../cms/payload.config')
const { migrateDatabase } = await import('../cms/database')
const { analyseImport, commitImport, ImportRequestError } = await import('../cms/import/service')
const { formatPreview } = await import('../cms/import/summary')

const payload = await getPayload({ config, disableOnInit: true } as never)
let code = 0
try {
  await migrateDatabase(payload)
  const target = { kind: 'list' as const, programme: opt.programme!, region: opt.region!, month: opt.month!, listKind: opt.kind as 'approved' | 'disbursement', title: opt.title }
  const options = { sheet: opt.sheet, excludeBadRows: opt['exclude-bad-rows'], maxIssues: Number.POSITIVE_INFINITY }
  const fileName = path.basename(file!)
  if (opt.check) {
    const run = await analyseImport(payload, bytes, fileName, target, options)
    print(run.preview, null)
    code = run.preview.clean ? 0 : 1
  } else {
    const result = await commitImport(payload, bytes, fileName, target, options)
    print(result.preview, result.stored ? `已保存为草稿：“${result.title}”（ID ${result.listId}）${result.excludedRows ? `；有错误的 ${result.excludedRows} 行未导入` : ''}。请由审核人核对后发布。` : `未导入：${result.reason}`)
    code = result.stored ? 0 : 1
  }
} catch (err) {
  if (err instanceof ImportRequestError) {
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
