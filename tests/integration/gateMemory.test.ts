/**
 * The release gate's memory (what a live release was checked against) is kept with the release as
 * keyed hashes, so the first release after a restart scans only what changed (issue 19).
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { today } from '../../cms/domain/clock'
import { storedDay } from '../../cms/domain/dates'
import { idCheckDigit } from '../../cms/domain/idNumber'
import { digestAll, gateMemoryFile, readGateMemory, writeGateMemory } from '../../cms/publish/gateMemory'
import { forgetGateMemory, fullReleaseDue, publishRelease, readReleaseStatus, type ReleaseResult } from '../../cms/publish/release'
import { makeProgramme, makeRegions, withCalendar } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

const RAW_NAME = '欧阳明远'
const RAW_ID = `99019919850315123${idCheckDigit('99019919850315123')}`
const system = { disableAutoPublish: true, system: true }

let t: TestPayload
let dir: string
let first: ReleaseResult

beforeAll(async () => {
  t = await startTestPayload()
  await withCalendar(t.payload)
  const regions = await makeRegions(t.payload)
  const programme = await makeProgramme(t.payload)
  await t.payload.create({
    collection: 'notices',
    context: system,
    data: { title: '低保申请公示', programme, kind: 'apply', stage: 'village', region: regions.villageA, postedOn: storedDay(today()), objectionContact: '向甲镇民政办反映', entries: [{ headName: RAW_NAME, idNumber: RAW_ID, householdSize: 2, village: regions.villageA }], _status: 'published' },
  })
  dir = path.join(t.dataDir, 'releases')
  first = await publishRelease(t.payload, { dir })
}, 300_000)
afterAll(async () => {
  await t?.close()
})

describe('gate memory kept with the release', () => {
  it('holds keyed hashes only: no raw value, owner-only, outside the served folder', () => {
    const file = gateMemoryFile(first.dir)
    const bytes = fs.readFileSync(file)
    expect(bytes.includes(Buffer.from(RAW_NAME))).toBe(false)
    expect(bytes.includes(Buffer.from(RAW_ID))).toBe(false)
    expect(fs.statSync(file).mode & 0o077).toBe(0)
    expect(path.relative(path.join(first.dir, 'client'), file).startsWith('..')).toBe(true)
    const memory = readGateMemory(first.dir, first.id)!
    expect(memory.known.has([...digestAll([RAW_NAME])][0])).toBe(true)
    expect(memory.known.has([...digestAll([RAW_ID])][0])).toBe(true)
  })

  it('after a restart the first release reads it back and rescans only what changed', async () => {
    forgetGateMemory()
    const next = await publishRelease(t.payload, { dir })
    expect(next.timings.gateMemory).toBe(2)
    expect(next.timings.releaseFilesUnchanged).toBeGreaterThan(0)
    expect(next.timings.releaseFilesScanned).toBeLessThan(next.timings.releaseFilesUnchanged)
  }, 300_000)

  it('is void for another release, another detector version, another key or a damaged file: a full scan', async () => {
    const live = fs.readlinkSync(path.join(dir, 'current'))
    const liveDir = path.join(dir, live)
    expect(readGateMemory(liveDir, live)).not.toBeNull()
    expect(readGateMemory(liveDir, 'another-release')).toBeNull()
    const file = gateMemoryFile(liveDir)
    const original = fs.readFileSync(file)
    const nl = original.indexOf(0x0a)
    const header = JSON.parse(original.subarray(0, nl).toString())
    fs.writeFileSync(file, Buffer.concat([Buffer.from(JSON.stringify({ ...header, detector: header.detector - 1 }) + '\n'), original.subarray(nl + 1)]))
    expect(readGateMemory(liveDir, live)).toBeNull()
    fs.writeFileSync(file, original.subarray(0, original.length - 3))
    expect(readGateMemory(liveDir, live)).toBeNull()
    fs.writeFileSync(file, original)
    const key = process.env.ID_HASH_KEY
    process.env.ID_HASH_KEY = 'k'.repeat(64)
    try {
      expect(readGateMemory(liveDir, live)).toBeNull()
    } finally {
      if (key === undefined) delete process.env.ID_HASH_KEY
      else process.env.ID_HASH_KEY = key
    }
    expect(readGateMemory(liveDir, live)).not.toBeNull()
    // A damaged memory after a restart: the next release scans every file.
    fs.writeFileSync(file, 'x')
    forgetGateMemory()
    const full = await publishRelease(t.payload, { dir })
    expect(full.timings.gateMemory).toBe(0)
    expect(full.timings.releaseFilesUnchanged).toBe(0)
  }, 300_000)

  it('writes what it is given and reads it back exactly', () => {
    const tmp = fs.mkdtempSync(path.join(t.dataDir, 'gm-'))
    const memory = { release: 'r1', known: digestAll(['张三', '李四四', RAW_ID]), allow: digestAll(['0571-87654321']) }
    writeGateMemory(tmp, memory)
    expect(readGateMemory(tmp, 'r1')).toEqual(memory)
  })
})

describe('a full release (npm run publish -- --full; weekly from the nightly release)', () => {
  it('takes nothing from the live release and is recorded as the last full one', async () => {
    const r = await publishRelease(t.payload, { dir, full: true })
    expect(r.full).toBe(true)
    expect(r.timings.gateMemory).toBe(0)
    expect(r.timings.releaseFilesUnchanged).toBe(0)
    expect(r.timings.precompressReused).toBe(0)
    expect(readReleaseStatus(dir).lastFull?.release).toBe(r.id)
    const next = await publishRelease(t.payload, { dir })
    expect(next.full).toBe(false)
    expect(next.timings.gateMemory).toBe(1)
    expect(readReleaseStatus(dir).lastFull?.release).toBe(r.id)
  }, 300_000)

  it.each([
    ['never recorded', null, true],
    ['6 days 23 hours ago', '2026-06-01T01:00:00.000Z', false],
    ['7 days ago', '2026-06-01T00:00:00.000Z', true],
    ['unreadable', 'not a date', true],
  ] as const)('is due when the last full release is %s', (_what, at, due) => {
    const now = Date.parse('2026-06-08T00:00:00.000Z')
    expect(fullReleaseDue({ live: null, lastAttempt: null, lastFull: at ? { release: 'r', at } : null }, now)).toBe(due)
  })
})
