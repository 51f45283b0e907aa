import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { decryptIdentifier, encryptIdentifier, encryptIfPlain, isEncryptedIdentifier, isUnderCurrentKey, keyId, reencrypt } from '../../cms/security/fieldEncryption'

const SECRET = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'
const ID = '99010219800101123X'
let saved: NodeJS.ProcessEnv
beforeEach(() => {
  saved = { ...process.env }
  process.env.FIELD_KEY = SECRET
  delete process.env.FIELD_KEY_PREVIOUS
  delete process.env.FIELD_CIPHER
})
afterEach(() => {
  process.env = saved
})

describe('field encryption of identifiers', () => {
  // Known answers of the stored format (fixed IV): a change of derivation, AAD or layout breaks every stored value.
  const iv = Buffer.from('000102030405060708090a0b', 'hex')
  it.each([
    ['aes-256-gcm', 'ygjz1.a.48bc0d91.AAECAwQFBgcICQoLEMCIn6V0Oo2FPOPYPzxN-LHis-cjTIAJpTUqlJdurufFUA'],
    ['sm4-gcm', 'ygjz1.s.48bc0d91.AAECAwQFBgcICQoL05Cfe1eboRB2eCAE69UkO7wd65RxKM77W53lz2td822grA'],
  ] as const)('%s: stored format is stable', (alg, expected) => {
    expect(keyId(SECRET)).toBe('48bc0d91')
    const stored = encryptIdentifier(ID, 'idNumber', { iv, alg })
    expect(stored).toBe(expected)
    expect(decryptIdentifier(stored, 'idNumber')).toBe(ID)
  })

  it('uses a fresh IV each time, binds the value to its field, and never encrypts twice', () => {
    const a = encryptIdentifier(ID, 'idNumber')
    const b = encryptIdentifier(ID, 'idNumber')
    expect(a).not.toBe(b)
    expect(a).not.toContain(ID)
    expect(() => decryptIdentifier(a, 'reporterPhone')).toThrow(/解密失败/)
    expect(encryptIfPlain(a, 'idNumber')).toBe(a)
    expect(encryptIfPlain(null, 'idNumber')).toBeNull()
    expect(encryptIfPlain('', 'idNumber')).toBe('')
    expect(decryptIdentifier(ID, 'idNumber')).toBe(ID) // plaintext from before encryption reads as it is
  })

  it('after a key or cipher change: old values still read (FIELD_KEY_PREVIOUS) and are found for re-encryption', () => {
    const old = encryptIdentifier(ID, 'idNumber')
    expect(isUnderCurrentKey(old)).toBe(true)
    process.env.FIELD_KEY_PREVIOUS = SECRET
    process.env.FIELD_KEY = 'f'.repeat(64)
    expect(isUnderCurrentKey(old)).toBe(false)
    expect(decryptIdentifier(old, 'idNumber')).toBe(ID)
    const renewed = reencrypt(old, 'idNumber')
    expect(isUnderCurrentKey(renewed)).toBe(true)
    process.env.FIELD_CIPHER = 'sm4-gcm'
    expect(isUnderCurrentKey(renewed)).toBe(false)
    expect(reencrypt(renewed, 'idNumber').startsWith('ygjz1.s.')).toBe(true)
    delete process.env.FIELD_KEY_PREVIOUS
    expect(() => decryptIdentifier(old, 'idNumber')).toThrow(/FIELD_KEY_PREVIOUS/)
    process.env.FIELD_CIPHER = 'des'
    expect(() => encryptIdentifier(ID, 'idNumber')).toThrow(/FIELD_CIPHER/)
  })

  it('generates the development key into .data/ once', () => {
    delete process.env.FIELD_KEY
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ygjz-fk-'))
    process.env.DATA_DIR = dir
    const v = encryptIdentifier(ID, 'idNumber')
    const key = fs.readFileSync(path.join(dir, 'field-key'), 'utf8')
    expect(key).toMatch(/^[0-9a-f]{64}$/)
    expect(isEncryptedIdentifier(v)).toBe(true)
    expect(decryptIdentifier(v, 'idNumber')).toBe(ID)
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
