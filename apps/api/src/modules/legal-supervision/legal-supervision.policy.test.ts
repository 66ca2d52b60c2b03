import type { ChecklistItemInput } from '@unionhub/contracts';
import { describe, expect, it } from 'vitest';
import {
  applyRectification,
  checklistOf,
  followUpProblems,
  inspectionProblems,
  isOverdue,
} from './legal-supervision.policy.js';

const input: ChecklistItemInput[] = [
  { key: 'wages_paid', label: '工资按时足额支付', result: 'non_compliant', note: ' 拖欠两个月 ' },
  { key: 'minimum_wage', label: '最低工资', result: 'compliant' },
  { key: 'social_insurance', label: '社会保险缴纳', result: 'non_compliant' },
  { key: 'women_protection', label: '女职工特殊保护', result: 'not_applicable' },
];
const items = checklistOf(input);

describe('inspection rules', () => {
  it('keeps the notes trimmed and nothing rectified yet', () => {
    expect(items[0]).toEqual({
      key: 'wages_paid',
      label: '工资按时足额支付',
      result: 'non_compliant',
      note: '拖欠两个月',
      rectifiedOn: null,
    });
  });

  it('wants a deadline after the inspection only when something is non-compliant', () => {
    const body = { inspectedOn: '2026-03-02', checklist: input };
    expect(inspectionProblems(body, '2026-03-02').map((p) => p.rule)).toEqual([
      'inspection.deadline_required',
    ]);
    expect(inspectionProblems({ ...body, rectificationDueOn: '2026-03-02' }, '2026-03-02')[0]?.rule).toBe(
      'inspection.deadline_after_inspection',
    );
    expect(inspectionProblems({ ...body, rectificationDueOn: '2026-04-01' }, '2026-03-02')).toEqual([]);
    const clean = input.map((i) => ({ key: i.key, label: i.label, result: 'compliant' as const }));
    expect(inspectionProblems({ inspectedOn: '2026-03-02', checklist: clean }, '2026-03-02')).toEqual([]);
  });

  it('refuses an inspection dated after today', () => {
    const problems = inspectionProblems(
      { inspectedOn: '2026-03-03', checklist: [], rectificationDueOn: '2026-04-01' },
      '2026-03-02',
    );
    expect(problems.map((p) => p.path)).toEqual(['body.inspectedOn']);
  });
});

describe('follow-up rules', () => {
  const inspection = { inspectedOn: '2026-03-02', checklist: items };

  it('accepts only outstanding non-compliant items, on or after the inspection day', () => {
    expect(
      followUpProblems(
        { followedOn: '2026-03-10', rectifiedItems: ['wages_paid'] },
        inspection,
        '2026-03-10',
      ),
    ).toEqual([]);
    const problems = followUpProblems(
      { followedOn: '2026-03-01', rectifiedItems: ['minimum_wage', 'nope'] },
      inspection,
      '2026-03-10',
    );
    expect(problems.map((p) => p.path)).toEqual([
      'body.followedOn',
      'body.rectifiedItems.0',
      'body.rectifiedItems.1',
    ]);
  });

  it('counts what remains, and an item rectified once is no longer outstanding', () => {
    const first = applyRectification(items, ['wages_paid'], '2026-03-10');
    expect(first.outstanding).toBe(1);
    expect(first.checklist[0]!.rectifiedOn).toBe('2026-03-10');
    expect(
      followUpProblems(
        { followedOn: '2026-03-11', rectifiedItems: ['wages_paid'] },
        { ...inspection, checklist: first.checklist },
        '2026-03-11',
      ),
    ).toHaveLength(1);
    expect(applyRectification(first.checklist, ['social_insurance'], '2026-03-12').outstanding).toBe(0);
  });

  it('flags an open inspection past its deadline, not a closed one or one due today', () => {
    expect(isOverdue({ status: 'rectifying', rectificationDueOn: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ status: 'rectifying', rectificationDueOn: '2026-03-02' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ status: 'closed', rectificationDueOn: '2026-03-01' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ status: 'closed', rectificationDueOn: null }, '2026-03-02')).toBe(false);
  });
});
