import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { databaseKind, sqliteFile } from '../database'
import { dataDir, mediaDir } from '../paths'

/**
 * Backups: a consistent copy of the database plus media plus the ID-hash key (without it,
 * households cannot be matched across months after a restore). The folder holds personal data:
 * keep it as protected as the database itself.
 *
 *   <backup>/backup.json        what this is, when, which database kind, per-collection counts
 *   <backup>/db/cms.db          SQLite: an online copy made with VACUUM INTO (consistent, no lock-out)
 *   <backup>/db/<coll>.ejson    MongoDB: one canonical Extended JSON document per line, per collection
 *   <backup>/media/             uploaded files
 *   <backup>/keys/id-hash-key   when the key lives in DATA_DIR (not when it comes from ID_HASH_KEY)
 */
export type BackupInfo = {
  format: 'ygjz-backup'
  version: 1
  createdAt: string
  database: 'sqlite' | 'postgres' | 'mongodb'
  counts: Record<string, number>
}

type LibsqlClient = { execute: (s: string | { sql: string; args: unknown[] }) => Promise<{ rows: Record<string, unknown>[] }> }
type MongoDb = {
  listCollections: () => { toArray: () => Promise<{ name: string; type?: string }[]> }
  collection: (name: string) => {
    find: (q?: unknown) => AsyncIterable<Record<string, unknown>>
    insertMany: (docs: unknown[], o?: unknown) => Promise<unknown>
    countDocuments: () => Promise<number>
    indexes: () => Promise<{ name: string; key: Record<string, unknown>; unique?: boolean; sparse?: boolean }[]>
    createIndex: (key: Record<string, unknown>, o: unknown) => Promise<unknown>
  }
}
const client = (payload: Payload) => (payload.db as unknown as { client: LibsqlClient }).client
const mongoDb = (payload: Payload) => (payload.db as unknown as { connection: { db: MongoDb } }).connection.db

async function ejson() {
  const { BSON } = await import('mongodb')
  return BSON.EJSON
}

function copyDir(from: string, to: string) {
  if (!fs.existsSync(from)) return
  fs.cpSync(from, to, { recursive: true })
}

const sqlitePath = () => sqliteFile().replace(/^file:/, '')

export async function backup(payload: Payload, target: string): Promise<BackupInfo> {
  if (fs.existsSync(target) && fs.readdirSync(target).length) throw new Error(`备份目录不为空：${target}。请指定一个新的目录。`)
  const tmp = `${target}.partial`
  fs.rmSync(tmp, { recursive: true, force: true })
  fs.mkdirSync(path.join(tmp, 'db'), { recursive: true })
  const counts: Record<string, number> = {}
  const kind = databaseKind()
  try {
    if (kind === 'sqlite') {
      const file = path.join(tmp, 'db', 'cms.db')
      await client(payload).execute({ sql: 'VACUUM INTO ?', args: [file] })
      const tables = await client(payload).execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      for (const t of tables.rows) {
        const name = String(t.name)
        const res = await client(payload).execute(`SELECT COUNT(*) AS n FROM "${name.replace(/"/g, '""')}"`)
        counts[name] = Number(res.rows[0].n)
      }
    } else {
      const EJSON = await ejson()
      const db = mongoDb(payload)
      for (const c of await db.listCollections().toArray()) {
        if (c.type === 'view' || c.name.startsWith('system.')) continue
        const out = fs.createWriteStream(path.join(tmp, 'db', `${c.name}.ejson`))
        let n = 0
        for await (const doc of db.collection(c.name).find({})) {
          if (!out.write(`${EJSON.stringify(doc, { relaxed: false })}\n`)) await new Promise<void>((r) => out.once('drain', () => r()))
          n++
        }
        await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())))
        counts[c.name] = n
        const indexes = (await db.collection(c.name).indexes()).filter((i) => i.name !== '_id_')
        fs.writeFileSync(path.join(tmp, 'db', `${c.name}.indexes.json`), JSON.stringify(indexes))
      }
    }
    copyDir(mediaDir(), path.join(tmp, 'media'))
    const keyFile = path.join(dataDir(), 'id-hash-key')
    if (!process.env.ID_HASH_KEY && fs.existsSync(keyFile)) {
      fs.mkdirSync(path.join(tmp, 'keys'), { recursive: true })
      fs.copyFileSync(keyFile, path.join(tmp, 'keys', 'id-hash-key'))
    }
    const info: BackupInfo = { format: 'ygjz-backup', version: 1, createdAt: new Date().toISOString(), database: kind, counts }
    fs.writeFileSync(path.join(tmp, 'backup.json'), JSON.stringify(info, null, 1))
    fs.rmSync(target, { recursive: true, force: true })
    fs.renameSync(tmp, target)
    return info
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true })
    throw err
  }
}

export function readBackupInfo(source: string): BackupInfo {
  let info: BackupInfo
  try {
    info = JSON.parse(fs.readFileSync(path.join(source, 'backup.json'), 'utf8'))
  } catch {
    throw new Error(`${source} 不是有效的备份目录（缺少 backup.json）。`)
  }
  if (info.format !== 'ygjz-backup' || info.version !== 1) throw new Error(`不支持的备份格式：${info.format} v${info.version}`)
  return info
}

/**
 * SQLite restore happens before Payload opens the database: the file is copied into place.
 * Refuses to overwrite an existing database.
 */
export function restoreSqliteFiles(source: string): BackupInfo {
  const info = readBackupInfo(source)
  if (info.database !== 'sqlite') throw new Error('这是 MongoDB 的备份，请设置 DATABASE_URI 指向一个空的 MongoDB 数据库后再恢复。')
  const target = sqlitePath()
  if (fs.existsSync(target) && fs.statSync(target).size > 0) throw new Error(`目标数据库已存在：${target}。恢复只能写入空实例，请先移走现有数据库。`)
  checkKeyCompatible(source)
  fs.mkdirSync(path.dirname(target), { recursive: true })
  fs.copyFileSync(path.join(source, 'db', 'cms.db'), `${target}.restoring`)
  fs.renameSync(`${target}.restoring`, target)
  restoreFiles(source)
  return info
}

/** MongoDB restore goes through a running Payload connection into an EMPTY database. */
export async function restoreMongo(payload: Payload, source: string): Promise<BackupInfo> {
  const info = readBackupInfo(source)
  if (info.database !== 'mongodb') throw new Error('这是 SQLite 的备份，请不要设置 DATABASE_URI（使用内置数据库）后再恢复。')
  checkKeyCompatible(source)
  const EJSON = await ejson()
  const db = mongoDb(payload)
  for (const c of await db.listCollections().toArray()) {
    if (!c.name.startsWith('system.') && (await db.collection(c.name).countDocuments()) > 0) {
      throw new Error(`目标数据库不为空（集合 ${c.name} 已有数据）。恢复只能写入空数据库。`)
    }
  }
  for (const file of fs.readdirSync(path.join(source, 'db')).filter((f) => f.endsWith('.ejson'))) {
    const name = file.replace(/\.ejson$/, '')
    const lines = fs.readFileSync(path.join(source, 'db', file), 'utf8').split('\n').filter(Boolean)
    for (let i = 0; i < lines.length; i += 1000) {
      await db.collection(name).insertMany(lines.slice(i, i + 1000).map((l) => EJSON.parse(l, { relaxed: false })), { ordered: true })
    }
    const indexFile = path.join(source, 'db', `${name}.indexes.json`)
    if (fs.existsSync(indexFile)) {
      for (const idx of JSON.parse(fs.readFileSync(indexFile, 'utf8'))) {
        await db.collection(name).createIndex(idx.key, { name: idx.name, unique: idx.unique, sparse: idx.sparse }).catch(() => {})
      }
    }
  }
  restoreFiles(source)
  return info
}

function checkKeyCompatible(source: string) {
  const key = path.join(source, 'keys', 'id-hash-key')
  const target = path.join(dataDir(), 'id-hash-key')
  if (fs.existsSync(key) && fs.existsSync(target) && fs.readFileSync(target, 'utf8') !== fs.readFileSync(key, 'utf8')) {
    throw new Error('目标实例已有不同的身份证号散列密钥，恢复后将无法逐月比对家庭。请先移走 .data/id-hash-key。')
  }
}

function restoreFiles(source: string) {
  copyDir(path.join(source, 'media'), mediaDir())
  const key = path.join(source, 'keys', 'id-hash-key')
  if (fs.existsSync(key)) {
    fs.mkdirSync(dataDir(), { recursive: true })
    fs.copyFileSync(key, path.join(dataDir(), 'id-hash-key'))
  }
}
