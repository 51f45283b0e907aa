/**
 * Demo programmes, standards and office guides for the fictional 清河县 (synthetic; figures are the
 * example figures in domain.md §2 and the service norms in §5).
 */
import { DEFAULT_STAGES } from '../cms/domain/publicity'

export const demoProgrammes = [
  { code: 'dibao-urban', name: '城市最低生活保障', shortName: '城市低保', unit: '元/人·月', publicityRequired: true, description: '城市居民家庭人均收入低于当地城市低保标准、且财产状况符合规定的，按差额给予保障。' },
  { code: 'dibao-rural', name: '农村最低生活保障', shortName: '农村低保', unit: '元/人·年', publicityRequired: true, description: '农村居民家庭年人均收入低于当地农村低保标准、且财产状况符合规定的，按差额给予保障。' },
  { code: 'tekun', name: '特困人员救助供养', shortName: '特困供养', unit: '元/人·月', publicityRequired: true, description: '无劳动能力、无生活来源、无法定赡养抚养扶养义务人或其义务人无履行能力的老年人、残疾人和未成年人，给予救助供养。' },
  { code: 'linshi', name: '临时救助', shortName: '临时救助', unit: '元/户·次', publicityRequired: false, description: '因意外事件、突发重大疾病等导致基本生活暂时出现严重困难的家庭或个人，给予临时救助；急难型可先行救助、事后公布。' },
] as const

export const demoStages = DEFAULT_STAGES.map((s) => ({ ...s, key: s.key as 'village' | 'township' | 'county' | 'single' }))

export type DemoStandard = { programme: string; title: string; tier: string | null; amount: number; unit: string; from: string; to: string | null; policyKey?: string }

export const demoStandards: DemoStandard[] = [
  { programme: 'dibao-urban', title: '城市低保标准（2021年）', tier: '城市', amount: 210, unit: '元/人·月', from: '2021-07-01', to: '2025-12-31', policyKey: 'dibao-2021' },
  { programme: 'dibao-urban', title: '城市低保标准（2026年）', tier: '城市', amount: 300, unit: '元/人·月', from: '2026-01-01', to: null, policyKey: 'dibao-2026' },
  { programme: 'dibao-rural', title: '农村低保标准（2021年）', tier: '农村', amount: 1360, unit: '元/人·年', from: '2021-07-01', to: '2025-12-31', policyKey: 'dibao-2021' },
  { programme: 'dibao-rural', title: '农村低保标准（2026年）', tier: '农村', amount: 1800, unit: '元/人·年', from: '2026-01-01', to: null, policyKey: 'dibao-2026' },
  { programme: 'tekun', title: '特困人员基本生活标准（2026年）', tier: '基本生活', amount: 390, unit: '元/人·月', from: '2026-01-01', to: null },
  { programme: 'tekun', title: '特困人员照料护理标准（全护理）', tier: '全护理', amount: 600, unit: '元/人·月', from: '2026-01-01', to: null },
  { programme: 'linshi', title: '临时救助标准', tier: null, amount: 5000, unit: '元/户·次', from: '2025-09-10', to: null, policyKey: 'linshi-2025' },
]

export type DemoGuide = {
  programme: string
  title: string
  applicableTo: string
  conditions: string[]
  exclusions: string[]
  materials: { name: string; note?: string; required?: boolean }[]
  steps: { title: string; actor: string; workingDays?: number; description?: string }[]
  statutoryWorkingDays: number
  promisedWorkingDays: number
  basisKeys: string[]
}

const commonMaterials = [
  { name: '申请书', note: '可在窗口领取，或由工作人员代写' },
  { name: '户口簿', note: '原件和复印件各1份' },
  { name: '共同生活家庭成员的居民身份证', note: '原件和复印件各1份' },
  { name: '家庭经济状况核对授权书', note: '共同生活的家庭成员签字' },
]

export const demoGuides: DemoGuide[] = [
  {
    programme: 'dibao-urban',
    title: '城市最低生活保障申请',
    applicableTo: '持有本县城镇户籍、在本县居住的居民家庭。',
    conditions: ['共同生活的家庭成员人均月收入低于本县城市低保标准（每人每月300元）', '家庭财产状况符合本县规定', '户籍所在地与经常居住地不一致的，可在经常居住地申请'],
    exclusions: ['拥有2套以上住房或非生活必需的机动车辆的', '故意隐瞒家庭收入和财产、提供虚假证明材料的', '有赡养能力的法定义务人拒不履行义务而申请的'],
    materials: [...commonMaterials, { name: '残疾证、病历等证明材料', note: '有残疾或重病成员时提供', required: false }],
    steps: [
      { title: '申请', actor: '申请人到户籍所在地或经常居住地乡镇（街道）提出申请', workingDays: 0 },
      { title: '受理', actor: '乡镇人民政府（街道办事处）', workingDays: 3, description: '材料不全的，一次性告知需补齐的全部材料' },
      { title: '家庭经济状况调查与核对', actor: '乡镇人民政府（街道办事处）、县民政局', description: '入户调查、信息核对，必要时组织民主评议' },
      { title: '公示', actor: '村（居）委会', description: '在申请人所在村（社区）公示7天' },
      { title: '审批', actor: '县民政局', workingDays: 10, description: '审批同意的按月发放保障金并公布；不同意的书面告知理由' },
    ],
    statutoryWorkingDays: 30,
    promisedWorkingDays: 10,
    basisKeys: ['dibao-2026'],
  },
  {
    programme: 'dibao-rural',
    title: '农村最低生活保障申请',
    applicableTo: '持有本县农村户籍、在本县居住的居民家庭。',
    conditions: ['共同生活的家庭成员年人均收入低于本县农村低保标准（每人每年1800元）', '家庭财产状况符合本县规定'],
    exclusions: ['家庭成员中有国家公职人员且收入超过规定的', '故意隐瞒家庭收入和财产、提供虚假证明材料的'],
    materials: [...commonMaterials, { name: '土地承包、务工收入等情况说明', required: false }],
    steps: [
      { title: '申请', actor: '申请人向户籍所在地乡镇人民政府提出申请；村委会可以代为提交', workingDays: 0 },
      { title: '受理', actor: '乡镇人民政府', workingDays: 3, description: '一次性告知需补齐的全部材料' },
      { title: '入户调查与民主评议', actor: '乡镇人民政府、村（居）委会' },
      { title: '三榜公示', actor: '村（居）委会、乡镇人民政府、县民政局', description: '村级民主评议后、乡镇审核后、县民政局审批后各公示7天' },
      { title: '审批', actor: '县民政局', workingDays: 10 },
    ],
    statutoryWorkingDays: 30,
    promisedWorkingDays: 10,
    basisKeys: ['dibao-2026'],
  },
  {
    programme: 'tekun',
    title: '特困人员救助供养申请',
    applicableTo: '无劳动能力、无生活来源、且无法定赡养抚养扶养义务人或者其义务人无履行能力的老年人、残疾人以及未满16周岁的未成年人。',
    conditions: ['同时符合“三无”条件', '收入低于本县城市低保标准，且财产状况符合规定'],
    exclusions: ['法定义务人有履行能力的（除未满16周岁的未成年人外）'],
    materials: [...commonMaterials, { name: '残疾证或医院诊断证明', note: '残疾人或重病人提供', required: false }, { name: '生活自理能力评估表', note: '由乡镇组织评估' }],
    steps: [
      { title: '申请', actor: '本人或委托村（居）委会向乡镇人民政府提出' },
      { title: '审核与公示', actor: '乡镇人民政府', description: '在申请人所在村（社区）公示7天' },
      { title: '确认', actor: '县民政局', workingDays: 20 },
      { title: '选择供养方式', actor: '特困人员', description: '集中供养（入住供养服务机构）或分散供养（在家）' },
    ],
    statutoryWorkingDays: 40,
    promisedWorkingDays: 15,
    basisKeys: [],
  },
  {
    programme: 'linshi',
    title: '临时救助申请',
    applicableTo: '因火灾、交通事故等意外事件，家庭成员突发重大疾病等原因，导致基本生活暂时出现严重困难的家庭或个人。',
    conditions: ['急难型：基本生活陷入困境，需要立即采取救助措施', '支出型：因生活必需支出突然增加超出家庭承受能力'],
    exclusions: ['已通过其他救助或保险得到足额补偿的'],
    materials: [{ name: '申请书' }, { name: '身份证、户口簿', note: '原件和复印件' }, { name: '困难情况证明', note: '医疗费用票据、事故证明等' }],
    steps: [
      { title: '申请', actor: '向乡镇（街道）或县民政局提出；紧急情况可先行救助' },
      { title: '审核', actor: '乡镇人民政府（街道办事处）', workingDays: 5 },
      { title: '审批', actor: '县民政局（小额可授权乡镇审批）', workingDays: 5 },
      { title: '事后公布', actor: '县民政局', description: '急难型救助事后公布救助对象、事由类别和金额' },
    ],
    statutoryWorkingDays: 10,
    promisedWorkingDays: 10,
    basisKeys: ['linshi-2025'],
  },
]
