// Synthetic corpus for the PII detector evaluation (domain.md §9: no real people).
// ID numbers are built on fictional (99…) or textbook region codes with their own check-digit and
// Luhn helpers below, independent of the production code. Each positive names the kind and the
// exact substring the detector must flag; negatives are near misses that must produce nothing.
import type { PiiKind } from '../../cms/domain/pii'

export const CORPUS_TODAY = '2026-11-24'

export type PiiSample = {
  note: string
  text: string
  expected: Array<{ kind: PiiKind; value: string }>
  knownValues?: string[]
}

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
function check(first17: string): string {
  let s = 0
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * W[i]
  return '10X98765432'[s % 11]
}
function id(region: string, birth: string, seq: string): string {
  const f = region + birth + seq
  return f + check(f)
}
function withXCheck(region: string, birth: string): string {
  for (let n = 100; n < 1000; n++) {
    const v = id(region, birth, String(n))
    if (v.endsWith('X')) return v
  }
  throw new Error('no X')
}
function luhnDigit(body: string): string {
  for (let d = 0; d <= 9; d++) {
    const s = body + d
    let sum = 0
    for (let i = 0; i < s.length; i++) {
      let n = Number(s[s.length - 1 - i])
      if (i % 2 === 1) {
        n *= 2
        if (n > 9) n -= 9
      }
      sum += n
    }
    if (sum % 10 === 0) return String(d)
  }
  throw new Error('unreachable')
}
const card = (body: string) => body + luhnDigit(body)
const badLuhn = (body: string) => body + String((Number(luhnDigit(body)) + 1) % 10)
const fw = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
const spaced = (s: string, sizes: number[]) => {
  const out: string[] = []
  let i = 0
  for (const n of sizes) {
    out.push(s.slice(i, i + n))
    i += n
  }
  if (i < s.length) out.push(s.slice(i))
  return out
}

const ID1 = id('990102', '19850317', '123')
const ID2 = id('990102', '19420101', '004')
const ID3 = withXCheck('990103', '19670902')
const ID4 = id('110105', '19491231', '002') // 11010519491231002X, the standard's example
const ID5 = id('990104', '20100615', '251')
const ID6 = id('990102', '19991231', '368')
const ID7 = id('440524', '19800101', '001')
const ID8 = id('990102', '20260101', '017') // a newborn
const CARD19 = card('622202123456789012')
const CARD16 = card('622848001234567')
const CARD_VISA = card('453201511283036')
const CARD_MC = card('542418123456789')
const CARD_OLD = card('955880123456789012')
const CARD_2SERIES = card('222300123456789')
const CARD17 = card('6212261234567890')
const BAD_CHECK2 = ID6.slice(0, 17) + (ID6[17] === '5' ? '6' : '5')

export const positives: PiiSample[] = [
  // --- 18-digit ID numbers
  { note: 'ID after a label', text: `申请人身份证号：${ID1}。`, expected: [{ kind: 'idNumber', value: ID1 }] },
  { note: 'ID 6-8-4 spaced', text: `身份证 ${spaced(ID2, [6, 8]).join(' ')} 户主`, expected: [{ kind: 'idNumber', value: spaced(ID2, [6, 8]).join(' ') }] },
  { note: 'ID full-width', text: `证件号码${fw(ID1)}`, expected: [{ kind: 'idNumber', value: fw(ID1) }] },
  { note: 'ID ending X', text: `身份证号${ID3}，户籍清河县`, expected: [{ kind: 'idNumber', value: ID3 }] },
  { note: 'ID ending lowercase x', text: `号码 ${ID3.slice(0, 17)}x 已核实`, expected: [{ kind: 'idNumber', value: `${ID3.slice(0, 17)}x` }] },
  { note: 'ID with dashes', text: `ID：${spaced(ID4, [6, 4, 4]).join('-')}`, expected: [{ kind: 'idNumber', value: spaced(ID4, [6, 4, 4]).join('-') }] },
  { note: 'ID glued to Chinese', text: `户主身份证${ID5}家庭人口3人`, expected: [{ kind: 'idNumber', value: ID5 }] },
  { note: 'ID in CSV row', text: `张*,${ID6},3,900`, expected: [{ kind: 'idNumber', value: ID6 }] },
  { note: 'ID in groups of four', text: `证号 ${spaced(ID1, [4, 4, 4, 4]).join(' ')}`, expected: [{ kind: 'idNumber', value: spaced(ID1, [4, 4, 4, 4]).join(' ') }] },
  {
    note: 'ID then mobile, one space apart',
    text: `${ID2} 13900001234`,
    expected: [
      { kind: 'idNumber', value: ID2 },
      { kind: 'mobile', value: '13900001234' },
    ],
  },
  { note: 'ID in full-width parentheses', text: `王*（${ID7}）`, expected: [{ kind: 'idNumber', value: ID7 }] },
  { note: 'ID with ideographic space', text: `身份证号码：${ID4.slice(0, 6)}\u3000${ID4.slice(6)}`, expected: [{ kind: 'idNumber', value: `${ID4.slice(0, 6)}\u3000${ID4.slice(6)}` }] },
  { note: 'ID in JSON text', text: `{"headName":"张*","idNumber":"${ID5}"}`, expected: [{ kind: 'idNumber', value: ID5 }] },
  { note: 'date then ID', text: `2026-11-24 ${ID6}`, expected: [{ kind: 'idNumber', value: ID6 }] },
  { note: 'ID of a newborn', text: `新生儿${ID8}随户`, expected: [{ kind: 'idNumber', value: ID8 }] },
  { note: 'ID full-width with full-width X', text: `（${fw(ID3)}）`, expected: [{ kind: 'idNumber', value: fw(ID3) }] },

  // --- 15-digit old ID numbers
  { note: '15-digit ID', text: '旧身份证990102720415036已换领', expected: [{ kind: 'idNumber15', value: '990102720415036' }] },
  { note: '15-digit ID standard example', text: '老证号：110105491231002', expected: [{ kind: 'idNumber15', value: '110105491231002' }] },
  { note: '15-digit ID full-width', text: `证件${fw('990103580101123')}`, expected: [{ kind: 'idNumber15', value: fw('990103580101123') }] },
  { note: '15-digit ID 6-6-3 spaced', text: '号码 990102 650808 221', expected: [{ kind: 'idNumber15', value: '990102 650808 221' }] },
  { note: '15-digit ID at the end', text: '户主原证号为440524800101001', expected: [{ kind: 'idNumber15', value: '440524800101001' }] },

  // --- mobiles
  { note: 'mobile plain', text: '联系电话13900001234', expected: [{ kind: 'mobile', value: '13900001234' }] },
  { note: 'mobile 3-4-4 spaces', text: '手机：139 0000 1234', expected: [{ kind: 'mobile', value: '139 0000 1234' }] },
  { note: 'mobile dashes', text: '手机 186-1234-5678。', expected: [{ kind: 'mobile', value: '186-1234-5678' }] },
  { note: 'mobile +86 spaced', text: 'Tel: +86 150 1234 5678', expected: [{ kind: 'mobile', value: '+86 150 1234 5678' }] },
  { note: 'mobile +86 attached', text: '电话+8617712345678', expected: [{ kind: 'mobile', value: '+8617712345678' }] },
  { note: 'mobile 0086', text: '境外来电0086 13512345678', expected: [{ kind: 'mobile', value: '0086 13512345678' }] },
  { note: 'mobile (+86)', text: '（+86）19912345678', expected: [{ kind: 'mobile', value: '19912345678' }] },
  { note: 'mobile full-width', text: `电话：${fw('15812345678')}`, expected: [{ kind: 'mobile', value: fw('15812345678') }] },
  { note: 'mobile 86- prefix', text: '86-13712345678', expected: [{ kind: 'mobile', value: '86-13712345678' }] },
  {
    note: 'two mobiles with a slash',
    text: '13612345678/14712345678',
    expected: [
      { kind: 'mobile', value: '13612345678' },
      { kind: 'mobile', value: '14712345678' },
    ],
  },
  { note: 'mobile 3-8', text: '联系人电话 188 12345678', expected: [{ kind: 'mobile', value: '188 12345678' }] },
  { note: 'mobile followed by Chinese', text: '请拨打16612345678咨询', expected: [{ kind: 'mobile', value: '16612345678' }] },
  { note: 'mobile full-width dashes', text: `手机${fw('139-0000-5678')}`, expected: [{ kind: 'mobile', value: fw('139-0000-5678') }] },

  // --- landlines
  { note: 'Beijing landline', text: '座机010-62345678', expected: [{ kind: 'landline', value: '010-62345678' }] },
  { note: 'landline parentheses', text: '电话(0571)87654321', expected: [{ kind: 'landline', value: '(0571)87654321' }] },
  { note: 'landline 7 digits', text: '家中电话0571-8765432', expected: [{ kind: 'landline', value: '0571-8765432' }] },
  { note: 'landline with 转', text: '电话0999-6123456 转 801', expected: [{ kind: 'landline', value: '0999-6123456 转 801' }] },
  { note: 'landline spaced', text: '电话 020 8765 4321', expected: [{ kind: 'landline', value: '020 8765 4321' }] },
  { note: 'landline full-width', text: `电话${fw('(021)62345678')}`, expected: [{ kind: 'landline', value: fw('(021)62345678') }] },
  { note: 'landline with extension dash', text: '0755-26543210-8001', expected: [{ kind: 'landline', value: '0755-26543210-8001' }] },
  { note: 'landline after colon', text: '座机：0371-65432100', expected: [{ kind: 'landline', value: '0371-65432100' }] },
  { note: 'landline without separator', text: '电话057187654321', expected: [{ kind: 'landline', value: '057187654321' }] },

  // --- bank cards
  { note: 'card 19 plain', text: `银行卡号${CARD19}`, expected: [{ kind: 'bankCard', value: CARD19 }] },
  { note: 'card 16 in fours', text: `卡号 ${spaced(CARD16, [4, 4, 4, 4]).join(' ')}`, expected: [{ kind: 'bankCard', value: spaced(CARD16, [4, 4, 4, 4]).join(' ') }] },
  { note: 'card 19 in fours', text: `存折 ${spaced(CARD19, [4, 4, 4, 4]).join(' ')}`, expected: [{ kind: 'bankCard', value: spaced(CARD19, [4, 4, 4, 4]).join(' ') }] },
  { note: 'card 6 + rest', text: `账号${CARD19.slice(0, 6)} ${CARD19.slice(6)}`, expected: [{ kind: 'bankCard', value: `${CARD19.slice(0, 6)} ${CARD19.slice(6)}` }] },
  { note: 'card Visa', text: `卡：${CARD_VISA}`, expected: [{ kind: 'bankCard', value: CARD_VISA }] },
  { note: 'card Mastercard dashes', text: `卡号${spaced(CARD_MC, [4, 4, 4, 4]).join('-')}`, expected: [{ kind: 'bankCard', value: spaced(CARD_MC, [4, 4, 4, 4]).join('-') }] },
  { note: 'card old 9558', text: `工行${CARD_OLD}`, expected: [{ kind: 'bankCard', value: CARD_OLD }] },
  { note: 'card full-width', text: `卡号${fw(CARD16)}`, expected: [{ kind: 'bankCard', value: fw(CARD16) }] },
  { note: 'card 2-series', text: `信用卡 ${CARD_2SERIES}`, expected: [{ kind: 'bankCard', value: CARD_2SERIES }] },
  { note: 'card 17 digits', text: `社保卡金融账户${CARD17}`, expected: [{ kind: 'bankCard', value: CARD17 }] },

  // --- e-mail
  { note: 'email plain', text: '邮箱zhangsan@example.com', expected: [{ kind: 'email', value: 'zhangsan@example.com' }] },
  { note: 'email with dots and plus', text: '请发至 wang.fang+jz@mail.example.cn 谢谢', expected: [{ kind: 'email', value: 'wang.fang+jz@mail.example.cn' }] },
  { note: 'email phone local part', text: '邮箱13900001234@139.com', expected: [{ kind: 'email', value: '13900001234@139.com' }] },
  { note: 'email uppercase', text: 'E-mail：LI_SI@EXAMPLE.ORG。', expected: [{ kind: 'email', value: 'LI_SI@EXAMPLE.ORG' }] },
  { note: 'email full-width @', text: `邮箱${fw('liu@example.net')}`, expected: [{ kind: 'email', value: fw('liu@example.net') }] },

  // --- addresses
  { note: 'road + number', text: '住址：清河县人民路88号', expected: [{ kind: 'address', value: '人民路88号' }] },
  { note: 'road + house + building + room', text: '现住滨河路12-3号院2号楼301室', expected: [{ kind: 'address', value: '滨河路12-3号院2号楼301室' }] },
  { note: 'estate building unit room', text: '幸福小区3栋2单元501室', expected: [{ kind: 'address', value: '3栋2单元501室' }] },
  { note: 'building + room', text: '家住5号楼1203室', expected: [{ kind: 'address', value: '5号楼1203室' }] },
  { note: 'village group number', text: '柳树村3组12号', expected: [{ kind: 'address', value: '柳树村3组12号' }] },
  { note: 'village Chinese numeral group', text: '家住柳树村五组8号', expected: [{ kind: 'address', value: '柳树村五组8号' }] },
  { note: 'door plate', text: '门牌号码为26号', expected: [{ kind: 'address', value: '门牌号码为26号' }] },
  { note: 'avenue with dash', text: '解放大道128-6号', expected: [{ kind: 'address', value: '解放大道128-6号' }] },
  { note: 'lane', text: '长乐路88弄3号', expected: [{ kind: 'address', value: '长乐路88弄3号' }] },
  { note: 'village group without 村', text: '第三村民小组15号', expected: [{ kind: 'address', value: '第三村民小组15号' }] },
  { note: 'estate dash shorthand', text: '幸福家园2-1-302室', expected: [{ kind: 'address', value: '家园2-1-302室' }] },
  { note: 'street + building + unit + room', text: '建设街7号院3号楼2单元101室', expected: [{ kind: 'address', value: '建设街7号院3号楼2单元101室' }] },
  { note: 'tower + room', text: '金融大厦A座1203室', expected: [{ kind: 'address', value: 'A座1203室' }] },
  { note: 'village + number', text: '李庄村12号', expected: [{ kind: 'address', value: '李庄村12号' }] },
  { note: 'building unit without room suffix', text: '8栋3单元602', expected: [{ kind: 'address', value: '8栋3单元602' }] },
  { note: 'unit + room only', text: '2单元501室', expected: [{ kind: 'address', value: '2单元501室' }] },
  { note: 'full-width digits in address', text: `文化路${fw('15')}号`, expected: [{ kind: 'address', value: `文化路${fw('15')}号` }] },

  // --- known raw values
  { note: 'known 3-char name', text: '经评议，张建国家庭符合条件', knownValues: ['张建国'], expected: [{ kind: 'knownValue', value: '张建国' }] },
  { note: 'known 2-char name', text: '户主王芳，3人', knownValues: ['王芳', '李'], expected: [{ kind: 'knownValue', value: '王芳' }] },
  { note: 'known name with 𠮷', text: '申请人李𠮷祥', knownValues: ['李𠮷祥'], expected: [{ kind: 'knownValue', value: '李𠮷祥' }] },
  { note: 'known minority name, different separator', text: '阿不都•热合曼户', knownValues: ['阿不都·热合曼'], expected: [{ kind: 'knownValue', value: '阿不都•热合曼' }] },
  {
    note: 'known ID with a bad check digit',
    text: `号码${ID1.slice(0, 17)}${ID1[17] === '0' ? '1' : '0'}`,
    knownValues: [`${ID1.slice(0, 17)}${ID1[17] === '0' ? '1' : '0'}`],
    expected: [{ kind: 'knownValue', value: `${ID1.slice(0, 17)}${ID1[17] === '0' ? '1' : '0'}` }],
  },
  { note: 'known ID given full-width', text: `证号${BAD_CHECK2}`, knownValues: [fw(BAD_CHECK2)], expected: [{ kind: 'knownValue', value: BAD_CHECK2 }] },
  { note: 'known name inside a sentence', text: '成员赵小红已就业', knownValues: ['赵小红'], expected: [{ kind: 'knownValue', value: '赵小红' }] },
  // added after tuning, as a check against over-fitting
  { note: 'email with dash and digits', text: 'Email: zhang-san_1985@163.com', expected: [{ kind: 'email', value: 'zhang-san_1985@163.com' }] },
  { note: 'mobile mixed full/half width', text: `手机号码：13${fw('9')}0000${fw('1')}234`, expected: [{ kind: 'mobile', value: `13${fw('9')}0000${fw('1')}234` }] },
  { note: 'mobile +86 all dashes', text: '+86-139-0000-1234', expected: [{ kind: 'mobile', value: '+86-139-0000-1234' }] },
  { note: 'street number', text: '住在光明街23号', expected: [{ kind: 'address', value: '光明街23号' }] },
  { note: 'card 4-4-4-4-3', text: `卡号 ${spaced(card('621700123456789012'), [4, 4, 4, 4]).join(' ')}`, expected: [{ kind: 'bankCard', value: spaced(card('621700123456789012'), [4, 4, 4, 4]).join(' ') }] },
  { note: 'landline 3+4+4 spaced', text: '联系方式 010 6234 5678', expected: [{ kind: 'landline', value: '010 6234 5678' }] },
  { note: 'Chinese numeral unit + room', text: '三单元502室', expected: [{ kind: 'address', value: '三单元502室' }] },
  { note: 'known compound-surname name', text: '欧阳娜娜（户主）', knownValues: ['欧阳娜娜'], expected: [{ kind: 'knownValue', value: '欧阳娜娜' }] },
  // misses found in issue 13, one case each
  { note: 'door number in Chinese numerals', text: '住人民路十二号', expected: [{ kind: 'address', value: '人民路十二号' }] },
  { note: 'Chinese-numeral door number and room', text: '解放街三十五号二单元501室', expected: [{ kind: 'address', value: '解放街三十五号二单元501室' }] },
  { note: 'village ending in 屯', text: '户籍李家屯5号', expected: [{ kind: 'address', value: '李家屯5号' }] },
  { note: 'village ending in 庄 with a Chinese numeral', text: '王家庄十二号', expected: [{ kind: 'address', value: '王家庄十二号' }] },
  { note: 'lane ending in 里', text: '平安里8号', expected: [{ kind: 'address', value: '平安里8号' }] },
  { note: 'group and Chinese-numeral door number', text: '三组十二号', expected: [{ kind: 'address', value: '三组十二号' }] },
  { note: 'dotted mobile', text: '手机138.1234.5678', expected: [{ kind: 'mobile', value: '138.1234.5678' }] },
  { note: 'dotted mobile after 86', text: '+86 139.0000.1234', expected: [{ kind: 'mobile', value: '+86 139.0000.1234' }] },
  { note: 'bare 8-digit phone after 电话', text: '值班电话87654321', expected: [{ kind: 'landline', value: '87654321' }] },
  { note: 'bare 7-digit phone after 联系电话', text: '联系电话：6234567', expected: [{ kind: 'landline', value: '6234567' }] },
  { note: 'Tel glued to a mobile', text: 'Tel13812345678', expected: [{ kind: 'mobile', value: '13812345678' }] },
  { note: 'Fax glued to a landline', text: 'Fax057187654321', expected: [{ kind: 'landline', value: '057187654321' }] },
  { note: 'known name typed with a space', text: '户主王 芳反映', knownValues: ['王芳'], expected: [{ kind: 'knownValue', value: '王 芳' }] },
  { note: 'known compound-surname name typed with spaces', text: '经查欧阳 娜 娜家', knownValues: ['欧阳娜娜'], expected: [{ kind: 'knownValue', value: '欧阳 娜 娜' }] },
]

const BAD_CHECK = ID1.slice(0, 17) + (ID1[17] === '0' ? '1' : '0')
const BAD_DATE = id('990102', '19850230', '123')
const FUTURE = id('990102', '20270101', '123')
const BAD_REGION = id('000102', '19850317', '123')

export const negatives: PiiSample[] = [
  // amounts
  { note: 'amount', text: '保障金额1800元', expected: [] },
  { note: 'amount with separators', text: '发放资金1,234.56元', expected: [] },
  { note: 'large amount', text: '累计发放12,345,678.90元', expected: [] },
  { note: 'income threshold', text: '年人均收入低于1320元、月人均收入低于290元', expected: [] },
  { note: 'standard raised', text: '标准由210元/人·月提高到300元/人·月，农村由1360元提高到1800元/人·年', expected: [] },
  { note: 'amount range', text: '一次性救助1800-2000元', expected: [] },
  { note: 'decimal amount 11 digits', text: '合计13812345678.00元', expected: [] },
  // dates and times
  { note: 'ISO date', text: '公示期2026-11-24至2026-12-01', expected: [] },
  { note: 'compact date', text: '批次20261124', expected: [] },
  { note: 'Chinese date', text: '2026年11月24日发布', expected: [] },
  { note: 'slash and dot dates', text: '2026/11/24、2026.11.24', expected: [] },
  { note: 'date as 号', text: '请于11月5号前提交', expected: [] },
  { note: 'office hours', text: '工作时间 08:30-12:00，14:30-17:30', expected: [] },
  { note: 'two dates spaced', text: '2026-01-05 2026-02-14', expected: [] },
  // document numbers and articles
  { note: '文号', text: '依据《民政部关于印发〈最低生活保障审核确认办法〉的通知》（民发〔2021〕57号）', expected: [] },
  { note: '文号 with square brackets', text: '黔民发[2019]12号', expected: [] },
  { note: '明电', text: '国办发明电〔2024〕12号', expected: [] },
  { note: '令', text: '民政部令第57号', expected: [] },
  { note: 'article', text: '依据第24条、第19条第二款', expected: [] },
  { note: 'announcement number', text: '（2021）第3号公告', expected: [] },
  { note: 'No.1 document', text: '中央1号文件', expected: [] },
  { note: '索引号', text: '索引号：11410000MB1234567X/2026-00123', expected: [] },
  // statistics
  { note: 'dynamic management figures', text: '新批低保对象130户243人，注销168户377人，动态调整2053户5338人', expected: [] },
  { note: 'big counts', text: '全县共保障100000户213456人', expected: [] },
  // service numbers
  { note: 'hotline 12345', text: '政务服务热线12345', expected: [] },
  { note: 'hotline 12349', text: '民政服务热线12349', expected: [] },
  { note: 'carrier numbers', text: '10086、95566、96110', expected: [] },
  { note: '400 number', text: '客服400-123-4567', expected: [] },
  { note: 'phone-like non-mobile', text: '编号12345678901', expected: [] },
  { note: 'phone-like starting 10', text: '流水号10234567890', expected: [] },
  { note: 'short number after 电话 is a service line', text: '服务电话12345', expected: [] },
  { note: 'area code alone', text: '区号0571', expected: [] },
  { note: 'postal code', text: '邮编100010', expected: [] },
  // digit-run boundaries
  { note: 'mobile embedded in 12 digits', text: '单号139000012345', expected: [] },
  { note: 'mobile embedded in 13 digits', text: '单号1139000012345', expected: [] },
  { note: 'letters before mobile', text: 'SN13900001234', expected: [] },
  { note: 'letters after mobile', text: '13900001234AB', expected: [] },
  { note: 'ID embedded in a longer run', text: `码${ID1}7`, expected: [] },
  { note: 'ID embedded after a digit', text: `码9${ID2}`, expected: [] },
  // broken IDs
  { note: '17-digit number', text: `证号${ID1.slice(0, 17)}`, expected: [] },
  { note: 'ID with a bad check digit', text: `证号${BAD_CHECK}`, expected: [] },
  { note: 'ID with an impossible date', text: `证号${BAD_DATE}`, expected: [] },
  { note: 'ID born in the future', text: `证号${FUTURE}`, expected: [] },
  { note: 'ID with an impossible region', text: `证号${BAD_REGION}`, expected: [] },
  { note: '15 digits with an impossible date', text: '旧号990102721315036', expected: [] },
  { note: 'credit code', text: '统一社会信用代码11110000000013338W', expected: [] },
  // order numbers / cards
  { note: 'order number failing Luhn', text: `订单号${badLuhn('622202123456789012')}`, expected: [] },
  { note: '16 digits failing Luhn', text: `流水${badLuhn('622848001234567')}`, expected: [] },
  { note: 'date-prefixed serial passing Luhn', text: `业务编号${card('202611240001234')}`, expected: [] },
  { note: 'serial starting with 1', text: `编号${card('100000000000000012')}`, expected: [] },
  { note: 'card in odd grouping', text: `${card('62220212345678901').slice(0, 3)} ${card('62220212345678901').slice(3, 10)} ${card('62220212345678901').slice(10)}`, expected: [] },
  { note: 'ISBN', text: 'ISBN 978-7-5086-1234-5', expected: [] },
  // masked values
  { note: 'masked mobile', text: '138****5678', expected: [] },
  { note: 'masked ID', text: '110101********123X', expected: [] },
  { note: 'masked name and household code', text: '张*（户07）3人 900元', expected: [] },
  { note: 'masked card', text: '622202*********0123', expected: [] },
  // address near misses
  { note: 'road without number', text: '沿人民路向东300米', expected: [] },
  { note: 'window number', text: '县政务服务中心3号窗口', expected: [] },
  { note: 'building without room', text: '县民政局2号楼办事大厅', expected: [] },
  { note: 'office floor and room', text: '办理地点：民政局3楼302室', expected: [] },
  { note: 'metro line', text: '乘坐5号线到人民路站', expected: [] },
  { note: 'village committee notice', text: '柳树村村委会3号公告', expected: [] },
  { note: 'group without number', text: '张庄村三组评议通过', expected: [] },
  { note: 'gate', text: '小区3号门', expected: [] },
  // e-mail near misses
  { note: 'not an e-mail', text: 'user@localhost、@民政局、a@b', expected: [] },
  // misc
  { note: 'version and IP', text: '系统版本v1.3.8，服务器192.168.1.1', expected: [] },
  { note: 'percentages', text: '覆盖率99.5%，同比增长12.3%', expected: [] },
  { note: 'region code', text: '行政区划代码990102001201', expected: [] },
  // added after tuning, as a check against over-fitting
  { note: 'place without number', text: '户籍所在地：清河县城关街道', expected: [] },
  { note: 'publicity period', text: '公示期7天，自2026年11月7日至11月16日', expected: [] },
  { note: 'too short landline', text: '传真0571-8765', expected: [] },
  { note: 'issue number', text: '2026年第12期', expected: [] },
  { note: 'community name', text: '人民路社区居委会', expected: [] },
  { note: 'collapsed buildings', text: '共有5栋住宅楼倒塌，涉及120户', expected: [] },
  { note: 'payment day', text: '低保金于每月10日前打卡发放到户', expected: [] },
  { note: 'rule text', text: '身份证号码应为18位，手机号码应为11位', expected: [] },
  { note: 'card prefix mention', text: '以6222开头的银行卡', expected: [] },
  { note: 'epoch milliseconds', text: 'ts=1732406400000', expected: [] },
  { note: 'date-prefixed 16 digits', text: '受理编号2026112412345678', expected: [] },
  { note: 'decimal with many digits', text: '系数0.13900001234', expected: [] },
  // near misses of the issue-13 additions
  { note: '月里 is not a lane', text: '这个月里五号发放', expected: [] },
  { note: '公里 is not a lane', text: '距县城12公里', expected: [] },
  { note: 'Chinese-numeral date', text: '十一月五号前', expected: [] },
  { note: 'phone label before a service number', text: 'Tel：12345', expected: [] },
  { note: 'dotted amount', text: '单价13.12元，合计138.50元', expected: [] },
  { note: 'dotted version', text: '版本138.1234', expected: [] },
  { note: 'room after 电话', text: '电话会议室3楼', expected: [] },
  { note: 'year after 号码', text: '号码段2026年启用', expected: [] },
  { note: 'two-character name across a space in running text', text: '提高 金额标准', knownValues: ['高金'], expected: [] },
  { note: 'road with a Chinese ordinal, no door', text: '沿人民路一直走', expected: [] },
]
