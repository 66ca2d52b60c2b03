import type { ChecklistItem, ChecklistItemInput, ErrorDetail } from '@unionhub/contracts';

/** The checklist as stored: each item with its note, non-compliant ones not yet rectified. */
export function checklistOf(input: ChecklistItemInput[]): ChecklistItem[] {
  return input.map((i) => ({
    key: i.key,
    label: i.label.trim(),
    result: i.result,
    note: i.note?.trim() || null,
    rectifiedOn: null,
  }));
}

export const outstandingOf = (items: ChecklistItem[]) =>
  items.filter((i) => i.result === 'non_compliant' && !i.rectifiedOn);

/**
 * The rules of a new inspection: one result per item, not in the future, and a rectification deadline
 * after the inspection day whenever something is non-compliant.
 */
export function inspectionProblems(
  body: { inspectedOn: string; checklist: ChecklistItemInput[]; rectificationDueOn?: string | undefined },
  today: string,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (body.inspectedOn > today)
    problems.push({
      path: 'body.inspectedOn',
      message: '检查日期不能晚于今天',
      rule: 'inspection.not_in_future',
    });
  const seen = new Set<string>();
  body.checklist.forEach((item, i) => {
    if (seen.has(item.key))
      problems.push({
        path: `body.checklist.${i}.key`,
        message: `检查项“${item.label}”重复`,
        rule: 'inspection.item_unique',
      });
    seen.add(item.key);
  });
  const nonCompliant = body.checklist.some((i) => i.result === 'non_compliant');
  if (nonCompliant && !body.rectificationDueOn)
    problems.push({
      path: 'body.rectificationDueOn',
      message: '有不合规项时请填写整改期限',
      rule: 'inspection.deadline_required',
    });
  if (nonCompliant && body.rectificationDueOn && body.rectificationDueOn <= body.inspectedOn)
    problems.push({
      path: 'body.rectificationDueOn',
      message: '整改期限应晚于检查日期',
      rule: 'inspection.deadline_after_inspection',
    });
  return problems;
}

/** The rules of a follow-up: on or after the inspection, not in the future, naming outstanding items. */
export function followUpProblems(
  body: { followedOn: string; rectifiedItems: string[] },
  inspection: { inspectedOn: string; checklist: ChecklistItem[] },
  today: string,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (body.followedOn < inspection.inspectedOn)
    problems.push({
      path: 'body.followedOn',
      message: '跟踪日期不能早于检查日期',
      rule: 'follow_up.after_inspection',
    });
  if (body.followedOn > today)
    problems.push({
      path: 'body.followedOn',
      message: '跟踪日期不能晚于今天',
      rule: 'follow_up.not_in_future',
    });
  const open = new Set(outstandingOf(inspection.checklist).map((i) => i.key));
  body.rectifiedItems.forEach((key, i) => {
    if (!open.has(key))
      problems.push({
        path: `body.rectifiedItems.${i}`,
        message: `“${key}”不是待整改的检查项`,
        rule: 'follow_up.item_outstanding',
      });
  });
  return problems;
}

/** Marks the items rectified on the day; returns the new checklist and how many remain. */
export function applyRectification(items: ChecklistItem[], keys: string[], on: string) {
  const done = new Set(keys);
  const checklist = items.map((i) => (done.has(i.key) ? { ...i, rectifiedOn: on } : i));
  return { checklist, outstanding: outstandingOf(checklist).length };
}

export const isOverdue = (
  row: { status: string; rectificationDueOn: string | null },
  today: string,
): boolean => row.status === 'rectifying' && !!row.rectificationDueOn && row.rectificationDueOn < today;
