import crypto from 'node:crypto'
import { sql as pgSql } from '@payloadcms/db-postgres/drizzle'
import { and, asc, count, eq, gt, inArray, isNotNull } from '@payloadcms/db-sqlite/drizzle'
import type { Payload } from 'payload'
import { databaseKind, isSqlDatabase } from '../database'
import { decryptIfEncrypted, encryptIfPlain } from '../security/fieldEncryption'

/**
 * Recipient-list rows in bulk. A county has ~10,000 households a month and a city ~100,000; one
 * Payload `create` per row is far too slow, so rows are written and read here in batches, on the
 * same table/collection Payload defines (so the admin still shows and access-controls them).
 * SQL databases (SQLite, PostgreSQL): one path through the adapter's Drizzle instance and its own
 * `recipient_rows` table: multi-row INSERTs in one transaction. MongoDB: insertMany through Payload's
 * own model (no transaction needed: a list is publishable only once its importStatus is "complete").
 * ID numbers are encrypted here exactly as the collection's field hook would (cms/fields/encrypted.ts).
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

/** SQLite: bound parameters per statement stay under its 32,766. PostgreSQL: rows per unnest() batch. */
const ROWS_PER_STATEMENT = { sqlite: 2_000, postgres: 20_000 }

// Drizzle's query builder is typed per dialect; the row store only uses what both dialects share.
type Drizzle = {
  insert: (t: unknown) => { values: (v: unknown[]) => Promise<unknown> }
  delete: (t: unknown) => { where: (w: unknown) => Promise<unknown> }
  select: (cols?: unknown) => { from: (t: unknown) => { where: (w: unknown) => { orderBy: (...o: unknown[]) => Promise<Record<string, unknown>[]> } } }
  selectDistinct: (cols: unknown) => { from: (t: unknown) => Promise<Record<string, unknown>[]> & { where: (w: unknown) => Promise<Record<string, unknown>[]> } }
  transaction: <T>(fn: (tx: Drizzle) => Promise<T>) => Promise<T>
  execute: (q: unknown) => Promise<unknown>
}
type RowsTable = Record<'id' | 'list' | 'no' | 'headName' | 'idNumber' | 'idHash' | 'householdSize' | 'amount' | 'category' | 'village' | 'region' | 'createdAt' | 'updatedAt', unknown>
type MongoModel = {
  insertMany: (docs: unknown[], opts: unknown) => Promise<unknown>
  deleteMany: (filter: unknown) => Promise<unknown>
  distinct: (field: string) => Promise<unknown[]>
  find: (filter: unknown, projection?: unknown) => { sort: (s: unknown) => { lean: () => Promise<Record<string, unknown>[]> } }
}

const INSERT_COLUMNS = ['id', 'list', 'no', 'headName', 'idNumber', 'idHash', 'householdSize', 'amount', 'category', 'village', 'region', 'createdAt', 'updatedAt'] as const
type Column = { name: string; getSQLType: () => string }

/**
 * PostgreSQL's COPY-like bulk insert: one array parameter per column, expanded by unnest(), so a
 * batch of 20,000 rows is one short statement instead of 260,000 bound parameters. Same table and
 * columns as the adapter's own Drizzle schema.
 */
function unnestInsert(table: RowsTable, rows: Record<(typeof INSERT_COLUMNS)[number], unknown>[]) {
  const cols = INSERT_COLUMNS.map((k) => table[k] as Column)
  const arrays = INSERT_COLUMNS.map((k) => rows.map((r) => r[k]))
  const types = cols.map((c) => c.getSQLType().replace(/\(.*\)/, ''))
  return pgSql.join(
    [
      pgSql.raw(`INSERT INTO "recipient_rows" (${cols.map((c) => `"${c.name}"`).join(', ')}) SELECT * FROM unnest(`),
      pgSql.join(arrays.map((a, i) => pgSql`${pgSql.param(a)}::${pgSql.raw(types[i])}[]`), pgSql.raw(", ")),
      pgSql.raw(')'),
    ],
    pgSql.raw(''),
  )
}

function sql(payload: Payload): { drizzle: Drizzle; rows: RowsTable } {
  const db = payload.db as unknown as { drizzle: Drizzle; tables: Record<string, RowsTable> }
  return { drizzle: db.drizzle, rows: db.tables.recipient_rows }
}
/** The SQLite adapter's libsql client, for the two PRAGMAs of an erasure. */
const sqliteClient = (payload: Payload) => (payload.db as unknown as { client: { execute: (q: string) => Promise<unknown> } }).client
const mongoModel = (payload: Payload) => (payload.db as unknown as { collections: Record<string, MongoModel> }).collections['recipient-rows']

const decryptedId = (v: unknown) => decryptIfEncrypted((v as string | null) ?? null, 'idNumber') ?? null

export async function insertListRows(payload: Payload, listId: string, regionId: string, rows: RowInput[]): Promise<void> {
  const now = new Date().toISOString()
  const kind = databaseKind()
  if (isSqlDatabase(kind)) {
    if (!rows.length) return
    const { drizzle, rows: table } = sql(payload)
    const values = rows.map((r) => ({
      id: crypto.randomUUID(),
      list: listId,
      no: r.no,
      headName: r.headName,
      idNumber: encryptIfPlain(r.idNumber ?? null, 'idNumber') ?? null,
      idHash: r.idHash ?? null,
      householdSize: r.householdSize,
      amount: r.amount,
      category: r.category ?? null,
      village: r.villageId,
      region: regionId,
      createdAt: now,
      updatedAt: now,
    }))
    const step = ROWS_PER_STATEMENT[kind]
    // secure_delete from the first write: B-tree page splits while rows go in move cells to new
    // pages, and without it the old copies (names, encrypted ID numbers) stay in the freed space
    // where a later take-down (deleteListRows) cannot reach them.
    if (kind === 'sqlite') await sqliteClient(payload).execute('PRAGMA secure_delete = ON')
    // All or nothing: a list never shows half its rows.
    await drizzle.transaction(async (tx) => {
      for (let i = 0; i < values.length; i += step) {
        const chunk = values.slice(i, i + step)
        if (kind === 'postgres') await tx.execute(unnestInsert(table, chunk))
        else await tx.insert(table).values(chunk)
      }
    })
    return
  }
  const model = mongoModel(payload)
  const at = new Date(now)
  for (let i = 0; i < rows.length; i += 5000) {
    const docs = rows.slice(i, i + 5000).map((r) => ({
      list: listId,
      no: r.no,
      headName: r.headName,
      idNumber: encryptIfPlain(r.idNumber ?? null, 'idNumber') ?? null,
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
 * the request), then a WAL checkpoint (TRUNCATE) leaves no old frame in a -wal file. PostgreSQL:
 * DELETE (dead tuples are reclaimed by autovacuum; the ID numbers in them are encrypted at rest).
 * MongoDB: deleteMany (compaction of the storage files is the operator's). Returns the number of rows removed.
 */
export async function deleteListRows(payload: Payload, listId: string): Promise<number> {
  const kind = databaseKind()
  if (isSqlDatabase(kind)) {
    const removed = await countListRows(payload, listId)
    if (!removed) return 0
    const { drizzle, rows } = sql(payload)
    if (kind === 'sqlite') await sqliteClient(payload).execute('PRAGMA secure_delete = ON')
    await drizzle.delete(rows).where(eq(rows.list as never, listId))
    if (kind === 'sqlite') await sqliteClient(payload).execute('PRAGMA wal_checkpoint(TRUNCATE)')
    return removed
  }
  const res = (await mongoModel(payload).deleteMany({ list: listId })) as { deletedCount?: number }
  return Number(res?.deletedCount ?? 0)
}

/** How many rows a list has (0 once erased). */
export async function countListRows(payload: Payload, listId: string): Promise<number> {
  if (isSqlDatabase()) {
    const { drizzle, rows: t } = sql(payload)
    const res = (await (drizzle.select({ n: count() }).from(t) as unknown as { where: (w: unknown) => Promise<{ n: unknown }[]> }).where(eq(t.list as never, listId)))
    return Number(res[0]?.n ?? 0)
  }
  const model = mongoModel(payload) as unknown as { countDocuments: (filter: unknown) => Promise<number> }
  return model.countDocuments({ list: listId })
}

/**
 * All rows of the given lists, ordered by list then row number. ID numbers come back decrypted (when
 * first read), for the callers that need them in memory (the privacy gate's known values); nothing
 * here writes them out.
 */
export async function readListRows(payload: Payload, listIds: string[]): Promise<Map<string, StoredRow[]>> {
  const out = new Map<string, StoredRow[]>(listIds.map((id) => [id, []]))
  if (!listIds.length) return out
  if (isSqlDatabase()) {
    const { drizzle, rows: t } = sql(payload)
    for (let i = 0; i < listIds.length; i += 500) {
      const res = await drizzle
        .select({ list: t.list, no: t.no, headName: t.headName, idNumber: t.idNumber, idHash: t.idHash, householdSize: t.householdSize, amount: t.amount, category: t.category, village: t.village })
        .from(t)
        .where(inArray(t.list as never, listIds.slice(i, i + 500)))
        .orderBy(asc(t.list as never), asc(t.no as never))
      for (const r of res) out.get(String(r.list))!.push(toStoredRow(r))
    }
    return out
  }
  const docs = await mongoModel(payload)
    .find({ list: { $in: listIds } }, { list: 1, no: 1, headName: 1, idNumber: 1, idHash: 1, householdSize: 1, amount: 1, category: 1, village: 1 })
    .sort({ list: 1, no: 1 })
    .lean()
  for (const d of docs) out.get(String(d.list))?.push(toStoredRow(d))
  return out
}

export type RowKey = { idHash: string | null; householdSize: number; amount: number }

/**
 * The match keys of one list's rows (keyed ID hash, size, amount), a page at a time, in row order.
 * For callers on a server's request thread: each page is one short query, so other requests are
 * served between pages (readListRows reads a whole list in one blocking call).
 */
export async function* listRowKeys(payload: Payload, listId: string, pageSize = 5000): AsyncGenerator<RowKey[]> {
  if (isSqlDatabase()) {
    const { drizzle, rows: t } = sql(payload)
    let after = -1
    for (;;) {
      const res = (await (drizzle
        .select({ no: t.no, idHash: t.idHash, householdSize: t.householdSize, amount: t.amount })
        .from(t)
        .where(and(eq(t.list as never, listId), gt(t.no as never, after))) as unknown as { orderBy: (o: unknown) => { limit: (n: number) => Promise<Record<string, unknown>[]> } })
        .orderBy(asc(t.no as never))
        .limit(pageSize)) as Record<string, unknown>[]
      if (!res.length) return
      after = Number(res[res.length - 1].no)
      yield res.map((r) => ({ idHash: (r.idHash as string | null) ?? null, householdSize: Number(r.householdSize), amount: Number(r.amount) }))
      if (res.length < pageSize) return
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

function toStoredRow(r: Record<string, unknown>): StoredRow {
  const row = {
    listId: String(r.list),
    no: Number(r.no),
    headName: String(r.headName),
    idHash: (r.idHash as string | null) ?? null,
    householdSize: Number(r.householdSize),
    amount: Number(r.amount),
    category: (r.category as string | null) ?? null,
    villageId: String(r.village),
  } as StoredRow
  // Decrypted on first use: month-over-month matching reads 100,000 rows and needs only the hashes.
  let plain: string | null | undefined
  Object.defineProperty(row, 'idNumber', { enumerable: true, get: () => (plain === undefined ? (plain = decryptedId(r.idNumber)) : plain) })
  return row
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

/** Every distinct raw name and ID number held in list rows (for the PII gates' known-value check, in memory). */
export async function distinctRawValues(payload: Payload): Promise<string[]> {
  let names: unknown[]
  let ids: unknown[]
  if (isSqlDatabase()) {
    const { drizzle, rows: t } = sql(payload)
    const [n, i] = await Promise.all([
      drizzle.selectDistinct({ v: t.headName }).from(t),
      drizzle.selectDistinct({ v: t.idNumber }).from(t).where(isNotNull(t.idNumber as never)),
    ])
    names = n.map((r) => r.v)
    ids = i.map((r) => r.v)
  } else {
    const model = mongoModel(payload)
    ;[names, ids] = await Promise.all([model.distinct('headName'), model.distinct('idNumber')])
  }
  // Ciphertexts are all distinct (random IVs): dedupe after decrypting.
  const out = new Set<string>()
  for (const v of names) if (typeof v === 'string' && v) out.add(v)
  for (const v of ids) if (typeof v === 'string' && v) out.add(decryptedId(v)!)
  return [...out]
}
