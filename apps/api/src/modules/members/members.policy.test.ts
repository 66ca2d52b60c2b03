import { MemberStatuses, type Permission } from '@unionhub/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedMemberActions,
  canChangeStatus,
  chinaToday,
  classifySearch,
  joinDateProblem,
  maskOrgName,
  namePinyin,
} from './members.policy.js';

describe('member status transitions', () => {
  it('allows exactly the listed changes', () => {
    const allowed = MemberStatuses.flatMap((from) =>
      MemberStatuses.filter((to) => canChangeStatus(from, to)).map((to) => `${from}>${to}`),
    );
    expect(allowed).toEqual([
      'active>left',
      'active>deceased',
      'transferred_out>active',
      'transferred_out>deceased',
      'left>active',
      'left>deceased',
    ]);
  });

  it('offers actions by permission, and no status change after death', () => {
    const all = new Set<Permission>(['member.read', 'member.write', 'member.pii']);
    expect(allowedMemberActions(all, 'active')).toEqual([
      'viewPii',
      'edit',
      'changeStatus',
      'correctIdNumber',
    ]);
    expect(allowedMemberActions(all, 'deceased')).toEqual(['viewPii', 'edit', 'correctIdNumber']);
    expect(allowedMemberActions(new Set<Permission>(['member.read']), 'active')).toEqual([]);
  });
});

describe('masking the name of a union out of the caller’s scope', () => {
  it('keeps two characters on each side of four stars', () => {
    expect(maskOrgName('河南省郑州市汴京机械有限公司工会')).toBe('河南****工会');
    expect(maskOrgName('开封市龙亭区总工会')).toBe('开封****工会');
    expect(maskOrgName('某某工会')).toBe('某****');
  });

  it('never shows more than four characters of the name', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (name) => {
        const masked = maskOrgName(name);
        expect([...masked.replace('****', '')].length).toBeLessThanOrEqual(4);
        expect(masked).toContain('****');
      }),
    );
  });
});

describe('search text', () => {
  it('tells ID numbers, phones, pinyin and names apart', () => {
    expect(classifySearch(' 41010519900307123x ')).toEqual({ kind: 'idNumber', value: '41010519900307123X' });
    expect(classifySearch('138 1234 5678')).toEqual({ kind: 'phone', value: '13812345678' });
    expect(classifySearch('ZhangS')).toEqual({ kind: 'pinyin', value: 'zhangs' });
    expect(classifySearch('张三')).toEqual({ kind: 'name', value: '张三' });
    expect(classifySearch('1381234')).toEqual({ kind: 'name', value: '1381234' });
    expect(classifySearch('  ')).toBeNull();
  });

  it('writes the pinyin of names, surnames read as surnames', () => {
    expect(namePinyin('单田芳')).toEqual({ full: 'shantianfang', initials: 'stf' });
    expect(namePinyin('吕布')).toEqual({ full: 'lvbu', initials: 'lb' });
    expect(namePinyin('阿依古丽·买买提')).toEqual({ full: 'ayigulimaimaiti', initials: 'ayglmmt' });
  });
});

describe('dates', () => {
  it('reads today in China time', () => {
    expect(chinaToday(new Date('2026-11-24T15:59:59Z'))).toBe('2026-11-24');
    expect(chinaToday(new Date('2026-11-24T16:00:00Z'))).toBe('2026-11-25');
  });

  it('refuses a join date in the future or before birth', () => {
    expect(joinDateProblem('2026-11-25', '1990-01-01', '2026-11-24')?.rule).toBe('joined_on.future');
    expect(joinDateProblem('1989-12-31', '1990-01-01', '2026-11-24')?.rule).toBe('joined_on.before_birth');
    expect(joinDateProblem('2026-11-24', '1990-01-01', '2026-11-24')).toBeNull();
  });
});
