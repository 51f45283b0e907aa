import { describe, expect, it } from 'vitest'
import {
  AMBIGUOUS_COMPOUND_SURNAMES,
  coarseReason,
  COMPOUND_SURNAMES,
  maskBankCard,
  maskIdNumber,
  maskMobile,
  maskName,
  maskNamesInList,
  NameMaskError,
  UNAMBIGUOUS_COMPOUND_SURNAMES,
} from '../../cms/domain/masking'

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['张三丰', '张**'],
    ['王小明明', '王***'],
    ['欧阳娜娜', '欧阳**'],
    ['欧阳锋', '欧阳*'],
    ['司马光', '司马*'],
    ['诸葛亮', '诸葛*'],
    ['上官婉儿', '上官**'],
    ['歐陽修', '歐陽*'], // traditional form
    ['欧阳', '欧*'], // two characters: surname 欧 + given name 阳
    // ambiguous compounds (乐, 宗, 单, 钟 are common single surnames) mask as single surnames
    ['乐正伟', '乐**'],
    ['宗政华', '宗**'],
    ['单于洋', '单**'],
    ['钟离杰', '钟**'],
    ['夏侯惇', '夏**'],
    ['李', '李*'], // never show a whole name
    ['  张三  ', '张*'],
    ['张 三', '张*'],
    ['张\u3000三丰', '张**'],
    ['𠮷', '𠮷*'],
    ['王𠮷', '王*'],
    ['𠮷祥云', '𠮷**'], // 𠮷 is one character, not two code units
    ['葛\u{E0100}优', '葛\u{E0100}*'], // ideographic variation sequence stays one character
    ['阿不都·热合曼', '阿**'],
    ['阿不都•热合曼', '阿**'],
    ['阿不都・热合曼', '阿**'],
    ['阿不都‧热合曼', '阿**'],
    ['阿不都．热合曼', '阿**'],
    ['买买提·艾力·阿不都热依木', '买**'],
    ['古丽·阿', '古**'],
    ['·热合曼', '热**'],
    ['张*', '张*'], // idempotent
    ['欧阳**', '欧阳**'],
    ['阿**', '阿**'],
    ['Anna', 'A***'],
  ])('%j → %s', (name, masked) => expect(maskName(name)).toBe(masked))

  it.each(['', '   ', '\u3000', '·', ' · '])('empty name %j throws a Chinese, value-free error', (name) => {
    expect(() => maskName(name)).toThrow(NameMaskError)
    expect(() => maskName(name)).toThrow(/姓名为空/)
  })

  it.each([...UNAMBIGUOUS_COMPOUND_SURNAMES])('unambiguous compound %s keeps both characters', (surname) => {
    expect(maskName(`${surname}明`)).toBe(`${surname}*`)
    expect(maskName(`${surname}明华`)).toBe(`${surname}**`)
    expect(maskName(surname)).toBe(`${Array.from(surname)[0]}*`)
  })

  it.each([...AMBIGUOUS_COMPOUND_SURNAMES])('ambiguous compound %s masks as a single surname (never shows a given-name character)', (surname) => {
    const first = Array.from(surname)[0]
    expect(maskName(`${surname}明`)).toBe(`${first}**`)
    expect(maskName(`${surname}明华`)).toBe(`${first}***`)
  })

  it('the two lists do not overlap and every ambiguous first character is a surname in its own right', () => {
    for (const s of AMBIGUOUS_COMPOUND_SURNAMES) expect(UNAMBIGUOUS_COMPOUND_SURNAMES.has(s)).toBe(false)
    for (const s of ['乐正', '宗政', '单于', '钟离']) expect(AMBIGUOUS_COMPOUND_SURNAMES.has(s)).toBe(true)
    for (const s of ['欧阳', '司马', '诸葛', '諸葛', '上官', '皇甫', '司徒', '东方']) expect(UNAMBIGUOUS_COMPOUND_SURNAMES.has(s)).toBe(true)
  })

  it('compound surname list covers the common ones', () => {
    for (const s of ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木', '独孤', '南宫', '西门', '呼延', '轩辕']) {
      expect(COMPOUND_SURNAMES.has(s)).toBe(true)
    }
  })
})

describe('maskNamesInList', () => {
  it.each<[string[], string[]]>([
    [['张三', '李四', '王五'], ['张*', '李*', '王*']],
    [['张三', '张四', '李四'], ['张*（户01）', '张*（户02）', '李*']],
    [['张三', '李四', '张五丰', '张五'], ['张*（户01）', '李*', '张**', '张*（户04）']],
    [['阿不都·热合曼', '阿依古丽·买买提', '阿凡'], ['阿**（户01）', '阿**（户02）', '阿*']],
    [['张三', '张三'], ['张*（户01）', '张*（户02）']],
    [[], []],
  ])('%j', (names, out) => expect(maskNamesInList(names)).toEqual(out))

  it('pads to the width of long lists and stays deterministic', () => {
    const names = Array.from({ length: 120 }, (_, i) => (i === 7 || i === 111 ? '刘备' : `路人${String.fromCharCode(0x4e00 + i)}`))
    const masked = maskNamesInList(names)
    expect(masked[7]).toBe('刘*（户008）')
    expect(masked[111]).toBe('刘*（户112）')
    expect(maskNamesInList(names)).toEqual(masked)
    // all 路人X mask to 路** and collide too
    expect(masked[0]).toBe('路**（户001）')
    expect(new Set(masked).size).toBe(120)
  })
})

describe('identifier masks (only for a local rule that insists)', () => {
  it.each([
    ['11010119900307123X', '110101********123X'],
    ['11010119900307123x', '110101********123X'],
    ['１１０１０１１９９００３０７１２３Ｘ', '110101********123X'],
    ['110101 19900307 123X', '110101********123X'],
    ['110101900307123', '110101*****7123'],
  ])('maskIdNumber(%j) = %s', (raw, m) => expect(maskIdNumber(raw)).toBe(m))

  it.each([
    ['13812345678', '138****5678'],
    ['138 1234 5678', '138****5678'],
    ['138-1234-5678', '138****5678'],
    ['+86 138 1234 5678', '138****5678'],
    ['+8613812345678', '138****5678'],
    ['008613812345678', '138****5678'],
    ['１３８１２３４５６７８', '138****5678'],
  ])('maskMobile(%j) = %s', (raw, m) => expect(maskMobile(raw)).toBe(m))

  it.each([
    ['6222021234567890123', '622202*********0123'],
    ['6222 0212 3456 7890', '622202******7890'],
    ['622202-1234-5678-9012', '622202********9012'],
  ])('maskBankCard(%j) = %s', (raw, m) => expect(maskBankCard(raw)).toBe(m))

  it('malformed identifiers throw without echoing the value', () => {
    for (const [fn, raw] of [
      [maskIdNumber, '1101011990'],
      [maskMobile, '12345678901'],
      [maskBankCard, '12345'],
    ] as const) {
      let message = ''
      try {
        fn(raw)
      } catch (e) {
        message = (e as Error).message
      }
      expect(message).toMatch(/格式不对/)
      expect(message).not.toContain(raw)
    }
  })
})

describe('coarseReason', () => {
  it.each([
    ['突发脑溢血住院治疗', '因病'],
    ['患尿毒症需长期透析', '因病'],
    ['因病致贫', '因病'],
    ['子女确诊白血病', '因病'],
    ['房屋遭洪水冲毁', '因灾'],
    ['受台风影响房屋受损', '因灾'],
    ['冰雹致农作物绝收', '因灾'],
    ['因灾', '因灾'],
    ['家中突发火灾', '意外事故'], // 社会救助暂行办法 第47条: fire is an 意外事件
    ['房屋失火', '意外事故'],
    ['交通事故致重伤住院', '意外事故'], // cause beats consequence
    ['车祸', '意外事故'],
    ['务工时意外摔伤', '意外事故'],
    ['子女考上大学无力支付学费', '教育支出'],
    ['孩子上学费用', '教育支出'],
    ['因学致贫', '教育支出'],
    ['家庭成员残疾', '其他'],
    ['生活困难', '其他'],
    ['', '其他'],
  ] as const)('%j → %s', (text, reason) => expect(coarseReason(text)).toBe(reason))
})
