import crypto from 'node:crypto'
import type { Payload } from 'payload'
import { databaseKind } from '../database'

/**
 * Recipient-list rows in bulk. A county has ~10,000 households a month and a city ~100,000; one
 * Payload `create` per row is far too slow, so rows are written and read here in batches, on the
 * same table/collection Payload defines (so the admin still shows and access-controls them).
 * SQLite: one atomic batch of multi-row INSERTs. MongoDB: insertMany through Payload's own model
 * (no transactions needed: a list is publishable only once its importStatus is "complete").
 */
export type RowInput = {
  no: number
  headName: string
  idNumber?: string | null
  idHash?: string | null
  householdSize: number
  amount: number
  category?: string | null
  villageId: string
}

export type StoredRow = RowInput & { listId: string }

const SQLITE_COLUMNS = ['id', 'list_id', 'no', 'head_name', 'id_number', 'id_hash', 'household_size', 'amount', 'category', 'village_id', 'region_id', 'updated_at', 'created_at']
const ROWS_PER_STATEMENT = Math.floor(30_000 / SQLITE_COLUMNS.length)

type LibsqlClient = {
  batch: (stmts: { sql: string; args: unknown[] }[], mode: 'write' | 'read') => Promise<unknown>
  execute: (stmt: { sql: string; args: unknown[] }) => Promise<{ rows: Record<string, unknown>[] }>
}
type MongoModel = {
  insertMany: (docs: unknown[], opts: unknown) => Promise<unknown>
  deleteMany: (filter: unknown) => Promise<unknown>
  find: (filter: unknown, projection?: unknown) => { sort: (s: unknown) => { lean: () => { cursor?: unknown } & Promise<Record<string, unknown>[]> } }
}

const sqliteClient = (payload: Payload) => (payload.db as unknown as { client: LibsqlClient }).client
const mongoModel = (payload: Payload) => (payload.db as unknown as { collections: Record<string, MongoModel> }).collections['recipient-rows']

export async function insertListRows(payload: Payload, listId: string, regionId: string, rows: RowInput[]): Promise<void> {
  const now = new Date().toISOString()
  if (databaseKind() === 'sqlite') {
    const stmts: { sql: string; args: unknown[] }[] = []
    const oneRow = `(${SQLITE_COLUMNS.map(() => '?').join(',')})`
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(i, i + ROWS_PER_STATEMENT)
      const args: unknown[] = []
      for (const r of chunk) {
        args.push(crypto.randomUUID(), listId, r.no, r.headName, r.idNumber ?? null, r.idHash ?? null, r.householdSize, r.amount, r.category ?? null, r.villageId, regionId, now, now)
      }
      stmts.push({ sql: `INSERT INTO recipient_rows (${SQLITE_COLUMNS.join(',')}) VALUES ${chunk.map(() => oneRow).join(',')}`, args })
    }
    if (stmts.length) await sqliteClient(payload).batch(stmts, 'write')
    return
  }
  const model = mongoModel(payload)
  const at = new Date(now)
  for (let i = 0; i < rows.length; i += 5000) {
    const docs = rows.slice(i, i + 5000).map((r) => ({
      list: listId,
      no: r.no,
      headName: r.headName,
      idNumber: r.idNumber ?? null,
      idHash: r.idHash ?? null,
      householdSize: r.householdSize,
      amount: r.amount,
      category: r.category ?? null,
      village: r.villageId,
      region: regionId,
      createdAt: at,
      updatedAt: at,
    }))
    await model.insertMany(docs, { ordered: true, lean: false })
  }
}

/**
 * Erases the rows of a list (a take-down: raw names and ID numbers must not stay anywhere). One
 * statement, so all rows go or none. SQLite: with secure_delete on, the deleted cells and freed
 * pages are overwritten with zeros (rows are only ever appended, never updated, so no older copy
 * of a row sits elsewhere in the file; a full VACUUM would rewrite the whole county database inside
 * the request), then a WAL checkpoint (TRUNCATE) leaves no old frame in a -wal file. MongoDB:
 * deleteMany (compaction of the storage files is the operator's). Returns the number of rows removed.
 */
export async function deleteListRows(payload: Payload, listId: string): Promise<number> {
  if (databaseKind() === 'sqlite') {
    const client = sqliteClient(payload)
    await client.execute({ sql: 'PRAGMA secure_delete = ON', args: [] })
    const res = (await client.execute({ sql: 'DELETE FROM recipient_rows WHERE list_id = ?', args: [listId] })) as { rowsAffected?: number }
    const removed = Number(res.rowsAffected ?? 0)
    if (removed > 0) await client.execute({ sql: 'PRAGMA wal_checkpoint(TRUNCATE)', args: [] })
    return removed
  }
  const res = (await mongoModel(payload).deleteMany({ list: listId })) as { deletedCount?: number }
  return Number(res?.deletedCount ?? 0)
}

/** How many rows a list has (0 once erased). */
export async function countListRows(payload: Payload, listId: string): Promise<number> {
  if (databaseKind() === 'sqlite') {
    const res = await sqliteClient(payload).execute({ sql: 'SELECT COUNT(*) AS n FROM recipient_rows WHERE list_id = ?', args: [listId] })
    return Number(res.rows[0]?.n ?? 0)
  }
  const model = mongoModel(payload) as unknown as { countDocuments: (filter: unknown) => Promise<number> }
  return model.countDocuments({ list: listId })
}

/** All rows of the given lists, ordered by list then row number; only the columns the caller names are guaranteed. */
export async function readListRows(payload: Payload, listIds: string[]): Promise<Map<string, StoredRow[]>> {
  const out = new Map<string, StoredRow[]>(listIds.map((id) => [id, []]))
  if (!listIds.length) return out
  if (databaseKind() === 'sqlite') {
    for (let i = 0; i < listIds.length; i += 500) {
      const ids = listIds.slice(i, i + 500)
      const res = await sqliteClient(payload).execute({
        sql: `SELECT list_id, no, head_name, id_number, id_hash, household_size, amount, category, village_id FROM recipient_rows WHERE list_id IN (${ids.map(() => '?').join(',')}) ORDER BY list_id, no`,
        args: ids,
      })
      for (const r of res.rows) {
        out.get(String(r.list_id))!.push({
          listId: String(r.list_id),
          no: Number(r.no),
          headName: String(r.head_name),
          idNumber: (r.id_number as string | null) ?? null,
          idHash: (r.id_hash as string | null) ?? null,
          householdSize: Number(r.household_size),
          amount: Number(r.amount),
          category: (r.category as string | null) ?? null,
          villageId: String(r.village_id),
        })
      }
    }
    return out
  }
  const docs = await mongoModel(payload)
    .find({ list: { $in: listIds } }, { list: 1, no: 1, headName: 1, idNumber: 1, idHash: 1, householdSize: 1, amount: 1, category: 1, village: 1 })
    .sort({ list: 1, no: 1 })
    .lean()
  for (const d of docs) {
    const listId = String(d.list)
    out.get(listId)?.push({
      listId,
      no: Number(d.no),
      headName: String(d.headName),
      idNumber: (d.idNumber as string | null) ?? null,
      idHash: (d.idHash as string | null) ?? null,
      householdSize: Number(d.householdSize),
      amount: Number(d.amount),
      category: (d.category as string | null) ?? null,
      villageId: String(d.village),
    })
  }
  return out
}

export type RowKey = { idHash: string | null; householdSize: number; amount: number }

/**
 * The match keys of one list's rows (keyed ID hash, size, amount), a page at a time, in insertion
 * order. For callers on a server's request thread: each page is one short query, so other requests
 * are served between pages (readListRows reads a whole list in one blocking call).
 */
export async function* listRowKeys(payload: Payload, listId: string, pageSize = 5000): AsyncGenerator<RowKey[]> {
  if (databaseKind() === 'sqlite') {
    let after = 0
    for (;;) {
      const res = await sqliteClient(payload).execute({
        sql: 'SELECT rowid AS rid, id_hash, household_size, amount FROM recipient_rows WHERE list_id = ? AND rowid > ? ORDER BY rowid LIMIT ?',
        args: [listId, after, pageSize],
      })
      if (!res.rows.length) return
      after = Number(res.rows[res.rows.length - 1].rid)
      yield res.rows.map((r) => ({ idHash: (r.id_hash as string | null) ?? null, householdSize: Number(r.household_size), amount: Number(r.amount) }))
      if (res.rows.length < pageSize) return
    }
  }
  const model = mongoModel(payload) as unknown as {
    find: (filter: unknown, projection: unknown) => { sort: (s: unknown) => { limit: (n: number) => { lean: () => Promise<Record<string, unknown>[]> } } }
  }
  let after: unknown = null
  for (;;) {
    const filter = after === null ? { list: listId } : { list: listId, _id: { $gt: after } }
    const docs = await model.find(filter, { _id: 1, idHash: 1, householdSize: 1, amount: 1 }).sort({ _id: 1 }).limit(pageSize).lean()
    if (!docs.length) return
    after = docs[docs.length - 1]._id
    yield docs.map((d) => ({ idHash: (d.idHash as string | null) ?? null, householdSize: Number(d.householdSize), amount: Number(d.amount) }))
    if (docs.length < pageSize) return
  }
}

export type ListTotals = { households: number; persons: number; amount: number }

export function totalsOf(rows: Pick<RowInput, 'householdSize' | 'amount'>[]): ListTotals {
  let persons = 0
  let cents = 0
  for (const r of rows) {
    persons += r.householdSize
    cents += Math.round(r.amount * 100)
  }
  return { households: rows.length, persons, amount: cents / 100 }
}

/** Every distinct raw name and ID number held in list rows (for the PII gates' known-value check). */
export async function distinctRawValues(payload: Payload): Promise<string[]> {
  if (databaseKind() === 'sqlite') {
    const res = await sqliteClient(payload).execute({
      sql: 'SELECT DISTINCT head_name AS v FROM recipient_rows UNION SELECT DISTINCT id_number AS v FROM recipient_rows WHERE id_number IS NOT NULL',
      args: [],
    })
    return res.rows.map((r) => String(r.v))
  }
  const model = mongoModel(payload) as unknown as { distinct: (field: string) => Promise<unknown[]> }
  const [names, ids] = await Promise.all([model.distinct('headName'), model.distinct('idNumber')])
  return [...names, ...ids].filter((v): v is string => typeof v === 'string' && v.length > 0)
}
