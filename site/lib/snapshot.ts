import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { listRowsFileSchema, snapshotSchema, type PublicList, type PublicListRow, type Snapshot } from './snapshotSchema'

let releaseSnapshot: string | null | undefined

/**
 * At build time SNAPSHOT_FILE names the snapshot. At run time (on-demand routes inside a release's
 * server bundle, `<release>/server/…`) the release's own `<release>/snapshot/snapshot.json` is
 * used, so each release reads the data it was built from.
 */
export function defaultSnapshotFile(): string {
  if (process.env.SNAPSHOT_FILE) return path.resolve(process.env.SNAPSHOT_FILE)
  if (releaseSnapshot === undefined) {
    releaseSnapshot = null
    let dir = path.dirname(fileURLToPath(import.meta.url))
    for (let i = 0; i < 6; i++) {
      const candidate = path.join(dir, 'snapshot', 'snapshot.json')
      if (fs.existsSync(candidate)) {
        releaseSnapshot = candidate
        break
      }
      dir = path.dirname(dir)
    }
  }
  return releaseSnapshot ?? path.join(process.cwd(), 'content', 'snapshot', 'snapshot.json')
}

let cached: { file: string; snapshot: Snapshot } | undefined

function issuesText(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.')}: ${i.message}`)
    .join('\n')
}

/** Loads and validates the masked snapshot once per build. */
export function loadSnapshot(file = defaultSnapshotFile()): Snapshot {
  if (cached?.file === file) return cached.snapshot
  let raw: unknown
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (err) {
    throw new Error(`读取公开数据快照失败（${file}）：${(err as Error).message}。请先运行导出（npm run publish）。`)
  }
  const parsed = snapshotSchema.safeParse(raw)
  if (!parsed.success) {
    throw new Error(`公开数据快照不符合结构约定，拒绝构建：\n${issuesText(parsed.error.issues)}`)
  }
  cached = { file, snapshot: parsed.data }
  rowsCache.clear()
  return parsed.data
}

const rowsCache = new Map<string, PublicListRow[]>()

/**
 * The rows of one recipient list (`lists/<id>.json` beside the snapshot file), read and validated
 * once per build: thousands of village pages share them, so no page re-reads or re-validates.
 */
export function loadListRows(list: Pick<PublicList, 'id' | 'rowsFile'>, file = defaultSnapshotFile()): PublicListRow[] {
  loadSnapshot(file)
  const hit = rowsCache.get(list.id)
  if (hit) return hit
  const rowsPath = path.join(path.dirname(file), list.rowsFile)
  let raw: unknown
  try {
    raw = JSON.parse(fs.readFileSync(rowsPath, 'utf8'))
  } catch (err) {
    throw new Error(`读取名单明细失败（${rowsPath}）：${(err as Error).message}。快照不完整，请重新导出。`)
  }
  const parsed = listRowsFileSchema.safeParse(raw)
  if (!parsed.success) {
    throw new Error(`名单明细 ${list.rowsFile} 不符合结构约定，拒绝构建：\n${issuesText(parsed.error.issues)}`)
  }
  if (parsed.data.listId !== list.id) {
    throw new Error(`名单明细 ${list.rowsFile} 属于名单“${parsed.data.listId}”，而快照中对应的是“${list.id}”；请重新导出。`)
  }
  rowsCache.set(list.id, parsed.data.rows)
  return parsed.data.rows
}
