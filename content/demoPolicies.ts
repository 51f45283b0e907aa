/**
 * Demo policies for the fictional 清河县 (synthetic; figures are the demo figures from domain.md §2).
 * Bodies are plain paragraphs; the seed turns them into rich text.
 */
export type DemoPolicy = {
  key: string
  title: string
  indexNumber: string
  documentNumber: string
  issuer: string
  writtenOn: string
  publishedOn: string
  validity: 'current' | 'amended' | 'repealed'
  supersededByKey?: string
  summary: string
  paragraphs: string[]
  published: boolean
}

export const demoPolicies: DemoPolicy[] = [
  {
    key: 'dibao-2026',
    title: '清河县城乡最低生活保障实施办法',
    indexNumber: '99010200-2026-000012',
    documentNumber: '清民发〔2026〕3号',
    issuer: '清河县民政局',
    writtenOn: '2026-01-10',
    publishedOn: '2026-01-15',
    validity: 'current',
    summary: '规定城乡低保的申请条件、审核确认程序、保障标准和动态管理。',
    paragraphs: [
      '第一条 为规范城乡最低生活保障工作，保障困难群众基本生活，根据《社会救助暂行办法》《最低生活保障审核确认办法》，结合本县实际，制定本办法。',
      '第二条 共同生活的家庭成员人均收入低于当地最低生活保障标准，且家庭财产状况符合规定的，可以申请最低生活保障。',
      '第三条 本县城市最低生活保障标准为每人每月300元，农村最低生活保障标准为每人每年1800元。',
      '第四条 乡镇人民政府（街道办事处）应当对申请人家庭状况进行调查核实，并在申请人所在村（社区）公示7天。',
      '第五条 县民政局应当自收到乡镇人民政府（街道办事处）审核意见之日起10个工作日内作出审批决定。',
    ],
    published: true,
  },
  {
    key: 'dibao-2021',
    title: '清河县农村最低生活保障暂行规定',
    indexNumber: '99010200-2021-000031',
    documentNumber: '清民发〔2021〕17号',
    issuer: '清河县民政局',
    writtenOn: '2021-06-01',
    publishedOn: '2021-06-08',
    validity: 'repealed',
    supersededByKey: 'dibao-2026',
    summary: '原农村低保规定，已被2026年实施办法取代。',
    paragraphs: ['第一条 农村最低生活保障标准为每人每年1360元。', '第二条 年人均收入低于1320元的农村家庭可以申请最低生活保障。'],
    published: true,
  },
  {
    key: 'linshi-2025',
    title: '清河县临时救助实施细则',
    indexNumber: '99010200-2025-000044',
    documentNumber: '清民发〔2025〕21号',
    issuer: '清河县民政局',
    writtenOn: '2025-09-02',
    publishedOn: '2025-09-10',
    validity: 'current',
    summary: '明确急难型和支出型临时救助的对象、标准和程序。',
    paragraphs: [
      '第一条 对遭遇火灾、交通事故等意外事件，或因疾病等原因导致基本生活陷入困境的家庭或个人，给予临时救助。',
      '第二条 急难型临时救助可以先行救助，事后补充说明情况并公布。',
    ],
    published: true,
  },
  {
    key: 'tekun-draft',
    title: '清河县特困人员供养服务规范（征求意见稿）',
    indexNumber: '99010200-2026-000077',
    documentNumber: '',
    issuer: '清河县民政局',
    writtenOn: '2026-10-20',
    publishedOn: '2026-11-01',
    validity: 'current',
    summary: '特困人员集中供养与分散供养的服务规范，尚在内部征求意见。',
    paragraphs: ['本稿尚未定稿，仅供内部讨论。'],
    published: false,
  },
]
