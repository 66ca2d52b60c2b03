import { describe, expect, test } from 'vitest';
import { memberNoticeFor } from './service-requests.texts.js';

const base = { serviceName: '困难职工帮扶申请', orgName: '金水区总工会', completeDueAt: null };

describe('member notices', () => {
  test('a comment that ends with its own full stop does not double it', () => {
    expect(memberNoticeFor('complete', { ...base, comment: '帮扶金已发放。' }).body).toBe(
      '您申请的“困难职工帮扶申请”已办结：帮扶金已发放。欢迎对本次服务进行评价。',
    );
    expect(memberNoticeFor('note', { ...base, comment: '已入户核实 ' }).body).toBe(
      '您申请的“困难职工帮扶申请”有新的进展：已入户核实。',
    );
    expect(memberNoticeFor('reject', { ...base, comment: '不属于帮扶范围！' }).body).toBe(
      '您申请的“困难职工帮扶申请”未通过，原因：不属于帮扶范围。',
    );
    expect(memberNoticeFor('start', { ...base, comment: '。' }).body).toBe(
      '您申请的“困难职工帮扶申请”正在办理中。',
    );
  });
});
