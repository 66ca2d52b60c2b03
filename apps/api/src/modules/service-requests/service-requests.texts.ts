import type { StaffRequestAction } from '@unionhub/contracts';

/** 2026年12月1日 — a deadline as a member reads it (China time). */
export function chinaDate(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** What the member is told after each staff action: a title and one sentence in plain Chinese. */
export function memberNoticeFor(
  action: StaffRequestAction,
  r: {
    serviceName: string;
    orgName: string;
    comment: string | null;
    completeDueAt: Date | null;
    newOrgName?: string;
  },
): { title: string; body: string } {
  const service = `“${r.serviceName}”`;
  // The sentence ends with its own full stop, so the comment's own closing mark is dropped.
  const comment = r.comment?.replace(/[。．.！!；;，,、\s]+$/u, '') || null;
  const said = comment ? `：${comment}` : '';
  switch (action) {
    case 'accept':
      return {
        title: '申请已受理',
        body: `您申请的${service}已由${r.orgName}受理${r.completeDueAt ? `，承诺于${chinaDate(r.completeDueAt)}前办结` : ''}。`,
      };
    case 'start':
      return { title: '申请正在办理', body: `您申请的${service}正在办理中${said}。` };
    case 'note':
      return { title: '办理进展', body: `您申请的${service}有新的进展${said}。` };
    case 'return':
      return {
        title: '申请需要补充',
        body: `您申请的${service}需要补充${said}。请在“我的申请”中补充后重新提交。`,
      };
    case 'complete':
      return { title: '申请已办结', body: `您申请的${service}已办结${said}。欢迎对本次服务进行评价。` };
    case 'reject':
      return {
        title: '申请未通过',
        body: `您申请的${service}未通过${comment ? `，原因：${comment}` : ''}。`,
      };
    case 'transfer':
      return { title: '申请已转办', body: `您申请的${service}已转至${r.newOrgName ?? '其他工会'}办理。` };
  }
}
