import crypto from 'node:crypto'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createClient } from '@libsql/client'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backup, checkRestorable, pgTool, readBackupInfo, restoreBeforeBoot, restoreMongo, rotateBackups } from '../../cms/ops/backup'
import { decryptStream } from '../../cms/security/encryptedFile'
import { seedDemoContent } from '../../cms/seed/seedDemo'
import { readListRows } from '../../cms/storage/rowStore'
import { filesUnder, rawValuesIn } from '../helpers/atRest'
import { dropPostgresDatabase, startTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let dir: string
const rawIds = new Set<string>()
const hashes: string[] = []
beforeAll(async () => {
  t = await startTestPayload()
  await seedDemoContent(t.payload)
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } }).png().toBuffer()
  await t.payload.create({ collection: 'media', data: { alt: '测试图' }, file: { data: png, mimetype: 'image/png', name: 'board.png', size: png.length }, context: { skipAudit: true } })
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ygjz-backup-'))
  const lists = await t.payload.find({ collection: 'recipient-lists', overrideAccess: true, limit: 0, depth: 0, draft: true })
  for (const rows of (await readListRows(t.payload, lists.docs.map((l) => String(l.id)))).values()) {
    for (const r of rows) {
      if (r.idNumber) rawIds.add(r.idNumber)
      if (r.idHash) hashes.push(r.idHash)
    }
  }
  const notices = await t.payload.find({ collection: 'notices', overrideAccess: true, pagination: false, depth: 0 })
  for (const n of notices.docs) for (const e of n.entries ?? []) if (e.idNumber) rawIds.add(e.idNumber)
}, 240_000)
afterAll(async () => {
  await t?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const KEY_FILES = ['backup-key', 'field-key', 'id-hash-key']

/** Every file of a backup decrypted into `out` (a PostgreSQL dump also as its SQL text, since the dump format compresses). */
async function decryptBackup(target: string, out: string): Promise<string[]> {
  const secret = fs.readFileSync(path.join(t.dataDir, 'backup-key'), 'utf8').trim()
  for (const f of readBackupInfo(target).files) {
    const plain = path.join(out, f.path.replace(/\.enc$/, ''))
    fs.mkdirSync(path.dirname(plain), { recursive: true })
    await pipeline(fs.createReadStream(path.join(target, f.path)), decryptStream(secret), fs.createWriteStream(plain))
    if (plain.endsWith('postgres.dump')) {
      const sql = spawnSync(pgTool('pg_restore'), ['-f', `${plain}.sql`, plain], { encoding: 'utf8' })
      expect(sql.status, sql.stderr).toBe(0)
    }
  }
  return filesUnder(out)
}

describe('backup and restore', () => {
  it('writes only encrypted files, no key, and no plaintext identifier even once decrypted', async () => {
    const target = path.join(dir, 'b1')
    const info = await backup(t.payload, target)
    expect(info.counts['recipient_rows'] ?? info.counts['recipient-rows']).toBeGreaterThan(100)
    expect(info.files.some((f) => f.path === 'media/board.png.enc')).toBe(true)
    const files = filesUnder(target)
    expect(files.filter((f) => !f.endsWith('.enc')).map((f) => path.basename(f))).toEqual(['backup.json'])
    for (const k of KEY_FILES) {
      const secret = fs.readFileSync(path.join(t.dataDir, k), 'utf8').trim()
      expect(rawValuesIn(files, [secret]).size, k).toBe(0)
    }
    expect(rawValuesIn(files, hashes.slice(0, 20)).size).toBe(0) // encrypted: not even the hashes show

    const plain = await decryptBackup(target, path.join(dir, 'b1-plain'))
    const sample = hashes.slice(0, 20)
    expect(rawValuesIn(plain, sample).size).toBe(sample.length) // the scan does see the decrypted data
    expect(rawIds.size).toBeGreaterThan(100)
    expect([...rawValuesIn(plain, rawIds)]).toEqual([])
    fs.rmSync(path.join(dir, 'b1-plain'), { recursive: true, force: true })
  }, 240_000)

  it('round-trips every table/collection into an empty instance, and only with the right keys', async () => {
    const target = path.join(dir, 'b1')
    const restoredData = path.join(dir, 'restored')
    fs.mkdirSync(restoredData, { recursive: true })
    const saved = { dataDir: process.env.DATA_DIR, uri: process.env.DATABASE_URI }
    process.env.DATA_DIR = restoredData
    try {
      // Keys are not in the backup: without them the restore stops before writing anything.
      expect(() => checkRestorable(target)).toThrow(/缺少备份密钥/)
      fs.writeFileSync(path.join(restoredData, 'backup-key'), crypto.randomBytes(32).toString('hex'))
      expect(() => checkRestorable(target)).toThrow(/备份密钥不对/)
      fs.copyFileSync(path.join(saved.dataDir!, 'backup-key'), path.join(restoredData, 'backup-key'))
      expect(() => checkRestorable(target)).toThrow(/缺少字段加密密钥/)
      for (const k of ['field-key', 'id-hash-key']) fs.copyFileSync(path.join(saved.dataDir!, k), path.join(restoredData, k))

      if (t.kind === 'sqlite') {
        await restoreBeforeBoot(target)
        await expect(restoreBeforeBoot(target)).rejects.toThrow(/目标数据库已存在/)
        const a = createClient({ url: `file:${path.join(saved.dataDir!, 'cms.db')}` })
        const b = createClient({ url: `file:${path.join(restoredData, 'cms.db')}` })
        const tables = (await a.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")).rows.map((r) => String(r.name))
        expect(tables.length).toBeGreaterThan(30)
        for (const table of tables) {
          const q = `SELECT * FROM "${table}" ORDER BY rowid`
          const [ra, rb] = [(await a.execute(q)).rows, (await b.execute(q)).rows]
          expect(rb.length, table).toBe(ra.length)
          expect(JSON.stringify(rb), table).toBe(JSON.stringify(ra))
        }
        a.close()
        b.close()
      } else if (t.kind === 'postgres') {
        const source = new URL(saved.uri!)
        const restored = new URL(saved.uri!)
        restored.pathname = `${source.pathname}_restored`
        process.env.DATABASE_URI = restored.toString()
        try {
          await restoreBeforeBoot(target)
          await expect(restoreBeforeBoot(target)).rejects.toThrow(/目标数据库不为空/)
          const { default: pg } = await import('pg')
          const [a, b] = [new pg.Client({ connectionString: source.toString() }), new pg.Client({ connectionString: restored.toString() })]
          await Promise.all([a.connect(), b.connect()])
          const tables = (await a.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).rows.map((r) => r.tablename as string)
          expect(tables.length).toBeGreaterThan(30)
          for (const table of tables) {
            const q = `SELECT COUNT(*) AS n, md5(COALESCE(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${table}" x`
            const [ra, rb] = [(await a.query(q)).rows[0], (await b.query(q)).rows[0]]
            expect(rb, table).toEqual(ra)
          }
          await Promise.all([a.end(), b.end()])
        } finally {
          const base = new URL(saved.uri!)
          base.pathname = '/postgres'
          await dropPostgresDatabase(base.toString(), restored.pathname.slice(1))
        }
      } else {
        const { MongoClient, BSON } = await import('mongodb')
        const url = new URL(saved.uri!)
        const conn = await MongoClient.connect(saved.uri!)
        const sourceDb = conn.db(url.pathname.slice(1))
        const emptyDb = conn.db(`${url.pathname.slice(1)}_restored`)
        await restoreMongo({ db: { connection: { db: emptyDb } } } as never, target)
        await expect(restoreMongo({ db: { connection: { db: emptyDb } } } as never, target)).rejects.toThrow(/目标数据库不为空/)
        const names = (await sourceDb.listCollections().toArray()).map((c) => c.name).filter((n) => !n.startsWith('system.'))
        expect(names.length).toBeGreaterThan(10)
        for (const name of names) {
          const dump = async (db: typeof sourceDb) => BSON.EJSON.stringify(await db.collection(name).find({}).sort({ _id: 1 }).toArray(), { relaxed: false })
          expect(await dump(emptyDb), name).toBe(await dump(sourceDb))
        }
        await emptyDb.dropDatabase()
        await conn.close()
      }
      expect(fs.readFileSync(path.join(restoredData, 'media', 'board.png'))).toEqual(fs.readFileSync(path.join(saved.dataDir!, 'media', 'board.png')))
    } finally {
      process.env.DATA_DIR = saved.dataDir
      process.env.DATABASE_URI = saved.uri
    }
  }, 240_000)

  it('refuses to write into a non-empty backup folder', async () => {
    const target = path.join(dir, 'b2')
    fs.mkdirSync(target)
    fs.writeFileSync(path.join(target, 'x'), 'x')
    await expect(backup(t.payload, target)).rejects.toThrow(/备份目录不为空/)
  })

  it('rotation removes what the policy no longer keeps, and only backups', async () => {
    const rot = path.join(dir, 'rotation')
    const make = (name: string, createdAt: string) => {
      fs.mkdirSync(path.join(rot, name), { recursive: true })
      fs.writeFileSync(path.join(rot, name, 'backup.json'), JSON.stringify({ format: 'ygjz-backup', version: 2, createdAt }))
    }
    make('old', '2026-10-01T18:00:00.000Z')
    make('mid', '2026-11-01T18:00:00.000Z')
    make('new', '2026-12-01T18:00:00.000Z')
    fs.mkdirSync(path.join(rot, 'notes'))
    expect(rotateBackups(rot, { daily: 1, monthly: 2 })).toEqual(['old'])
    expect(fs.readdirSync(rot).sort()).toEqual(['mid', 'new', 'notes'])
  })
})
