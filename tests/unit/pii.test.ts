import { describe, expect, it } from 'vitest'
import { idCheckDigit } from '../../cms/domain/idNumber'
import {
  buildKnownValueIndex,
  describeFinding,
  findPii,
  findPiiInObject,
  PII_KIND_LABELS,
  scanForPii,
  type PiiKind,
} from '../../cms/domain/pii'

const today = '2026-11-24'
const first17 = '11010119900307123'
const ID = first17 + idCheckDigit(first17)
const fw = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))

describe('findPii', () => {
  it.each<[string, PiiKind, string]>([
    [`身份证${ID}`, 'idNumber', `${ID.slice(0, 4)}**********${ID.slice(-4)}`],
    ['110101900307123', 'idNumber15', '1101*******7123'],
    ['13812345678', 'mobile', '138****5678'],
    ['010-62345678', 'landline', '010-******78'],
    ['6222021234567890128', 'bankCard', '6222***********0128'],
    ['zhangsan@example.com', 'email', 'z***@example.com'],
    ['人民路88号', 'address', '人民路**号'],
  ])('%s → %s with hint %s', (text, kind, hint) => {
    const f = findPii(text, { today })
    expect(f).toHaveLength(1)
    expect(f[0]).toMatchObject({ kind, hint })
  })

  it('indices point into the original text, full-width or not', () => {
    const raw = `电话：${fw('13812345678')}，`
    const [f] = findPii(raw, { today })
    expect(raw.slice(f.index, f.index + f.length)).toBe(fw('13812345678'))
    const withAstral = `𠮷𠮷${ID}`
    const [g] = findPii(withAstral, { today })
    expect(g.index).toBe(4) // two surrogate pairs
    expect(withAstral.slice(g.index, g.index + g.length)).toBe(ID)
  })

  it('returns findings in text order without overlaps', () => {
    const text = `张*  ${ID}  13812345678  人民路88号  a@b.cn`
    const kinds = findPii(text, { today }).map((f) => f.kind)
    expect(kinds).toEqual(['idNumber', 'mobile', 'address', 'email'])
  })

  it('an ID born after `today` is not an ID yet', () => {
    const f17 = '11010120261201123'
    const future = f17 + idCheckDigit(f17)
    expect(findPii(future, { today })).toEqual([])
    expect(findPii(future, { today: '2026-12-01' })[0]?.kind).toBe('idNumber')
  })

  it('empty input', () => {
    expect(findPii('')).toEqual([])
  })
})

describe('known values', () => {
  it('ignores single characters and blanks; matches after normalising', () => {
    expect(findPii('李四来了', { knownValues: ['李', ' ', ''] })).toEqual([])
    expect(findPii('李四，来了', { knownValues: ['李四'] })).toMatchObject([{ kind: 'knownValue', index: 0, length: 2, hint: '李*' }])
    // A two-character name inside running text needs a household context (see the rule below).
    expect(findPii('李四来了', { knownValues: ['李四'] })).toEqual([])
  })

  it('prefers the longest value at a position', () => {
    expect(findPii('张三丰到场', { knownValues: ['张三', '张三丰'] })).toMatchObject([{ index: 0, length: 3, hint: '张**' }])
  })

  it('a prebuilt index can be reused', () => {
    const index = buildKnownValueIndex(['王芳', '赵小红'])
    expect(index.size).toBe(2)
    expect(findPii('王芳', { knownValues: index })).toHaveLength(1)
    expect(findPii('赵小红', { knownValues: index })).toHaveLength(1)
  })

  it('finds the longest of many values sharing a prefix, at the end of the text too (one set per length)', () => {
    // Every ID number of a county starts with the same digits, as do the village codes in links.
    const ids = Array.from({ length: 5_000 }, (_, i) => `130102${String(19_000_000_000 + i).padStart(11, '0')}X`.slice(0, 18))
    const index = buildKnownValueIndex([...ids, '1301', '130102'])
    expect(index.size).toBe(5_002)
    const text = `村 /villages/130102001/ 户 ${ids[4_321]}`
    expect(index.find(text).map((m) => m.value)).toEqual(['130102', ids[4_321]])
    expect(index.find('xx1301').map((m) => m.value)).toEqual(['1301'])
    expect(index.find('13010').map((m) => m.value)).toEqual(['1301'])
    expect(buildKnownValueIndex(['王芳', '王芳', ' 王芳 ']).size).toBe(1)
  })

  it('a structural detector wins over the known value for the same span', () => {
    expect(findPii(ID, { knownValues: [ID], today }).map((f) => f.kind)).toEqual(['idNumber'])
  })
})

describe('allow list (the bureau’s own public contacts)', () => {
  const allow = ['0571-87654321', '清河县人民路88号', 'mzj@qinghe.example.gov.cn', '13800138000']
  it.each([
    '监督电话：(0571) 8765 4321',
    '监督电话：0571-87654321 转 8001',
    '地址：人民路88号',
    '邮箱 mzj@qinghe.example.gov.cn',
    '+86 138 0013 8000',
  ])('%s is not a finding when allowed', (text) => {
    expect(findPii(text, { allow, today })).toEqual([])
    expect(findPii(text, { today })).toHaveLength(1)
  })

  it('other numbers still are', () => {
    expect(findPii('0571-87654322', { allow, today })).toHaveLength(1)
  })
})

describe('describeFinding / scanForPii', () => {
  it('says where, what, the masked hint, and what to do', () => {
    const text = `申请人 ${ID}`
    const [f] = findPii(text, { today })
    expect(describeFinding(f, text)).toBe(
      `第5个字符处疑似身份证号（已打码：${ID.slice(0, 4)}**********${ID.slice(-4)}），请删除或改写后再发布`,
    )
    expect(describeFinding(f)).toBe(describeFinding(f, text))
  })

  it('counts characters as people do and gives the line in multi-line text', () => {
    const text = `第一行\n𠮷利 13812345678`
    const [f] = findPii(text, { today })
    expect(describeFinding(f, text)).toBe('第2行第4个字符处疑似手机号（已打码：138****5678），请删除或改写后再发布')
  })

  it('messages never contain the raw value', () => {
    const text = `${ID} 13812345678 6222021234567890128 zhangsan@example.com 张建国`
    const scan = scanForPii(text, { knownValues: ['张建国'], today })
    expect(scan.ok).toBe(false)
    expect(scan.findings).toHaveLength(5)
    for (const m of scan.messages) {
      for (const raw of [ID, '13812345678', '6222021234567890128', 'zhangsan@', '张建国', ID.slice(4, 14)]) {
        expect(m).not.toContain(raw)
      }
    }
    expect(scanForPii('本月发放1800元', { today })).toEqual({ ok: true, findings: [], messages: [] })
  })

  it('every kind has a Chinese label', () => {
    for (const label of Object.values(PII_KIND_LABELS)) expect(label).toMatch(/[\u4e00-\u9fff]/)
  })
})

describe('findPiiInObject', () => {
  it('walks nested values and names the field', () => {
    const snapshot = {
      notices: [
        { title: '2026年11月低保公示', rows: [{ name: '张*', size: 3, amount: 900 }] },
        { title: '联系我们', body: `户主电话13812345678` },
      ],
      mistaken: { idNumber: ID, phoneAsNumber: 13812345678 },
    }
    const found = findPiiInObject(snapshot, { today })
    expect(found.map((x) => [x.path, x.finding.kind])).toEqual([
      ['notices[1].body', 'mobile'],
      ['mistaken.idNumber', 'idNumber'],
      ['mistaken.phoneAsNumber', 'mobile'],
    ])
    expect(found[0].message).toMatch(/^字段“notices\[1\]\.body”第5个字符处疑似手机号/)
  })

  it('scans keys and survives cycles', () => {
    const o: Record<string, unknown> = { [ID]: 1 }
    o.self = o
    expect(findPiiInObject(o, { today }).map((x) => x.path)).toEqual([`${ID}(字段名)`])
  })
})

describe('performance', () => {
  it('scans ~1 MB of mixed text quickly', () => {
    const chunk = '依据民发〔2021〕57号第24条，2026年11月城市低保发放1,234.56元，张*（户07）3人。'
    const text = chunk.repeat(Math.ceil(1_000_000 / chunk.length)) + ` ${ID}`
    const known = buildKnownValueIndex(Array.from({ length: 10_000 }, (_, i) => `测${String.fromCharCode(0x4e00 + (i % 5000))}${i}`))
    const t = performance.now()
    const f = findPii(text, { knownValues: known, today })
    const ms = performance.now() - t
    expect(f.map((x) => x.kind)).toEqual(['idNumber'])
    // Typically ~1 s; the bound only catches a quadratic scan, generous for a shared 2-core machine.
    expect(ms).toBeLessThan(20_000)
  })
})

describe('two-character raw names in running text', () => {
  it('count on their own or in a household context, not inside ordinary words', async () => {
    const { findPii } = await import('../../cms/domain/pii')
    const known = { knownValues: ['高金', '张伟', '欧阳娜娜'] }
    expect(findPii('增标（提高金额）', known)).toEqual([])
    expect(findPii('<td>张伟</td>', known).map((f) => f.kind)).toEqual(['knownValue'])
    expect(findPii('"name":"张伟"', known).map((f) => f.kind)).toEqual(['knownValue'])
    expect(findPii('经查张伟家情况属实', known).map((f) => f.kind)).toEqual(['knownValue'])
    expect(findPii('户主张伟，2人', known).map((f) => f.kind)).toEqual(['knownValue'])
    expect(findPii('主张伟大复兴', known)).toEqual([])
    expect(findPii('据欧阳娜娜反映', known).map((f) => f.kind)).toEqual(['knownValue'])
  })
})

describe('machine identifiers', () => {
  it('UUIDs and hex ids never read as phones or landlines, while real numbers beside them still do', async () => {
    const { findPii } = await import('../../cms/domain/pii')
    expect(findPii('/policies/e8d0f3aa-0905-4612-8123-456789000000/')).toEqual([])
    expect(findPii('"id":"665f1a2b13812345678c9d0e"')).toEqual([])
    expect(findPii('{"id":"665f1a2b13812345678c9d0e","phone":"13812345678"}').map((f) => f.kind)).toEqual(['mobile'])
    expect(findPii('卡号 6222021234567890128').map((f) => f.kind)).toEqual(['bankCard'])
  })
})
