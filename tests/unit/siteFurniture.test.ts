import { describe, expect, it } from 'vitest'
import { furnitureValue, isIcpNumber, isPoliceRecordNumber, isWebAddress, isWebsiteCode, policeRecordCode } from '../../cms/domain/siteFurniture'

describe('government-site furniture formats', () => {
  it.each([
    ['9901020001', true],
    ['bm01000001', true],
    [' 9901020001 ', true],
    ['990102000', false], // 9 characters
    ['99010200011', false], // 11
    ['99010200ab', false],
    ['网站标识码9901', false],
    ['', false],
  ] as const)('网站标识码 %j → %s', (v, ok) => expect(isWebsiteCode(v)).toBe(ok))

  it.each([
    ['京ICP备12345678号', true],
    ['清ICP备12345678号-1', true],
    ['京ICP证030173号', false], // a licence, not a filing number
    ['ICP备12345678号', false],
    ['京ICP备12345678', false],
    ['京icp备12345678号', false],
  ] as const)('ICP备案号 %j → %s', (v, ok) => expect(isIcpNumber(v)).toBe(ok))

  it.each([
    ['京公网安备 11010502030143号', true],
    ['京公网安备11010502030143号', true],
    ['京公网安备 1101050203014号', false], // 13 digits
    ['公网安备 11010502030143号', false],
  ] as const)('公安机关备案号 %j → %s', (v, ok) => expect(isPoliceRecordNumber(v)).toBe(ok))

  it('takes the 14 digits for the record site link', () => {
    expect(policeRecordCode('京公网安备 11010502030143号')).toBe('11010502030143')
    expect(policeRecordCode('没有号码')).toBeNull()
  })

  it.each([
    ['https://www.qinghe.example.gov.cn/ysqgk/', true],
    ['http://www.example.gov.cn', true],
    ['www.example.gov.cn', false],
    ['javascript:alert(1)', false],
    ['https://exa mple.cn/', false],
    ['ftp://example.cn/', false],
  ] as const)('web address %j → %s', (v, ok) => expect(isWebAddress(v)).toBe(ok))

  it('keeps only set values in their format, trimmed', () => {
    expect(furnitureValue(' 9901020001 ', isWebsiteCode)).toBe('9901020001')
    expect(furnitureValue('123', isWebsiteCode)).toBeNull()
    expect(furnitureValue('', isWebsiteCode)).toBeNull()
    expect(furnitureValue(null, isWebsiteCode)).toBeNull()
  })
})
