import type { TransferStep } from '@unionhub/contracts';

/**
 * How a step of a transfer reads to people: the same words for both unions and the member, so the
 * admin console and the member app share them (`transferFlow.steps.*`).
 */
export function transferStepKey(step: Pick<TransferStep, 'action' | 'fromStatus' | 'actorType'>): string {
  switch (step.action) {
    case 'start':
      return step.actorType === 'member' ? 'startByMember' : 'startByStaff';
    case 'approve':
      return step.fromStatus === 'pending_destination' ? 'approveDestination' : 'approveOrigin';
    case 'reject':
      return step.fromStatus === 'pending_destination' ? 'rejectDestination' : 'rejectOrigin';
    case 'cancel':
      return step.actorType === 'member' ? 'cancelByMember' : 'cancelByStaff';
    case 'auto_accept':
      return 'autoAccept';
    default:
      return 'other';
  }
}

export const transferFlowZh = {
  statuses: {
    pending_origin: '待转出工会审批',
    pending_destination: '待转入工会审批',
    completed: '已完成',
    rejected: '已驳回',
    cancelled: '已撤回',
  },
  steps: {
    startByMember: '会员本人提出转接申请',
    startByStaff: '转出工会发起转接',
    approveOrigin: '转出工会同意转出',
    approveDestination: '转入工会同意接收，转接完成',
    rejectOrigin: '转出工会驳回',
    rejectDestination: '转入工会驳回',
    cancelByMember: '会员本人撤回申请',
    cancelByStaff: '转出工会撤回转接',
    autoAccept: '30 天内无人驳回，系统自动办结',
    other: '其他操作',
  },
  autoAcceptAt: '{{date}} 前无人驳回将自动办结',
};

export const transferFlowEn: typeof transferFlowZh = {
  statuses: {
    pending_origin: 'Waiting for the origin union',
    pending_destination: 'Waiting for the destination union',
    completed: 'Completed',
    rejected: 'Rejected',
    cancelled: 'Withdrawn',
  },
  steps: {
    startByMember: 'The member asked for the transfer',
    startByStaff: 'The origin union started the transfer',
    approveOrigin: 'The origin union approved',
    approveDestination: 'The destination union accepted; transfer complete',
    rejectOrigin: 'The origin union rejected it',
    rejectDestination: 'The destination union rejected it',
    cancelByMember: 'The member withdrew it',
    cancelByStaff: 'The origin union withdrew it',
    autoAccept: 'Nobody rejected it within 30 days; completed automatically',
    other: 'Other step',
  },
  autoAcceptAt: 'Completes by itself on {{date}} unless rejected',
};
