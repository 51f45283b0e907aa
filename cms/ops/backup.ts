import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { Payload } from 'payload'
import { databaseKind, isFerretDB, sqliteFile, type DatabaseKind } from '../database'
import { dataDir, mediaDir } from '../paths'
import { isCipherName, type CipherName } from '../security/aead'
import { decryptStream, encryptStream } from '../security/encryptedFile'
import { keyId } from '../security/fieldEncryption'
import { secretFromEnvOrFile } from '../secret'
import { backupsToDelete } from './backupRotation'

/**
 * Backups you can restore and may keep: one consistent copy of the database plus media, every file
 * encrypted (cms/security/encryptedFile.ts) with BACKUP_KEY, which is never written into the backup.
 * Identifiers inside are field-encrypted already (FIELD_KEY), and no key is in the backup: a restore
 * needs the instance's FIELD_KEY, ID_HASH_KEY and BACKUP_KEY from where they are kept (backup.json
 * records their fingerprints so a restore with the wrong ones is refused before anything is written).
 *
 *   <backup>/backup.json              what, when, which database, how it was made consistent, counts, files
 *   <backup>/db/cms.db.enc            SQLite: an online copy made with VACUUM INTO
 *   <backup>/db/postgres.dump.enc     PostgreSQL: pg_dump (custom format) inside an exported snapshot
 *   <backup>/db/<coll>.ejson.enc      MongoDB: canonical Extended JSON per line, all read at one cluster time
 *   <backup>/media/<file>.enc         uploaded files
 */
export type BackupInfo = {
  format: 'ygjz-backup'
  version: 2
  createdAt: string
  database: DatabaseKind
  consistency: string
  counts: Record<string, number>
  encryption: { cipher: CipherName; backupKeyId: string }
  keys: { fieldKeyId: string | null; idHashKeyId: string | null }
  files: { path: string; bytes: number; sha256: string }[]
}

export const backupKey = () => secretFromEnvOrFile('BACKUP_KEY', 'backup-key')

export function backupCipher(): CipherName {
  const v = (process.env.BACKUP_CIPHER ?? process.env.FIELD_CIPHER ?? 'aes-256-gcm').toLowerCase()
  if (!isCipherName(v)) throw new Error(`BACKUP_CIPHER 只能是 aes-256-gcm 或 sm4-gcm（国密），现在是“${v}”。`)
  return v
}

/** A key as the instance holds it (environment first, then the generated file), without creating one. */
function peekSecret(envName: string, fileName: string): string | null {
  if (process.env[envName]) return process.env[envName]!
  try {
    return fs.readFileSync(path.join(dataDir(), fileName), 'utf8').trim() || null
  } catch {
    return null
  }
}

type LibsqlClient = { execute: (s: string | { sql: string; args: unknown[] }) => Promise<{ rows: Record<string, unknown>[] }> }
type MongoCollection = {
  find: (q?: unknown, o?: unknown) => AsyncIterable<Record<string, unknown>>
  insertMany: (docs: unknown[], o?: unknown) => Promise<unknown>
  countDocuments: (q?: unknown, o?: unknown) => Promise<number>
  indexes: () => Promise<{ name: string; key: Record<string, unknown>; unique?: boolean; sparse?: boolean }[]>
  createIndex: (key: Record<string, unknown>, o: unknown) => Promise<unknown>
}
type MongoDb = {
  listCollections: () => { toArray: () => Promise<{ name: string; type?: string }[]> }
  collection: (name: string) => MongoCollection
}
type MongoSession = { endSession: () => Promise<void> }
const libsql = (payload: Payload) => (payload.db as unknown as { client: LibsqlClient }).client
const mongoDb = (payload: Payload) => (payload.db as unknown as { connection: { db: MongoDb } }).connection.db

async function ejson() {
  const { BSON } = await import('mongodb')
  return BSON.EJSON
}

/** The PostgreSQL client tools: PG_BIN_DIR, else the newest Debian install, else PATH. */
export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  if (process.env.PG_BIN_DIR) return path.join(process.env.PG_BIN_DIR, name)
  const base = '/usr/lib/postgresql'
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', name))).sort((a, b) => Number(b) - Number(a)) : []
  return versions.length ? path.join(base, versions[0], 'bin', name) : name
}

/** libpq's environment for DATABASE_URI: the password never appears on a command line. */
function libpqEnv(uri = process.env.DATABASE_URI!): NodeJS.ProcessEnv {
  const u = new URL(uri)
  const env: NodeJS.ProcessEnv = { ...process.env, PGHOST: u.hostname, PGPORT: u.port || '5432', PGDATABASE: decodeURIComponent(u.pathname.slice(1)) || 'postgres' }
  if (u.username) env.PGUSER = decodeURIComponent(u.username)
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password)
  const sslmode = u.searchParams.get('sslmode')
  if (sslmode) env.PGSSLMODE = sslmode
  return env
}

/** Runs a client tool with its stdin/stdout attached to our streams; its stderr becomes the error. */
function runTool(cmd: string, args: string[], env: NodeJS.ProcessEnv, io: { stdin?: Readable; stdout?: Writable }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: [io.stdin ? 'pipe' : 'ignore', io.stdout ? 'pipe' : 'ignore', 'pipe'] })
    let err = ''
    child.stderr!.on('data', (d) => (err = (err + d).slice(-4000)))
    const piped: Promise<unknown>[] = []
    if (io.stdin) piped.push(pipeline(io.stdin, child.stdin!))
    if (io.stdout) piped.push(pipeline(child.stdout!, io.stdout))
    child.on('error', (e) => reject(new Error(`无法运行 ${cmd}：${e.message}。请安装 PostgreSQL 客户端（apt-get install -y postgresql-client）或设置 PG_BIN_DIR。`)))
    child.on('exit', async (code) => {
      try {
        await Promise.all(piped)
      } catch (e) {
        if (code === 0) return reject(e)
      }
      if (code === 0) resolve()
      else reject(new Error(`${path.basename(cmd)} 失败（退出码 ${code}）：${err.trim().slice(-1500)}`))
    })
  })
}

class BackupWriter {
  files: BackupInfo['files'] = []
  constructor(private dir: string, private secret: string, private cipher: CipherName) {}
  /** Encrypts `source` into <dir>/<rel>.enc and records its size and hash. */
  async write(rel: string, source: Readable) {
    const file = path.join(this.dir, `${rel}.enc`)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const hash = crypto.createHash('sha256')
    let bytes = 0
    const out = fs.createWriteStream(file, { mode: 0o600 })
    await pipeline(source, encryptStream(this.secret, this.cipher), async function* (chunks) {
      for await (const c of chunks as AsyncIterable<Buffer>) {
        hash.update(c)
        bytes += c.length
        yield c
      }
    }, out)
    this.files.push({ path: `${rel}.enc`, bytes, sha256: hash.digest('hex') })
  }
}

function listFiles(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name), base) : e.isFile() ? [path.relative(base, path.join(dir, e.name))] : []))
}

export async function backup(payload: Payload, target: string): Promise<BackupInfo> {
  if (fs.existsSync(target) && fs.readdirSync(target).length) throw new Error(`备份目录不为空：${target}。请指定一个新的目录。`)
  const secret = backupKey()
  const cipher = backupCipher()
  const tmp = `${target}.partial`
  fs.rmSync(tmp, { recursive: true, force: true })
  fs.mkdirSync(path.join(tmp, 'db'), { recursive: true, mode: 0o700 })
  const writer = new BackupWriter(tmp, secret, cipher)
  const counts: Record<string, number> = {}
  const kind = databaseKind()
  let consistency: string
  try {
    if (kind === 'sqlite') consistency = await backupSqlite(payload, writer, counts)
    else if (kind === 'postgres') consistency = await backupPostgres(writer, counts)
    else consistency = await backupMongo(payload, writer, counts)
    for (const rel of listFiles(mediaDir())) await writer.write(path.join('media', rel), fs.createReadStream(path.join(mediaDir(), rel)))
    const field = peekSecret('FIELD_KEY', 'field-key')
    const idHash = peekSecret('ID_HASH_KEY', 'id-hash-key')
    const info: BackupInfo = {
      format: 'ygjz-backup',
      version: 2,
      createdAt: new Date().toISOString(),
      database: kind,
      consistency,
      counts,
      encryption: { cipher, backupKeyId: keyId(secret) },
      keys: { fieldKeyId: field ? keyId(field) : null, idHashKeyId: idHash ? keyId(idHash) : null },
      files: writer.files,
    }
    fs.writeFileSync(path.join(tmp, 'backup.json'), JSON.stringify(info, null, 1))
    fs.rmSync(target, { recursive: true, force: true })
    fs.renameSync(tmp, target)
    return info
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true })
    throw err
  }
}

async function backupSqlite(payload: Payload, writer: BackupWriter, counts: Record<string, number>) {
  // The plaintext copy stays beside the database (same protection), never in the backup folder.
  const copy = path.join(dataDir(), `.backup-${crypto.randomBytes(6).toString('hex')}.db`)
  try {
    await libsql(payload).execute({ sql: 'VACUUM INTO ?', args: [copy] })
    const { createClient } = await import('@libsql/client')
    const c = createClient({ url: `file:${copy}` })
    try {
      const tables = await c.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      for (const t of tables.rows) {
        const name = String(t.name)
        counts[name] = Number((await c.execute(`SELECT COUNT(*) AS n FROM "${name.replace(/"/g, '""')}"`)).rows[0].n)
      }
    } finally {
      c.close()
    }
    await writer.write('db/cms.db', fs.createReadStream(copy))
  } finally {
    fs.rmSync(copy, { force: true })
  }
  return 'SQLite VACUUM INTO（联机一致副本）'
}

async function backupPostgres(writer: BackupWriter, counts: Record<string, number>) {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: process.env.DATABASE_URI })
  await client.connect()
  try {
    // One snapshot for the counts and the dump: pg_dump joins it with --snapshot.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    const snapshot = (await client.query('SELECT pg_export_snapshot() AS s')).rows[0].s as string
    const tables = await client.query("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1")
    for (const { tablename } of tables.rows as { tablename: string }[]) {
      counts[tablename] = Number((await client.query(`SELECT COUNT(*) AS n FROM "${tablename.replace(/"/g, '""')}"`)).rows[0].n)
    }
    const dump = new (await import('node:stream')).PassThrough()
    await Promise.all([
      runTool(pgTool('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snapshot}`], libpqEnv(), { stdout: dump }),
      writer.write('db/postgres.dump', dump),
    ])
    await client.query('COMMIT')
  } finally {
    await client.end()
  }
  return 'PostgreSQL pg_dump（导出快照，REPEATABLE READ）'
}

async function backupMongo(payload: Payload, writer: BackupWriter, counts: Record<string, number>) {
  const EJSON = await ejson()
  const db = mongoDb(payload)
  // Every collection read at one cluster time: a snapshot session (MongoDB ≥ 5.0, replica set).
  // FerretDB (the test stand-in) has no snapshot reads; real deployments must not go without.
  let session: MongoSession | undefined
  if (!isFerretDB()) {
    const client = (payload.db as unknown as { connection: { getClient: () => { startSession: (o: unknown) => MongoSession } } }).connection.getClient()
    session = client.startSession({ snapshot: true })
  } else if (process.env.NODE_ENV === 'production') {
    throw new Error('MONGODB_COMPAT=ferretdb 不能用于生产环境的备份：它不支持快照读取，备份无法保证一致。')
  }
  try {
    for (const c of await db.listCollections().toArray()) {
      if (c.type === 'view' || c.name.startsWith('system.')) continue
      const coll = db.collection(c.name)
      let n = 0
      const lines = Readable.from((async function* () {
        for await (const doc of coll.find({}, session ? { session } : {})) {
          n++
          yield `${EJSON.stringify(doc, { relaxed: false })}\n`
        }
      })())
      try {
        await writer.write(`db/${c.name}.ejson`, lines)
      } catch (err) {
        if (/snapshot|SnapshotUnavailable|not supported/i.test((err as Error).message)) {
          throw new Error(`MongoDB 无法做快照读取（需要 MongoDB 5.0 以上的副本集）：${(err as Error).message}`)
        }
        throw err
      }
      counts[c.name] = n
      const indexes = (await coll.indexes()).filter((i) => i.name !== '_id_')
      await writer.write(`db/${c.name}.indexes.json`, Readable.from([JSON.stringify(indexes)]))
    }
  } finally {
    await session?.endSession()
  }
  return session ? 'MongoDB 快照会话（readConcern snapshot，同一集群时间）' : '无快照（FerretDB 测试环境）'
}

export function readBackupInfo(source: string): BackupInfo {
  let info: BackupInfo
  try {
    info = JSON.parse(fs.readFileSync(path.join(source, 'backup.json'), 'utf8'))
  } catch {
    throw new Error(`${source} 不是有效的备份目录（缺少 backup.json）。`)
  }
  if (info.format !== 'ygjz-backup') throw new Error(`不支持的备份格式：${info.format}`)
  if (info.version !== 2) throw new Error(`这是旧版（v${info.version}，未加密）备份，本版本只恢复 v2 加密备份。请用旧版本恢复后重新备份。`)
  return info
}

const KIND_LABEL: Record<DatabaseKind, string> = { sqlite: '内置 SQLite', postgres: 'PostgreSQL', mongodb: 'MongoDB' }
const HOW_TO_SELECT: Record<DatabaseKind, string> = {
  sqlite: '不要设置 DATABASE_URI（使用内置数据库）',
  postgres: '设置 DATABASE_URI=postgres://… 指向一个空的 PostgreSQL 数据库',
  mongodb: '设置 DATABASE_URI=mongodb://… 指向一个空的 MongoDB 数据库',
}

/**
 * Checks everything a restore needs before anything is written: the database kind, the backup key,
 * the field key (identifiers stay encrypted under it) and the ID-hash key (month-over-month matching).
 */
export function checkRestorable(source: string): { info: BackupInfo; secret: string } {
  const info = readBackupInfo(source)
  const kind = databaseKind()
  if (info.database !== kind) throw new Error(`这是${KIND_LABEL[info.database]}的备份，当前实例使用${KIND_LABEL[kind]}。请${HOW_TO_SELECT[info.database]}后再恢复。`)
  const secret = peekSecret('BACKUP_KEY', 'backup-key')
  if (!secret) throw new Error('缺少备份密钥：请设置 BACKUP_KEY（做备份时的那个），或把它放到 .data/backup-key。备份目录里不存放密钥。')
  if (keyId(secret) !== info.encryption.backupKeyId) throw new Error(`备份密钥不对：这份备份用编号 ${info.encryption.backupKeyId} 的密钥加密，当前 BACKUP_KEY 的编号是 ${keyId(secret)}。`)
  const need = (label: string, envName: string, fileName: string, wanted: string | null) => {
    if (!wanted) return
    const have = peekSecret(envName, fileName)
    const previous = envName === 'FIELD_KEY' ? (process.env.FIELD_KEY_PREVIOUS ?? '').split(',').filter(Boolean).map(keyId) : []
    if (!have) throw new Error(`缺少${label}（编号 ${wanted}）：请设置 ${envName}，或把原实例的 .data/${fileName} 放到本实例的数据目录，再恢复。`)
    if (keyId(have) !== wanted && !previous.includes(wanted)) throw new Error(`${label}不对：备份需要编号 ${wanted} 的密钥，本实例的是 ${keyId(have)}。请使用原实例的 ${envName}。`)
  }
  need('字段加密密钥', 'FIELD_KEY', 'field-key', info.keys.fieldKeyId)
  need('身份证号散列密钥', 'ID_HASH_KEY', 'id-hash-key', info.keys.idHashKeyId)
  return { info, secret }
}

const decrypted = (source: string, rel: string, secret: string) => fs.createReadStream(path.join(source, rel)).pipe(decryptStream(secret))

/** SQLite and PostgreSQL are restored before Payload opens the database; both refuse a non-empty target. */
export async function restoreBeforeBoot(source: string): Promise<BackupInfo | null> {
  const kind = databaseKind()
  if (kind === 'mongodb') return null
  const { info, secret } = checkRestorable(source)
  if (kind === 'sqlite') {
    const target = sqliteFile().replace(/^file:/, '')
    if (fs.existsSync(target) && fs.statSync(target).size > 0) throw new Error(`目标数据库已存在：${target}。恢复只能写入空实例，请先移走现有数据库。`)
    fs.mkdirSync(path.dirname(target), { recursive: true })
    await pipeline(decrypted(source, 'db/cms.db.enc', secret), fs.createWriteStream(`${target}.restoring`, { mode: 0o600 }))
    fs.renameSync(`${target}.restoring`, target)
  } else {
    await ensureEmptyPostgres()
    await runTool(pgTool('pg_restore'), ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${libpqEnv().PGDATABASE}`], libpqEnv(), { stdin: decrypted(source, 'db/postgres.dump.enc', secret) })
  }
  await restoreMedia(source, info, secret)
  return info
}

async function ensureEmptyPostgres() {
  const { default: pg } = await import('pg')
  const uri = process.env.DATABASE_URI!
  let client = new pg.Client({ connectionString: uri })
  try {
    await client.connect()
  } catch (err) {
    if (!/does not exist/.test((err as Error).message)) throw err
    const admin = new URL(uri)
    const name = decodeURIComponent(admin.pathname.slice(1))
    admin.pathname = '/postgres'
    const a = new pg.Client({ connectionString: admin.toString() })
    await a.connect()
    await a.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`).finally(() => a.end())
    client = new pg.Client({ connectionString: uri })
    await client.connect()
  }
  try {
    const n = Number((await client.query('SELECT COUNT(*) AS n FROM pg_tables WHERE schemaname = current_schema()')).rows[0].n)
    if (n > 0) throw new Error(`目标数据库不为空（已有 ${n} 个表）。恢复只能写入空数据库。`)
  } finally {
    await client.end()
  }
}

/** MongoDB restore goes through a running Payload connection into an EMPTY database. */
export async function restoreMongo(payload: Payload, source: string): Promise<BackupInfo> {
  const { info, secret } = checkRestorable(source)
  const EJSON = await ejson()
  const db = mongoDb(payload)
  for (const c of await db.listCollections().toArray()) {
    if (!c.name.startsWith('system.') && (await db.collection(c.name).countDocuments()) > 0) {
      throw new Error(`目标数据库不为空（集合 ${c.name} 已有数据）。恢复只能写入空数据库。`)
    }
  }
  for (const f of info.files.filter((x) => /^db\/.*\.ejson\.enc$/.test(x.path))) {
    const name = f.path.replace(/^db\//, '').replace(/\.ejson\.enc$/, '')
    let batch: unknown[] = []
    const lines = readline.createInterface({ input: decrypted(source, f.path, secret), crlfDelay: Infinity })
    for await (const line of lines) {
      if (!line) continue
      batch.push(EJSON.parse(line, { relaxed: false }))
      if (batch.length === 1000) {
        await db.collection(name).insertMany(batch, { ordered: true })
        batch = []
      }
    }
    if (batch.length) await db.collection(name).insertMany(batch, { ordered: true })
    const idx = info.files.find((x) => x.path === `db/${name}.indexes.json.enc`)
    if (idx) {
      const chunks: Buffer[] = []
      for await (const c of decrypted(source, idx.path, secret)) chunks.push(c as Buffer)
      for (const i of JSON.parse(Buffer.concat(chunks).toString('utf8'))) {
        await db.collection(name).createIndex(i.key, { name: i.name, unique: i.unique, sparse: i.sparse }).catch(() => {})
      }
    }
  }
  await restoreMedia(source, info, secret)
  return info
}

async function restoreMedia(source: string, info: BackupInfo, secret: string) {
  for (const f of info.files.filter((x) => x.path.startsWith('media/'))) {
    const out = path.join(mediaDir(), f.path.replace(/^media\//, '').replace(/\.enc$/, ''))
    fs.mkdirSync(path.dirname(out), { recursive: true })
    await pipeline(decrypted(source, f.path, secret), fs.createWriteStream(out))
  }
}

/** Deletes the backups under `dir` that rotation no longer keeps (and leftovers of interrupted runs). */
export function rotateBackups(dir: string, keep: { daily: number; monthly: number }): string[] {
  if (!fs.existsSync(dir)) return []
  const entries: { name: string; createdAt: string }[] = []
  for (const name of fs.readdirSync(dir)) {
    const p = path.join(dir, name)
    if (name.endsWith('.partial')) continue
    try {
      const info = JSON.parse(fs.readFileSync(path.join(p, 'backup.json'), 'utf8')) as BackupInfo
      if (info.format === 'ygjz-backup') entries.push({ name, createdAt: info.createdAt })
    } catch {
      // not a backup: never touched
    }
  }
  const doomed = backupsToDelete(entries, keep)
  for (const name of doomed) fs.rmSync(path.join(dir, name), { recursive: true, force: true })
  return doomed
}
