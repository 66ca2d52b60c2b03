import {
  checkIdNumber,
  type ErrorDetail,
  type IdNumberFacts,
  idNumberFacts,
  type MemberAction,
  type MemberStatus,
  normalizeIdNumber,
  type Permission,
} from '@unionhub/contracts';
import { pinyin } from 'pinyin-pro';

/**
 * Status changes staff may make by hand. `transferred_out` is reached only through a transfer;
 * a death record is final. Reactivation (→ active) still has to respect one active membership.
 */
export const memberTransitions: Record<MemberStatus, readonly MemberStatus[]> = {
  active: ['left', 'deceased'],
  left: ['active', 'deceased'],
  transferred_out: ['active', 'deceased'],
  deceased: [],
};

export function canChangeStatus(from: MemberStatus, to: MemberStatus): boolean {
  return memberTransitions[from].includes(to);
}

/** What a caller holding these permissions may do with a member in this status. */
export function allowedMemberActions(
  permissions: ReadonlySet<Permission>,
  status: MemberStatus,
): MemberAction[] {
  const actions: MemberAction[] = [];
  if (permissions.has('member.pii')) actions.push('viewPii');
  if (permissions.has('member.write')) {
    actions.push('edit');
    if (memberTransitions[status].length > 0) actions.push('changeStatus');
    actions.push('correctIdNumber');
  }
  return actions;
}

/** The calendar date in China (UTC+8, no daylight saving), which is what a join date means. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Pinyin of a name as stored for search: full syllables joined, and their first letters. */
export function namePinyin(name: string): { full: string; initials: string } {
  const letters = (parts: string) => parts.toLowerCase().replace(/[^a-z]/g, '');
  const options = {
    toneType: 'none',
    type: 'array',
    surname: 'head',
    v: true,
    nonZh: 'consecutive',
  } as const;
  const syllables = pinyin(name, options);
  // The initials from the same reading (one pass of pinyin-pro instead of two): a Chinese character's
  // syllable gives its first letter; a run of other characters comes back as itself and is kept whole.
  let initials = '';
  let at = 0;
  for (const item of syllables) {
    if (name.startsWith(item, at)) {
      initials += item;
      at += item.length;
    } else {
      initials += item[0] ?? '';
      at += 1;
    }
  }
  if (at !== name.length)
    // A character the walk above does not line up with (outside the basic plane): ask pinyin-pro.
    initials = pinyin(name, { ...options, pattern: 'first' }).join('');
  return { full: letters(syllables.join('')), initials: letters(initials) };
}

/**
 * Normalizes and checks an ID number; returns the number with the facts read from it, or the
 * broken rule as an error detail for the given field.
 */
export function parseIdNumber(
  raw: string,
  path: string,
  now: Date,
): { ok: true; idNumber: string; facts: IdNumberFacts } | { ok: false; detail: ErrorDetail } {
  const idNumber = normalizeIdNumber(raw);
  const violation = checkIdNumber(idNumber, now);
  if (violation) return { ok: false, detail: { path, message: violation.message, rule: violation.rule } };
  return { ok: true, idNumber, facts: idNumberFacts(idNumber) };
}

/** A join date is neither in the future nor before the member was born. */
export function joinDateProblem(joinedOn: string, birthDate: string, today: string): ErrorDetail | null {
  if (joinedOn > today)
    return { path: 'body.joinedOn', message: 'must not be in the future', rule: 'joined_on.future' };
  if (joinedOn < birthDate)
    return {
      path: 'body.joinedOn',
      message: 'must not be before the birth date',
      rule: 'joined_on.before_birth',
    };
  return null;
}

/**
 * The name of a union the caller may not see, shortened so that it hints without revealing:
 * the first two and the last two characters around four stars (河南省郑州市某某公司工会 →
 * 河南****工会); names of five characters or fewer keep only their first character.
 */
export function maskOrgName(name: string): string {
  const chars = [...name];
  if (chars.length <= 5) return `${chars[0] ?? ''}****`;
  return `${chars.slice(0, 2).join('')}****${chars.slice(-2).join('')}`;
}

export type MemberSearch = { kind: 'idNumber' | 'phone' | 'pinyin' | 'name'; value: string } | null;

/**
 * What the free search text means: an 18-character ID number or an 11-digit mobile number (exact
 * match through their lookup hashes), letters (a pinyin or initials prefix), or part of a name.
 */
export function classifySearch(q: string | undefined): MemberSearch {
  const text = q?.trim();
  if (!text) return null;
  const compact = text.replace(/\s+/g, '');
  if (/^\d{17}[\dXx]$/.test(compact)) return { kind: 'idNumber', value: compact.toUpperCase() };
  if (/^1\d{10}$/.test(compact)) return { kind: 'phone', value: compact };
  if (/^[A-Za-z]+$/.test(compact)) return { kind: 'pinyin', value: compact.toLowerCase() };
  return { kind: 'name', value: text };
}
