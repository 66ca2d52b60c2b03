import type { Db } from '../../db/client.js';
import { findOnDuty, type OnDutyProvider, orgsWithProviders } from '../legal-providers/index.js';
import { listAncestorsOf, type OrgRow } from '../orgs/index.js';
import * as repo from './consultations.repository.js';

export const DEFAULT_PICKUP_TIMEOUT_MINUTES = 15;

export interface Route {
  org: OrgRow;
  lawyer: OnDutyProvider | null;
  pickupDueAt: Date | null;
}

/**
 * Where a question goes: up from the member's grassroots union through its ancestors, to the first
 * union with a lawyer on duty now for the field who has not already let it time out; the lawyer
 * then has the union's pick-up time. If nobody is on duty anywhere on the path, it waits at the
 * nearest union that works with providers (or the member's own), where the staff see it.
 */
export async function routeConsultation(
  db: Db,
  memberOrgPath: string,
  field: string,
  now: Date,
  exclude: readonly number[] = [],
): Promise<Route> {
  const path = (await listAncestorsOf(db, memberOrgPath)).filter((o) => o.status === 'active').reverse();
  for (const org of path) {
    const lawyer = (await findOnDuty(db, org.id, field, now)).find((p) => !exclude.includes(p.providerId));
    if (lawyer) return { org, lawyer, pickupDueAt: await pickupDue(db, org.id, now) };
  }
  const withProviders = await orgsWithProviders(
    db,
    path.map((o) => o.id),
  );
  const org = path.find((o) => withProviders.has(o.id)) ?? path[0];
  if (!org) throw new Error(`No active union on the path ${memberOrgPath}`);
  return { org, lawyer: null, pickupDueAt: null };
}

async function pickupDue(db: Db, orgId: number, now: Date): Promise<Date> {
  const minutes = (await repo.findTimeouts(db, [orgId])).get(orgId) ?? DEFAULT_PICKUP_TIMEOUT_MINUTES;
  return new Date(now.getTime() + minutes * 60_000);
}
