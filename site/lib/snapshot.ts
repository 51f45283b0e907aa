import fs from 'node:fs'
import path from 'node:path'
import { snapshotSchema, type Snapshot } from './snapshotSchema'

export const defaultSnapshotFile = () =>
  path.resolve(process.env.SNAPSHOT_FILE ?? path.join(process.cwd(), 'content', 'snapshot', 'snapshot.json'))

let cached: { file: string; snapshot: Snapshot } | undefined

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
    const first = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new Error(`公开数据快照不符合结构约定，拒绝构建：\n${first.join('\n')}`)
  }
  cached = { file, snapshot: parsed.data }
  return parsed.data
}
