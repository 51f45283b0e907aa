import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoContent } from '../../cms/seed/seedDemo'
import { isEncryptedIdentifier, isUnderCurrentKey } from '../../cms/security/fieldEncryption'
import { reencryptIdentifiers } from '../../cms/security/identifierStore'
import { readListRows } from '../../cms/storage/rowStore'
import { filesUnder, rawValuesIn } from '../helpers/atRest'
import { makeUser } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
const rawIds = new Set<string>()
const hashes = new Set<string>()
const PHONE = '0000-7654329'
let listId: string

beforeAll(async () => {
  t = await startTestPayload()
  await seedDemoContent(t.payload)
  const lists = await t.payload.find({ collection: 'recipient-lists', overrideAccess: true, limit: 0, depth: 0, draft: true })
  const rows = await readListRows(t.payload, lists.docs.map((l) => String(l.id)))
  listId = String(lists.docs[0].id)
  for (const rs of rows.values()) for (const r of rs) {
    if (r.idNumber) rawIds.add(r.idNumber)
    if (r.idHash) hashes.add(r.idHash)
  }
  const notices = await t.payload.find({ collection: 'notices', overrideAccess: true, pagination: false, depth: 0 })
  for (const n of notices.docs) for (const e of n.entries ?? []) if (e.idNumber) rawIds.add(e.idNumber)
  const category = (await t.payload.find({ collection: 'complaint-categories', overrideAccess: true, limit: 1 })).docs[0]
  await t.payload.create({ collection: 'complaints', overrideAccess: true, data: { kind: 'other', category: category.id, source: 'phone', anonymous: false, reporterName: '来电群众', reporterPhone: PHONE, content: '电话反映：公示栏字太小。' } })
}, 240_000)
afterAll(async () => {
  await t?.close()
})

/** The database's own files when the suite owns the server (SQLite file, throw-away PostgreSQL cluster, FerretDB's files). */
async function databaseFiles(): Promise<string[] | null> {
  if (t.kind === 'sqlite') return filesUnder(t.dataDir).filter((f) => /cms\.db/.test(path.basename(f)))
  if (t.kind === 'postgres') {
    if (!process.env.TEST_POSTGRES_DATA_DIR) return null
    await t.payload.db.execute?.({ drizzle: (t.payload.db as never as { drizzle: unknown }).drizzle, raw: 'CHECKPOINT' } as never)
    return filesUnder(process.env.TEST_POSTGRES_DATA_DIR)
  }
  return process.env.TEST_MONGODB_DATA_DIR ? filesUnder(process.env.TEST_MONGODB_DATA_DIR) : null
}

describe('identifiers are encrypted at rest', () => {
  it('no raw ID number or complainant phone is in the database files (the keyed hashes beside them are)', async () => {
    expect(rawIds.size).toBeGreaterThan(100)
    const files = await databaseFiles()
    if (!files) return // an external server: its files are not ours to read (the backup test still greps the dump)
    expect(files.length).toBeGreaterThan(0)
    const sample = [...hashes].slice(0, 50)
    // The scan finds what is there: the keyed hashes are stored in plaintext in the same rows.
    expect(rawValuesIn(files, sample).size).toBe(sample.length)
    expect([...rawValuesIn(files, [...rawIds, PHONE])]).toEqual([])
  })

  it('decrypts for those who may read ID numbers and for no one else', async () => {
    const [admin, officer] = [await makeUser(t.payload, ['admin']), await makeUser(t.payload, ['complaintOfficer'])]
    const notice = (await t.payload.find({ collection: 'notices', overrideAccess: true, limit: 1, where: { _status: { equals: 'published' } } })).docs[0]
    const asAdmin = await t.payload.findByID({ collection: 'notices', id: notice.id, user: admin as never, overrideAccess: false })
    expect(asAdmin.entries?.[0]?.idNumber).toMatch(/^\d{17}[\dX]$/)
    expect(rawIds.has(asAdmin.entries![0].idNumber!)).toBe(true)
    const asOfficer = await t.payload.findByID({ collection: 'notices', id: notice.id, user: officer as never, overrideAccess: false })
    expect(asOfficer.entries?.length).toBeGreaterThan(0)
    expect(asOfficer.entries!.every((e) => e.idNumber === undefined)).toBe(true)
    const complaint = (await t.payload.find({ collection: 'complaints', user: officer as never, overrideAccess: false, where: { content: { equals: '电话反映：公示栏字太小。' } } })).docs[0]
    expect(complaint?.reporterPhone).toBe(PHONE)
  })

  it('encrypts a plaintext value left from before (an old database) and rotates keys in resumable batches', async () => {
    const db = t.payload.db as unknown as { collections?: Record<string, { updateOne: (f: unknown, u: unknown) => Promise<unknown> }> }
    const row = (await t.payload.find({ collection: 'recipient-rows', overrideAccess: true, limit: 1, where: { list: { equals: listId } }, sort: 'no' })).docs[0]
    const plain = row.idNumber!
    // Write the plaintext past the field hook, as an old version of the software did.
    if (t.kind === 'mongodb') await db.collections!['recipient-rows'].updateOne({ _id: row.id }, { $set: { idNumber: plain } })
    else await t.payload.db.updateOne({ collection: 'recipient-rows', id: row.id, data: { idNumber: plain }, req: {} as never } as never)
    const stored = async () => {
      const raw = await t.payload.db.findOne({ collection: 'recipient-rows', where: { id: { equals: row.id } }, req: {} as never } as never)
      return (raw as { idNumber?: string }).idNumber
    }
    expect(await stored()).toBe(plain)
    const first = await reencryptIdentifiers(t.payload)
    expect(first.updated).toBe(1)
    expect(isEncryptedIdentifier(await stored())).toBe(true)

    // FerretDB (the MongoDB stand-in here) scans every document for each update by _id: rotating
    // thousands of values takes far too long on it, so rotation is exercised on the SQL databases.
    if (process.env.MONGODB_COMPAT === 'ferretdb') return
    const saved = { key: process.env.FIELD_KEY, previous: process.env.FIELD_KEY_PREVIOUS, cipher: process.env.FIELD_CIPHER }
    try {
      process.env.FIELD_KEY_PREVIOUS = fs.readFileSync(path.join(t.dataDir, 'field-key'), 'utf8').trim()
      process.env.FIELD_KEY = crypto.randomBytes(32).toString('hex')
      process.env.FIELD_CIPHER = 'sm4-gcm'
      // Interrupted after the first batch: what was done stays done, the next run continues.
      const batchSize = 100
      let batches = 0
      await expect(reencryptIdentifiers(t.payload, { batchSize, onBatch: () => { if (++batches === 1) throw new Error('停电') } })).rejects.toThrow('停电')
      const rest = await reencryptIdentifiers(t.payload, { batchSize })
      expect(rest.failed).toBe(0)
      expect(rest.updated).toBeGreaterThan(rawIds.size - batchSize)
      expect(isUnderCurrentKey(await stored())).toBe(true)
      expect((await reencryptIdentifiers(t.payload)).updated).toBe(0)
      const again = await readListRows(t.payload, [listId])
      expect(again.get(listId)!.find((r) => r.no === row.no)!.idNumber).toBe(plain)
      // Nothing is left under the old key: everything still reads without it.
      delete process.env.FIELD_KEY_PREVIOUS
      const without = await readListRows(t.payload, [listId])
      expect(without.get(listId)!.every((r) => !r.idNumber || /^\d{17}[\dX]$/.test(r.idNumber))).toBe(true)
    } finally {
      for (const [k, v] of [['FIELD_KEY', saved.key], ['FIELD_KEY_PREVIOUS', saved.previous], ['FIELD_CIPHER', saved.cipher]] as const) {
        if (v === undefined) delete process.env[k]
        else process.env[k] = v
      }
    }
  }, 180_000)
})
