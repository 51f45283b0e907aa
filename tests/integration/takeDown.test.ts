/**
 * Take-down of recipient lists (issue 13): deleting or withdrawing a list erases its raw rows, the
 * audit log keeps who, when and why without personal data, and afterwards no raw ID number of the
 * list is left in the SQLite file (WAL included) or in a backup taken afterwards.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { createLocalReq, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { today } from '../../cms/domain/clock'
import { storedDay } from '../../cms/domain/dates'
import { idCheckDigit } from '../../cms/domain/idNumber'
import { buildSnapshot } from '../../cms/export/exportSnapshot'
import { storeListDraft } from '../../cms/lists/storeList'
import { pipeline } from 'node:stream/promises'
import { backup, readBackupInfo } from '../../cms/ops/backup'
import { decryptStream } from '../../cms/security/encryptedFile'
import { countListRows, insertListRows, type RowInput } from '../../cms/storage/rowStore'
import { makeProgramme, makeRegions, makeUser, withCalendar } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let regions: Awaited<ReturnType<typeof makeRegions>>
let programme: string
let editor: Awaited<ReturnType<typeof makeUser>>
let reviewer: Awaited<ReturnType<typeof makeUser>>
// A fresh request per import: storeListDraft leaves `system` in the context of the request it is given.
const editorReq = () => createLocalReq({ user: editor as never }, t.payload) as Promise<PayloadRequest>
const quiet = { disableAutoPublish: true }
let serial = 100

/** Synthetic households with valid ID numbers on the fictional 990199 region (domain.md §9). */
function rows(n: number): RowInput[] {
  return Array.from({ length: n }, (_, i) => {
    const body = `9901991980${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(serial++ % 1000).padStart(3, '0')}`
    return {
      no: i + 1,
      headName: `测试户主${String.fromCharCode(0x4e00 + ((serial * 7) % 2000))}${String.fromCharCode(0x4e00 + ((serial * 13) % 2000))}`,
      idNumber: body + idCheckDigit(body),
      idHash: crypto.randomBytes(32).toString('hex'),
      householdSize: 1 + (i % 4),
      amount: 300 + (i % 5) * 10,
      villageId: i % 2 ? regions.villageA : regions.villageB,
    }
  })
}

const dbFiles = () => {
  const file = path.join(t.dataDir, 'cms.db')
  return [file, `${file}-wal`, `${file}-journal`].filter((f) => fs.existsSync(f))
}
/**
 * Rows of `rs` whose raw personal data is found in the given files (byte search: free pages and WAL
 * frames included). ID numbers are encrypted at rest (cms/security/fieldEncryption.ts), so the
 * household head's name — stored as written — is what a leftover row would show; raw ID numbers are
 * searched for as well.
 */
const leftIn = (files: string[], rs: RowInput[]) => {
  const bufs = files.map((f) => fs.readFileSync(f))
  return rs.filter((r) => bufs.some((b) => b.includes(Buffer.from(r.idNumber!)) || b.includes(Buffer.from(r.headName))))
}
const meta = (month: string) => ({ title: `甲镇${month}农村低保资金发放公示`, kind: 'disbursement' as const, programmeId: programme, regionId: regions.townA, month })
const versions = async (id: string) => (await t.payload.countVersions({ collection: 'recipient-lists', where: { parent: { equals: id } }, overrideAccess: true })).totalDocs
const audit = async () => (await t.payload.find({ collection: 'audit-log', overrideAccess: true, pagination: false, sort: 'at', depth: 0 })).docs

beforeAll(async () => {
  t = await startTestPayload()
  // WAL mode, as a production SQLite deployment may run it: the -wal file must hold no old copy either.
  if (t.kind === 'sqlite') await (t.payload.db as unknown as { client: { execute: (sql: string) => Promise<unknown> } }).client.execute('PRAGMA journal_mode = WAL')
  await withCalendar(t.payload)
  regions = await makeRegions(t.payload)
  programme = await makeProgramme(t.payload)
  await makeUser(t.payload, ['admin']) // the first account is always an admin
  editor = await makeUser(t.payload, ['editor'])
  reviewer = await makeUser(t.payload, ['reviewer'])
}, 120_000)
afterAll(async () => {
  await t?.close()
})

describe('take-down of recipient lists', () => {
  it('deletes a draft list and an interrupted import (导入中) with their rows, leaving no raw ID number behind', async () => {
    const draftRows = rows(400)
    const draft = await storeListDraft(t.payload, meta('2026-08'), draftRows, await editorReq())
    // An import interrupted after its rows were written: the document still says 导入中.
    const stuckRows = rows(300)
    const stuck = await t.payload.create({ collection: 'recipient-lists', draft: true, overrideAccess: true, context: quiet, data: { title: '导入中断的名单', kind: 'approved', programme, region: regions.townA, month: '2026-07', importStatus: 'importing', _status: 'draft' } })
    await insertListRows(t.payload, String(stuck.id), regions.townA, stuckRows)
    if (t.kind === 'sqlite') {
      expect(fs.existsSync(path.join(t.dataDir, 'cms.db-wal')), 'the database runs in WAL mode').toBe(true)
      expect(leftIn(dbFiles(), [...draftRows, ...stuckRows]).length, 'the check can see raw values').toBeGreaterThan(600)
    }

    for (const id of [String(draft.id), String(stuck.id)]) {
      await t.payload.delete({ collection: 'recipient-lists', id, user: editor as never, overrideAccess: false, context: quiet })
      expect(await countListRows(t.payload, id)).toBe(0)
      expect(await t.payload.count({ collection: 'recipient-lists', where: { id: { equals: id } }, overrideAccess: true }).then((r) => r.totalDocs)).toBe(0)
    }
    if (t.kind === 'sqlite') expect(leftIn(dbFiles(), [...draftRows, ...stuckRows])).toEqual([])
  })

  it('a published list is withdrawn (two people) before it is deleted; withdrawal erases its rows; nothing raw stays in the file or a backup taken afterwards', async () => {
    const raw = rows(500)
    const stored = await storeListDraft(t.payload, meta('2026-10'), raw, await editorReq())
    const id = String(stored.id)
    await t.payload.update({ collection: 'recipient-lists', id, user: reviewer as never, overrideAccess: false, context: quiet, data: { _status: 'published' } })
    expect(await countListRows(t.payload, id)).toBe(500)
    const before = await buildSnapshot(t.payload)
    expect(before.snapshot.lists.map((l) => l.id)).toContain(id)

    // A direct delete is refused in Chinese, and nothing is lost by the attempt (versions stay).
    const versionsBefore = await versions(id)
    expect(versionsBefore).toBeGreaterThan(0)
    const refused = await t.payload.delete({ collection: 'recipient-lists', id, user: editor as never, overrideAccess: false, context: quiet }).then(() => null, (e: Error) => e)
    expect(refused?.message).toMatch(/已经公开，不能直接删除.*撤回/)
    expect(await versions(id)).toBe(versionsBefore)
    expect(await countListRows(t.payload, id)).toBe(500)

    // The editor drafts the withdrawal; the same person cannot publish it; a reviewer does.
    await t.payload.update({ collection: 'recipient-lists', id, draft: true, user: editor as never, overrideAccess: false, context: quiet, data: { withdrawnAt: storedDay(today()), withdrawReason: '同一名单重复发布，撤回重复的一份。', _status: 'draft' } })
    expect(await countListRows(t.payload, id)).toBe(500)
    const own = await t.payload.update({ collection: 'recipient-lists', id, user: editor as never, overrideAccess: false, context: quiet, data: { _status: 'published' } }).then(() => null, (e: Error) => e)
    expect(own?.message).toMatch(/经办人不能直接发布/)
    await t.payload.update({ collection: 'recipient-lists', id, user: reviewer as never, overrideAccess: false, context: quiet, data: { _status: 'published' } })
    expect(await countListRows(t.payload, id)).toBe(0)

    // The site keeps a note and a 410 page, no rows; the audit log says who, when and why, without names.
    const after = await buildSnapshot(t.payload)
    expect(after.snapshot.lists.map((l) => l.id)).not.toContain(id)
    expect(after.snapshot.withdrawals).toContainEqual(expect.objectContaining({ kind: 'list', reason: '同一名单重复发布，撤回重复的一份。' }))
    expect(after.snapshot.gone).toContainEqual(expect.objectContaining({ kind: 'list', id, state: 'withdrawn' }))
    const erased = (await audit()).find((a) => a.targetCollection === 'recipient-rows' && a.targetId === id)!
    expect(erased).toMatchObject({ action: 'delete', actor: reviewer.id, reason: '同一名单重复发布，撤回重复的一份。' })
    expect(erased.summary).toContain('500 行')
    const auditText = JSON.stringify(await audit())
    for (const r of raw) {
      expect(auditText).not.toContain(r.idNumber)
      expect(auditText).not.toContain(r.headName)
    }

    // Its rows are gone, so it cannot be published again without them.
    await t.payload.update({ collection: 'recipient-lists', id, draft: true, user: editor as never, overrideAccess: false, context: quiet, data: { withdrawnAt: null, withdrawReason: null, _status: 'draft' } })
    const again = await t.payload.update({ collection: 'recipient-lists', id, user: reviewer as never, overrideAccess: false, context: quiet, data: { _status: 'published' } }).then(() => null, (e: Error) => e)
    expect(again?.message).toMatch(/撤回时已删除全部明细，不能重新发布/)

    // Now the withdrawn list itself can be deleted — it was public, so by a second person (the
    // two-person rule for deleting, cms/hooks/twoPersonRule.ts), not the editor alone; its versions go with it.
    const alone = await t.payload.delete({ collection: 'recipient-lists', id, user: editor as never, overrideAccess: false, context: quiet }).then(() => null, (e: Error) => e)
    expect(alone?.message).toMatch(/经办人不能删除已发布（或曾经发布）的内容/)
    expect(await versions(id)).toBeGreaterThan(0)
    await t.payload.delete({ collection: 'recipient-lists', id, user: reviewer as never, overrideAccess: false, context: quiet })
    expect(await versions(id)).toBe(0)
    expect((await audit()).some((a) => a.action === 'delete' && a.targetCollection === 'recipient-lists' && a.targetId === id && a.actor === reviewer.id)).toBe(true)

    if (t.kind === 'sqlite') {
      expect(leftIn(dbFiles(), raw)).toEqual([])
      const dir = path.join(t.dataDir, 'backup-after')
      await backup(t.payload, dir)
      // Backups are encrypted (cms/ops/backup.ts): the check reads the decrypted database copy.
      const secret = fs.readFileSync(path.join(t.dataDir, 'backup-key'), 'utf8').trim()
      const entry = readBackupInfo(dir).files.find((f) => f.path.startsWith('db/') && f.path.endsWith('.db.enc'))!
      const plain = path.join(t.dataDir, 'backup-after.db')
      await pipeline(fs.createReadStream(path.join(dir, entry.path)), decryptStream(secret), fs.createWriteStream(plain))
      expect(fs.statSync(plain).size).toBeGreaterThan(0)
      expect(leftIn([plain], raw)).toEqual([])
    }
  })

  it('a withdrawal dated in the future is refused: it takes effect when published', async () => {
    const stored = await storeListDraft(t.payload, meta('2026-09'), rows(10), await editorReq())
    const id = String(stored.id)
    await t.payload.update({ collection: 'recipient-lists', id, draft: true, user: editor as never, overrideAccess: false, context: quiet, data: { withdrawnAt: storedDay('2099-01-01'), withdrawReason: '提前撤回测试', _status: 'draft' } })
    const err = await t.payload.update({ collection: 'recipient-lists', id, user: reviewer as never, overrideAccess: false, context: quiet, data: { _status: 'published' } }).then(() => null, (e: Error) => e)
    expect(err?.message).toMatch(/撤回日期（2099-01-01）晚于今天/)
    expect(await countListRows(t.payload, id)).toBe(10)
  })
})
