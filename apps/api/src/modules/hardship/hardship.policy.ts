import type { HardshipCause, HardshipTier, TierRule } from '@unionhub/contracts';

/**
 * The province default when no rule set has been written for a region: at or below 400 元 per
 * person a month is deep hardship, at or below 800 元 relative, and a household hit by illness,
 * disaster or unemployment up to 1,500 元 is at risk. Staff replace these with their own (data).
 */
export const DEFAULT_TIER_RULES: TierRule[] = [
  { tier: 'deep', maxIncomePerPersonFen: 40_000, causes: [] },
  { tier: 'relative', maxIncomePerPersonFen: 80_000, causes: [] },
  { tier: 'at_risk', maxIncomePerPersonFen: 150_000, causes: ['illness', 'disaster', 'unemployment'] },
];

const SEVERITY: HardshipTier[] = ['deep', 'relative', 'at_risk'];

/** The rule set for a region: the longest prefix written (city before province), else the default. */
export function rulesFor(sets: { regionPrefix: string; rules: TierRule[] }[], regionCode: string | null) {
  const matching = sets
    .filter((s) => regionCode?.startsWith(s.regionPrefix))
    .sort((a, b) => b.regionPrefix.length - a.regionPrefix.length);
  return matching[0]?.rules ?? DEFAULT_TIER_RULES;
}

/**
 * The tier of a household: the most severe tier one of whose rules it meets (income at or below
 * the threshold and, when the rule names causes, one of them). Null: not in hardship by the rules.
 */
export function computeTier(
  rules: TierRule[],
  incomePerPersonFen: number,
  causes: readonly HardshipCause[],
): HardshipTier | null {
  for (const tier of SEVERITY)
    for (const rule of rules.filter((r) => r.tier === tier))
      if (
        incomePerPersonFen <= rule.maxIncomePerPersonFen &&
        (rule.causes.length === 0 || rule.causes.some((c) => causes.includes(c)))
      )
        return tier;
  return null;
}

/** A date a year later (29 February → 28 February). */
export function addYear(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = m === 2 && d === 29 ? 28 : d;
  return `${y + 1}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A re-check counts as due 30 days ahead of its date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
