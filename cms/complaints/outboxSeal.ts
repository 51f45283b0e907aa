import crypto from 'node:crypto'

/**
 * Sealed outbox entries: the internet-facing public server encrypts each submission to the CMS's
 * public key before it touches the disk, so a copied outbox folder (or a compromised public host)
 * shows nothing a resident wrote. Only the CMS holds the private key and can open an entry.
 *
 * Algorithm (the documented choice): X25519 key agreement with a fresh ephemeral key per entry →
 * HKDF-SHA-256 → AES-256-GCM, the header (version, algorithm, key id, ephemeral key) bound as
 * associated data (RFC 7748, RFC 5869, NIST SP 800-38D). The public host never holds anything that
 * opens an entry, not even its own earlier ones.
 *
 * 国密 (SM2/SM3/SM4) where a 密评 requires it: this Node (24, OpenSSL 3.5) has SM3 and SM4 (no
 * SM4-GCM) and can generate SM2 keys, but an SM2 key read back from storage comes back as an
 * unsupported key type for key agreement (`diffieHellman` refuses it; `createECDH('SM2')` reports an
 * invalid key pair), so an SM2 scheme cannot be built on node:crypto alone. The entry format names its
 * algorithm (`alg`) and key (`kid`) so one can be added beside X25519 — with a certified module (密码机
 * / 密码卡 SDK) or a maintained SM library — without touching the queue or the forwarder.
 *
 * Hand-written on node:crypto rather than a library: the primitives are all there, and the
 * construction is a few lines that the tests pin down (round trip, wrong key, any flipped byte).
 */
export const SEAL_ALGORITHMS = ['x25519'] as const
export type SealAlgorithm = (typeof SEAL_ALGORITHMS)[number]

export type SealedEntry = { v: 1; alg: SealAlgorithm; kid: string; epk: string; iv: string; ct: string; tag: string }

const PUBLIC_PREFIX = 'ygjz-outbox-pub'
const PRIVATE_PREFIX = 'ygjz-outbox-key'
const INFO = Buffer.from('ygjz outbox v1')

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64url')
const unb64 = (s: string) => Buffer.from(s, 'base64url')

export class SealError extends Error {}

type PublicKey = { alg: SealAlgorithm; key: crypto.KeyObject; der: Buffer; kid: string; text: string }
type PrivateKey = { alg: SealAlgorithm; key: crypto.KeyObject; publicKey: PublicKey }

/** Key id: names which key pair sealed an entry (so a rotated CMS can keep the old key for old entries). */
const kidOf = (alg: SealAlgorithm, der: Buffer) => crypto.createHash('sha256').update(alg).update(der).digest('hex').slice(0, 16)

// Keys travel as DER (SPKI for public, PKCS#8 for private) in one line of text.
const spki = (k: crypto.KeyObject) => k.export({ format: 'der', type: 'spki' })

function publicKeyFrom(alg: SealAlgorithm, key: crypto.KeyObject): PublicKey {
  const der = spki(key)
  return { alg, key, der, kid: kidOf(alg, der), text: `${PUBLIC_PREFIX}:${alg}:${b64(der)}` }
}

function parseKey(text: string, prefix: string): { alg: SealAlgorithm; der: Buffer } {
  const [p, alg, data, ...rest] = text.trim().split(':')
  if (p !== prefix || !SEAL_ALGORITHMS.includes(alg as SealAlgorithm) || !data || rest.length) {
    throw new SealError(`密钥格式不对：应为“${prefix}:x25519:…”（由 npm run outbox-key 生成）。`)
  }
  return { alg: alg as SealAlgorithm, der: unb64(data) }
}

const checkType = (alg: SealAlgorithm, key: crypto.KeyObject) => key.asymmetricKeyType === alg

export function parsePublicKey(text: string): PublicKey {
  const { alg, der } = parseKey(text, PUBLIC_PREFIX)
  let key: crypto.KeyObject
  try {
    key = crypto.createPublicKey({ key: der, format: 'der', type: 'spki' })
  } catch {
    throw new SealError('外发队列公钥无法读取，请重新复制完整的公钥。')
  }
  if (!checkType(alg, key)) throw new SealError(`外发队列公钥的类型与标注的算法 ${alg} 不符。`)
  return publicKeyFrom(alg, key)
}

export function parsePrivateKey(text: string): PrivateKey {
  const { alg, der } = parseKey(text, PRIVATE_PREFIX)
  let key: crypto.KeyObject
  try {
    key = crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
  } catch {
    throw new SealError('外发队列私钥无法读取，请重新复制完整的私钥。')
  }
  if (!checkType(alg, key)) throw new SealError(`外发队列私钥的类型与标注的算法 ${alg} 不符。`)
  return { alg, key, publicKey: publicKeyFrom(alg, crypto.createPublicKey(key)) }
}

const newPair = (_alg: SealAlgorithm) => crypto.generateKeyPairSync('x25519')

/** A new key pair; the private half goes to the CMS (OUTBOX_PRIVATE_KEY), the public half to the public server (OUTBOX_PUBLIC_KEY). */
export function generateOutboxKeyPair(alg: SealAlgorithm = 'x25519'): { privateKey: string; publicKey: string } {
  const pair = newPair(alg)
  return { privateKey: `${PRIVATE_PREFIX}:${alg}:${b64(pair.privateKey.export({ format: 'der', type: 'pkcs8' }))}`, publicKey: publicKeyFrom(alg, pair.publicKey).text }
}

/** The public half of a private key (what the CMS hands to the public server). */
export const publicKeyOf = (privateKey: string): string => parsePrivateKey(privateKey).publicKey.text

const contentKey = (shared: Buffer, epk: Buffer, recipient: Buffer) => Buffer.from(crypto.hkdfSync('sha256', shared, Buffer.concat([epk, recipient]), INFO, 32))

const header = (e: Pick<SealedEntry, 'v' | 'alg' | 'kid' | 'epk'>) => Buffer.from(`${e.v}.${e.alg}.${e.kid}.${e.epk}`)

/** Encrypts `plaintext` to the CMS's public key. */
export function seal(publicKeyText: string, plaintext: Uint8Array): SealedEntry {
  const pub = parsePublicKey(publicKeyText)
  const ephemeral = newPair(pub.alg)
  const epk = spki(ephemeral.publicKey)
  const key = contentKey(crypto.diffieHellman({ privateKey: ephemeral.privateKey, publicKey: pub.key }), epk, pub.der)
  const head = { v: 1 as const, alg: pub.alg, kid: pub.kid, epk: b64(epk) }
  const iv = crypto.randomBytes(12)
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(header(head))
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()])
  return { ...head, iv: b64(iv), ct: b64(ct), tag: b64(cipher.getAuthTag()) }
}

export function isSealedEntry(v: unknown): v is SealedEntry {
  const e = v as SealedEntry
  return !!e && typeof e === 'object' && e.v === 1 && SEAL_ALGORITHMS.includes(e.alg) && ['kid', 'epk', 'iv', 'ct', 'tag'].every((k) => typeof (e as Record<string, unknown>)[k] === 'string')
}

/**
 * Decrypts an entry with whichever of the CMS's private keys sealed it (the newest first; older
 * keys are kept during a rotation so entries queued before it still open). Throws SealError when no
 * key matches or the entry was altered.
 */
export function openSealed(entry: SealedEntry, privateKeys: string[]): Buffer {
  const key = privateKeys.map(parsePrivateKey).find((k) => k.publicKey.kid === entry.kid && k.alg === entry.alg)
  if (!key) throw new SealError(`没有能打开这条外发记录的私钥（密钥编号 ${entry.kid}）：外发队列公钥与 CMS 的私钥不配对。`)
  const epk = unb64(entry.epk)
  let shared: Buffer
  try {
    const peer = crypto.createPublicKey({ key: epk, format: 'der', type: 'spki' })
    shared = crypto.diffieHellman({ privateKey: key.key, publicKey: peer })
  } catch {
    throw new SealError('外发记录已损坏（临时公钥无效）。')
  }
  const content = contentKey(shared, epk, key.publicKey.der)
  const iv = unb64(entry.iv)
  const ct = unb64(entry.ct)
  const tag = unb64(entry.tag)
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', content, iv, { authTagLength: 16 })
    decipher.setAAD(header(entry))
    decipher.setAuthTag(tag)
    return Buffer.concat([decipher.update(ct), decipher.final()])
  } catch {
    throw new SealError('外发记录已损坏或被改动，无法解密。')
  }
}
