import { and, asc, eq, gt, isNotNull, notLike } from '@payloadcms/db-sqlite/drizzle'
import type { Payload } from 'payload'
import { isSqlDatabase } from '../database'
import { currentFieldKey, fieldCipher, isUnderCurrentKey, reencrypt, type IdentifierPurpose } from './fieldEncryption'

/**
 * Where identifiers are stored encrypted, and the one walk over them that (a) encrypts values still
 * in plaintext (databases from before field encryption, old backups) and (b) re-encrypts values
 * under an old key or cipher after FIELD_KEY / FIELD_CIPHER changed (`npm run keys:rotate`).
 * Batches are committed one by one and selected as "not yet under the current key", so an
 * interrupted run simply continues where it stopped when run again.
 */
const PURPOSES: IdentifierPurpose[] = ['idNumber', 'reporterName', 'reporterPhone', 'totpSecret', 'totpPendingSecret']
/** Collections holding encrypted fields (for MongoDB, where there are no tables to inspect). */
const MONGO_FIELDS: Record<string, string[]> = { 'recipient-rows': ['idNumber'], notices: ['entries.idNumber'], complaints: ['reporterName', 'reporterPhone'], users: ['totpSecret', 'totpPendingSecret'] }

/** Documents with at least one value at `paths` that is a string not under the current key (so a start-up with nothing to do reads nothing). */
function mongoStaleFilter(paths: string[], currentPrefix: RegExp): Record<string, unknown> {
  const stale = { $type: 'string', $ne: '', $not: currentPrefix }
  return {
    $or: paths.map((p) => {
      // Inside an array (公示 entries) the test applies per element.
      const i = p.indexOf('entries.')
      return i >= 0 ? { [p.slice(0, i + 'entries'.length)]: { $elemMatch: { [p.slice(i + 'entries.'.length)]: stale } } } : { [p]: stale }
    }),
  }
}

export type ReencryptReport = { updated: number; failed: number; locations: Record<string, number> }

type Col = unknown
type Table = Record<string, Col>
type Drizzle = {
  select: (c: unknown) => { from: (t: unknown) => { where: (w: unknown) => { orderBy: (o: unknown) => { limit: (n: number) => Promise<{ id: unknown; v: string }[]> } } } }
  update: (t: unknown) => { set: (v: unknown) => { where: (w: unknown) => Promise<unknown> } }
  transaction: <T>(fn: (tx: Drizzle) => Promise<T>) => Promise<T>
}

const purposeOf = (columnKey: string): IdentifierPurpose | undefined => PURPOSES.find((p) => columnKey === p || columnKey.endsWith(`_${p}`))

/** Every (table, column) that holds one of the encrypted fields, found in the adapter's own schema. */
function encryptedColumns(payload: Payload): { table: string; key: string; purpose: IdentifierPurpose }[] {
  const tables = (payload.db as unknown as { tables: Record<string, Table> }).tables
  const out: { table: string; key: string; purpose: IdentifierPurpose }[] = []
  for (const [table, cols] of Object.entries(tables)) {
    if (!cols.id) continue
    for (const key of Object.keys(cols)) {
      const purpose = purposeOf(key)
      if (purpose) out.push({ table, key, purpose })
    }
  }
  return out
}

export async function reencryptIdentifiers(payload: Payload, opts: { batchSize?: number; onBatch?: (r: ReencryptReport) => void } = {}): Promise<ReencryptReport> {
  const batchSize = opts.batchSize ?? 500
  const report: ReencryptReport = { updated: 0, failed: 0, locations: {} }
  const current = `ygjz1.${fieldCipher() === 'sm4-gcm' ? 's' : 'a'}.${currentFieldKey().id}.%`
  if (isSqlDatabase()) {
    const db = payload.db as unknown as { drizzle: Drizzle; tables: Record<string, Table> }
    for (const { table, key, purpose } of encryptedColumns(payload)) {
      const t = db.tables[table]
      let last: unknown = null
      for (;;) {
        const cond = and(isNotNull(t[key] as never), notLike(t[key] as never, current), ...(last === null ? [] : [gt(t.id as never, last)]))
        const batch = await db.drizzle.select({ id: t.id, v: t[key] }).from(t).where(cond).orderBy(asc(t.id as never)).limit(batchSize)
        if (!batch.length) break
        last = batch[batch.length - 1].id
        const changes: { id: unknown; v: string }[] = []
        for (const r of batch) {
          try {
            changes.push({ id: r.id, v: reencrypt(r.v, purpose) })
          } catch {
            report.failed++
          }
        }
        await db.drizzle.transaction(async (tx) => {
          for (const c of changes) await tx.update(t).set({ [key]: c.v }).where(eq(t.id as never, c.id))
        })
        report.updated += changes.length
        report.locations[`${table}.${key}`] = (report.locations[`${table}.${key}`] ?? 0) + changes.length
        opts.onBatch?.(report)
      }
    }
    return report
  }
  const db = payload.db as unknown as { collections: Record<string, MongoModel>; versions: Record<string, MongoModel> }
  const prefix = new RegExp(`^${current.slice(0, -1).replace(/\./g, '\\.')}`)
  const models: [string, MongoModel | undefined, Record<string, unknown>][] = Object.entries(MONGO_FIELDS).flatMap(([slug, paths]) => [
    [slug, db.collections[slug], mongoStaleFilter(paths, prefix)],
    [`${slug} versions`, db.versions?.[slug], mongoStaleFilter(paths.map((p) => `version.${p}`), prefix)],
  ] as [string, MongoModel | undefined, Record<string, unknown>][])
  for (const [name, model, stale] of models) {
    if (!model) continue
    let last: unknown = null
    for (;;) {
      // The driver's collection, not the mongoose model: raw documents in, raw updates out.
      const docs = await model.collection.find(last === null ? stale : { $and: [stale, { _id: { $gt: last } }] }).sort({ _id: 1 }).limit(batchSize).toArray()
      if (!docs.length) break
      last = docs[docs.length - 1]._id
      const ops: unknown[] = []
      for (const doc of docs) {
        const set: Record<string, unknown> = {}
        for (const [field, value] of Object.entries(doc)) {
          if (field === '_id') continue
          const walked = walk(value, field, report)
          if (walked.changed) set[field] = walked.value
        }
        if (Object.keys(set).length) ops.push({ updateOne: { filter: { _id: doc._id }, update: { $set: set } } })
      }
      const before = report.updated
      if (ops.length) await model.collection.bulkWrite(ops, { ordered: false })
      report.locations[name] = (report.locations[name] ?? 0) + report.updated - before
      opts.onBatch?.(report)
    }
  }
  return report
}

type MongoModel = {
  collection: {
    find: (f: unknown) => { sort: (s: unknown) => { limit: (n: number) => { toArray: () => Promise<Record<string, unknown>[]> } } }
    bulkWrite: (ops: unknown[], o: unknown) => Promise<unknown>
  }
}

function walk(value: unknown, key: string, report: ReencryptReport): { changed: boolean; value: unknown } {
  const purpose = purposeOf(key)
  if (purpose && typeof value === 'string' && value && !isUnderCurrentKey(value)) {
    try {
      const v = reencrypt(value, purpose)
      report.updated++ // counted per value, as on SQL databases
      return { changed: true, value: v }
    } catch {
      report.failed++
      return { changed: false, value }
    }
  }
  if (Array.isArray(value)) {
    let changed = false
    const out = value.map((v) => {
      const w = walk(v, '', report)
      changed ||= w.changed
      return w.value
    })
    return { changed, value: out }
  }
  if (value && typeof value === 'object' && !(value instanceof Date) && Object.getPrototypeOf(value) === Object.prototype) {
    let changed = false
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      const w = walk(v, k, report)
      changed ||= w.changed
      out[k] = w.value
    }
    return { changed, value: changed ? out : value }
  }
  return { changed: false, value }
}

/** Run on start (migrateDatabase): encrypts whatever is still in plaintext; a no-op otherwise. */
export async function encryptIdentifiersAtRest(payload: Payload): Promise<ReencryptReport> {
  const r = await reencryptIdentifiers(payload)
  if (r.updated) payload.logger.info({ msg: 'identifiers encrypted at rest', updated: r.updated, locations: r.locations })
  if (r.failed) payload.logger.error({ msg: 'identifiers under an unknown field key (set FIELD_KEY_PREVIOUS)', failed: r.failed })
  return r
}
