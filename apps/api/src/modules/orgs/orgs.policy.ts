import type { OrgKind, OrgLevel, RuleViolation } from '@unionhub/contracts';

/**
 * The shape of the union tree (工会组织体系), as rules on a parent and a child.
 *
 * - Levels run national > province > city > county > township > grassroots. A child sits at a
 *   lower level than its parent; levels may be skipped (a grassroots union directly under a county
 *   federation is common), so only the order is enforced. Nothing sits under a grassroots union.
 * - kind `joint` (联合基层工会) is a grassroots union of several small employers: grassroots level only.
 * - kind `industry` / `trade` (产业工会 / 行业工会) groups enterprises of one industry within a county:
 *   township level (the union of an industry that grassroots unions join) or grassroots level (the
 *   union of a trade's small shops), directly under a county federation — or under another
 *   industry/trade union, for the grassroots unions that join a township-level one.
 * - kind `regular` may sit at any level.
 */
export const LEVEL_RANK: Record<OrgLevel, number> = {
  national: 0,
  province: 1,
  city: 2,
  county: 3,
  township: 4,
  grassroots: 5,
};

export interface TreeNode {
  level: OrgLevel;
  kind: OrgKind;
}

export function levelViolation(parent: TreeNode, child: TreeNode): RuleViolation | null {
  if (LEVEL_RANK[child.level] > LEVEL_RANK[parent.level]) return null;
  return {
    rule: 'org.level_below_parent',
    message: `a ${child.level} org cannot sit under a ${parent.level} org: the level must be below the parent's (national > province > city > county > township > grassroots)`,
  };
}

export function kindViolation(parent: TreeNode | null, child: TreeNode): RuleViolation | null {
  if (child.kind === 'joint' && child.level !== 'grassroots')
    return {
      rule: 'org.joint_is_grassroots',
      message: 'a joint union (联合基层工会) must be at grassroots level',
    };
  if (child.kind === 'industry' || child.kind === 'trade') {
    if (child.level !== 'township' && child.level !== 'grassroots')
      return {
        rule: 'org.industry_level',
        message: 'an industry or trade union must be at township or grassroots level',
      };
    const parentFits =
      parent !== null && (parent.level === 'county' || parent.kind === 'industry' || parent.kind === 'trade');
    if (!parentFits)
      return {
        rule: 'org.industry_under_county',
        message:
          'an industry or trade union must sit under a county federation or another industry/trade union',
      };
  }
  return null;
}

/**
 * How many leading digits of a GB/T 2260 code name its area: 2 for a province (410000), 4 for a
 * prefecture city (410100), 6 for a county (410105).
 */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** True when a region lies within another (or is the same): a city under its province, etc. */
export function regionWithin(outer: string, inner: string): boolean {
  return inner.startsWith(regionPrefix(outer));
}

export function regionViolation(parentRegion: string | null, childRegion: string): RuleViolation | null {
  if (parentRegion === null || regionWithin(parentRegion, childRegion)) return null;
  return {
    rule: 'org.region_within_parent',
    message: `region ${childRegion} does not lie within the parent's region ${parentRegion}`,
  };
}

/** Checks of a date-only field: a real calendar date, not in the future. */
export function foundedOnViolation(value: string, today: Date): RuleViolation | null {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return { rule: 'org.founded_on_date', message: `${value} is not a calendar date` };
  if (value > today.toISOString().slice(0, 10))
    return { rule: 'org.founded_on_past', message: 'cannot be in the future' };
  return null;
}
