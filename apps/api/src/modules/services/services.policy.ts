import type { MemberCategory, PackageTarget, ServiceEligibility } from '@unionhub/contracts';

export interface Offerable {
  id: number;
  overridesServiceId: number | null;
  orgDepth: number;
}

/**
 * What a member sees of the services published on the path from the province down to their union:
 * a service replaced by a lower union (directly or through a chain of replacements) gives way to
 * the deepest replacement; everything else is offered as published.
 */
export function resolveOverrides<T extends Offerable>(published: T[]): T[] {
  const byId = new Map(published.map((s) => [s.id, s]));
  const original = (s: T): number => {
    let current = s;
    const seen = new Set<number>();
    while (current.overridesServiceId !== null && !seen.has(current.id)) {
      seen.add(current.id);
      const replaced = byId.get(current.overridesServiceId);
      if (!replaced) return current.overridesServiceId;
      current = replaced;
    }
    return current.id;
  };
  const winner = new Map<number, T>();
  for (const s of published) {
    const key = original(s);
    const best = winner.get(key);
    if (!best || s.orgDepth > best.orgDepth || (s.orgDepth === best.orgDepth && s.id > best.id))
      winner.set(key, s);
  }
  // A replacement whose original is not on this member's path is offered as itself.
  return published.filter((s) => winner.get(original(s)) === s);
}

export interface MemberFacts {
  categories: MemberCategory[];
  joinedOn: string;
}

/** Why the member may not apply (in Chinese, shown in the app), or null when they may. */
export function ineligibleReason(eligibility: ServiceEligibility, member: MemberFacts): string | null {
  const wanted = eligibility.categories ?? [];
  if (wanted.length && !wanted.some((c) => member.categories.includes(c)))
    return eligibility.note?.trim() || '这项服务只面向特定人群';
  return null;
}

/** Whether a package is meant for this member. An empty target means every member. */
export function packageTargets(target: PackageTarget, member: MemberFacts, today: string): boolean {
  const wanted = target.categories ?? [];
  if (wanted.length && !wanted.some((c) => member.categories.includes(c))) return false;
  if (target.joinedWithinDays) {
    const joined = Date.parse(`${member.joinedOn}T00:00:00Z`);
    const now = Date.parse(`${today}T00:00:00Z`);
    if (now - joined > target.joinedWithinDays * 86_400_000) return false;
  }
  return true;
}
