import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createClient } from '@libsql/client'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backup, restoreMongo, restoreSqliteFiles } from '../../cms/ops/backup'
import { seedDemoContent } from '../../cms/seed/seedDemo'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let dir: string
beforeAll(async () => {
  t = await startTestPayload()
  await seedDemoContent(t.payload)
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } }).png().toBuffer()
  await t.payload.create({ collection: 'media', data: { alt: '测试图' }, file: { data: png, mimetype: 'image/png', name: 'board.png', size: png.length }, context: { skipAudit: true } })
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ygjz-backup-'))
}, 240_000)
afterAll(async () => {
  await t?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('backup and restore', () => {
  it('round-trips every table/collection into an empty instance', async () => {
    const target = path.join(dir, 'b1')
    const info = await backup(t.payload, target)
    expect(info.counts['recipient_rows'] ?? info.counts['recipient-rows']).toBeGreaterThan(100)
    expect(fs.readdirSync(path.join(target, 'media'))).toContain('board.png')

    const restoredData = path.join(dir, 'restored')
    const saved = process.env.DATA_DIR
    process.env.DATA_DIR = restoredData
    try {
      if (t.kind === 'sqlite') {
        restoreSqliteFiles(target)
        expect(() => restoreSqliteFiles(target)).toThrow(/目标数据库已存在/)
        const a = createClient({ url: `file:${path.join(saved!, 'cms.db')}` })
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
      } else {
        const { MongoClient, BSON } = await import('mongodb')
        const url = new URL(process.env.DATABASE_URI!)
        const conn = await MongoClient.connect(process.env.DATABASE_URI!)
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
      expect(fs.readdirSync(path.join(restoredData, 'media'))).toContain('board.png')
      expect(fs.readFileSync(path.join(restoredData, 'id-hash-key'), 'utf8')).toBe(fs.readFileSync(path.join(saved!, 'id-hash-key'), 'utf8'))
    } finally {
      process.env.DATA_DIR = saved
    }
  }, 240_000)

  it('refuses to write into a non-empty backup folder', async () => {
    const target = path.join(dir, 'b2')
    fs.mkdirSync(target)
    fs.writeFileSync(path.join(target, 'x'), 'x')
    await expect(backup(t.payload, target)).rejects.toThrow(/备份目录不为空/)
  })
})
