import {
  checkIdNumber,
  type HardshipCause,
  type HardshipTier,
  type HouseholdMemberInput,
  normalizeIdNumber,
} from '@unionhub/contracts';
import type { Db } from '../../db/client.js';
import type { AppContext } from '../../platform/context.js';
import { maskIdNumber } from '../../platform/pii.js';
import { throwProblems } from '../../platform/problems.js';
import { listAncestorsOf } from '../orgs/index.js';
import { computeTier, rulesFor } from './hardship.policy.js';
import * as repo from './hardship.repository.js';

/**
 * The household as stored: each ID number checked with the contracts validator (400 naming the
 * member of the household), then sealed, hashed and masked like a member's.
 */
export function householdColumns(
  ctx: AppContext,
  household: HouseholdMemberInput[],
  path = 'body.household',
) {
  const today = ctx.clock.now();
  const normalized = household.map((h) => normalizeIdNumber(h.idNumber));
  throwProblems(
    normalized.flatMap((id, i) => {
      const violation = checkIdNumber(id, today);
      return violation
        ? [{ code: 'VALIDATION_FAILED' as const, path: `${path}.${i}.idNumber`, violation }]
        : [];
    }),
    '请检查家庭成员的身份证号',
  );
  return household.map((h, i) => ({
    position: i,
    name: h.name.trim(),
    relationship: h.relationship,
    idHash: ctx.pii.lookupHash('id_number', normalized[i]!),
    idEnc: ctx.pii.seal(normalized[i]!),
    idMasked: maskIdNumber(normalized[i]!),
    health: h.health,
    jobStatus: h.jobStatus,
  }));
}

/** The tier by the rules of the keeping union's region (its own code or the nearest above). */
export async function tierFor(
  db: Db,
  orgPath: string,
  incomePerPersonFen: number,
  causes: readonly HardshipCause[],
): Promise<HardshipTier | null> {
  const [path, sets] = await Promise.all([listAncestorsOf(db, orgPath), repo.listTierRuleSets(db)]);
  const region = path.filter((o) => o.regionCode).at(-1)?.regionCode ?? null;
  return computeTier(rulesFor(sets, region), incomePerPersonFen, causes);
}
