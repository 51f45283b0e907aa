import { describe, expect, it } from 'vitest'
import { open, seal, type CipherName } from '../../cms/security/aead'

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex')

// Published known-answer vectors: AES-256-GCM from the GCM specification (McGrew & Viega, test
// case 16, as in NIST's GCMVS); SM4-GCM from RFC 8998 appendix A.
const vectors: { alg: CipherName; name: string; key: string; iv: string; aad: string; pt: string; ct: string; tag: string }[] = [
  {
    alg: 'aes-256-gcm',
    name: 'GCM spec test case 16',
    key: 'feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308',
    iv: 'cafebabefacedbaddecaf888',
    aad: 'feedfacedeadbeeffeedfacedeadbeefabaddad2',
    pt: 'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39',
    ct: '522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662',
    tag: '76fc6ece0f4e1768cddf8853bb2d551b',
  },
  {
    alg: 'sm4-gcm',
    name: 'RFC 8998 A.1',
    key: '0123456789ABCDEFFEDCBA9876543210',
    iv: '00001234567800000000ABCD',
    aad: 'FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2',
    pt: 'AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDDEEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA',
    ct: '17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D',
    tag: '83DE3541E4C2B58177E065A9BF7B62EC',
  },
]

describe('authenticated ciphers: published test vectors', () => {
  for (const v of vectors) {
    it(`${v.alg}: ${v.name}`, () => {
      const sealed = seal(v.alg, hex(v.key), hex(v.iv), hex(v.pt), hex(v.aad))
      expect(sealed.toString('hex')).toBe((v.ct + v.tag).toLowerCase())
      expect(open(v.alg, hex(v.key), hex(v.iv), sealed, hex(v.aad)).toString('hex')).toBe(v.pt.toLowerCase())
    })
  }
})

describe.each(['aes-256-gcm', 'sm4-gcm'] as const)('%s', (alg) => {
  const key = Buffer.alloc(alg === 'sm4-gcm' ? 16 : 32, 7)
  const iv = Buffer.alloc(12, 1)
  const cases: [string, Buffer][] = [
    ['empty', Buffer.alloc(0)],
    ['one byte', Buffer.from('x')],
    ['an ID number', Buffer.from('99010219800101123X')],
    ['not a whole block', Buffer.alloc(37, 0xab)],
    ['a backup chunk', Buffer.alloc(1 << 20, 0x5a)],
  ]
  for (const [name, pt] of cases) {
    it(`round-trips ${name}`, () => expect(open(alg, key, iv, seal(alg, key, iv, pt, Buffer.from('aad')), Buffer.from('aad')).equals(pt)).toBe(true))
  }
  it('refuses a changed byte, a changed AAD and a wrong key', () => {
    const sealed = seal(alg, key, iv, Buffer.from('99010219800101123X'), Buffer.from('idNumber'))
    const flipped = Buffer.from(sealed)
    flipped[3] ^= 1
    expect(() => open(alg, key, iv, flipped, Buffer.from('idNumber'))).toThrow(/解密失败/)
    expect(() => open(alg, key, iv, sealed, Buffer.from('phone'))).toThrow(/解密失败/)
    expect(() => open(alg, Buffer.alloc(key.length, 8), iv, sealed, Buffer.from('idNumber'))).toThrow(/解密失败/)
  })
})
