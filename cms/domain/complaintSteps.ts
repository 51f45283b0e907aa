// The complaint workflow as steps an officer takes (受理 / 不予受理 / 转办 / 延期 / 暂停 / 答复 / 办结 …):
// which steps are valid from a complaint's state, and what each needs written. The status machine
// (NEXT) is the one cms/complaints/workflow.ts enforces on save; the desk's buttons offer only these.

export const COMPLAINT_STATUSES = [
  { value: 'received', label: '已收到' },
  { value: 'accepted', label: '已受理' },
  { value: 'notAccepted', label: '不予受理' },
  { value: 'transferred', label: '已转办' },
  { value: 'answered', label: '已答复' },
  { value: 'closed', label: '已办结' },
] as const
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number]['value']
export const statusLabel = (s: string) => COMPLAINT_STATUSES.find((x) => x.value === s)?.label ?? s

/** Allowed status changes. */
export const NEXT: Record<ComplaintStatus, ComplaintStatus[]> = {
  received: ['accepted', 'notAccepted', 'transferred'],
  accepted: ['answered', 'transferred'],
  answered: ['closed', 'accepted'],
  notAccepted: ['closed'],
  transferred: ['closed'],
  closed: [],
}

/** Fields a step asks for (texts the resident will read). */
export type StepNeed = 'statusReason' | 'transferTo' | 'publicReply' | 'extensionReason' | 'pauseReason'
export const NEED_LABELS: Record<StepNeed, string> = {
  statusReason: '理由',
  transferTo: '转往机关',
  publicReply: '答复内容',
  extensionReason: '延期理由',
  pauseReason: '需要群众补充的内容',
}

export type ComplaintStep = {
  key: 'accept' | 'notAccept' | 'transfer' | 'extend' | 'pause' | 'resume' | 'answer' | 'close' | 'reopen'
  label: string
  /** The field values the step sets on the complaint. */
  set: { status?: ComplaintStatus; extended?: true; clock?: 'running' | 'paused' }
  needs: StepNeed[]
}

const BY_STATUS: Partial<Record<ComplaintStatus, Omit<ComplaintStep, 'set'>>> = {
  accepted: { key: 'accept', label: '受理', needs: [] },
  notAccepted: { key: 'notAccept', label: '不予受理', needs: ['statusReason'] },
  transferred: { key: 'transfer', label: '转办', needs: ['statusReason', 'transferTo'] },
  answered: { key: 'answer', label: '答复', needs: ['publicReply'] },
  closed: { key: 'close', label: '办结', needs: [] },
}

const OPEN: readonly string[] = ['received', 'accepted']

/** The steps valid from `c`'s state, in the order the desk offers them. */
export function complaintSteps(c: { status?: string | null; extended?: boolean | null; clock?: string | null }): ComplaintStep[] {
  const status = (c.status ?? 'received') as ComplaintStatus
  const steps: ComplaintStep[] = []
  for (const to of NEXT[status] ?? []) {
    const base = status === 'answered' && to === 'accepted' ? { key: 'reopen' as const, label: '重新办理', needs: [] } : BY_STATUS[to]
    if (base) steps.push({ ...base, set: { status: to } })
  }
  if (OPEN.includes(status) && !c.extended) steps.push({ key: 'extend', label: '延期', set: { extended: true }, needs: ['extensionReason'] })
  if (OPEN.includes(status) && c.clock !== 'paused') steps.push({ key: 'pause', label: '暂停计时', set: { clock: 'paused' }, needs: ['pauseReason'] })
  if (c.clock === 'paused') steps.push({ key: 'resume', label: '恢复计时', set: { clock: 'running' }, needs: [] })
  return steps
}

/**
 * A reply template with its placeholders filled: {编号} the tracking code, {收到日期}, {类别},
 * {办结期限}, {今天}. Unknown placeholders stay as written, so the officer sees and edits them.
 */
export function fillReplyTemplate(body: string, facts: { code?: string | null; receivedOn?: string | null; category?: string | null; resolveDue?: string | null; today?: string | null }): string {
  const values: Record<string, string | null | undefined> = { 编号: facts.code, 查询码: facts.code, 收到日期: facts.receivedOn, 类别: facts.category, 办结期限: facts.resolveDue, 今天: facts.today }
  return body.replace(/\{([^{}]{1,8})\}/g, (all, name: string) => values[name] ?? all)
}
