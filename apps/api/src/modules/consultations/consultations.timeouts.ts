import { inTransaction } from '../../db/tx.js';
import type { AppContext } from '../../platform/context.js';
import { recordAudit } from '../audit/index.js';
import { findOrgById } from '../orgs/index.js';
import { applyRoute } from './consultations.assign.js';
import * as repo from './consultations.repository.js';
import { routeConsultation } from './consultations.routing.js';

const SYSTEM = { kind: 'system' as const, name: 'consultation-timeouts' };

/**
 * One pass of the consultation clock (run every minute from main.ts; tests and journeys call it with
 * their own clock). An assigned question not picked up by its deadline moves to the next lawyer on
 * duty on the member's path who has not had it, or waits at a union with providers; a waiting
 * question goes to a lawyer as soon as one is on duty. Rows are locked with SKIP LOCKED, so several
 * servers may run it side by side. Returns how many questions moved.
 */
export async function runConsultationTimeouts(
  ctx: AppContext,
  opts: { batch?: number } = {},
): Promise<number> {
  const now = ctx.clock.now();
  const batch = opts.batch ?? 50;
  const timedOut = await inTransaction(ctx.db, async (tx) => {
    const rows = await repo.lockOverduePickups(tx, now, batch);
    for (const row of rows) {
      const view = (await repo.findView(tx, row.id))!;
      const memberOrg = (await findOrgById(tx, row.memberOrgId))!;
      const tried = row.providerId ? [...row.triedProviderIds, row.providerId] : row.triedProviderIds;
      await repo.updateConsultation(tx, row.id, { triedProviderIds: tried });
      await repo.insertEvent(tx, {
        consultationId: row.id,
        action: 'timeout',
        actorType: 'system',
        actorId: null,
        actorName: '系统',
        orgId: row.orgId,
        providerId: row.providerId,
        comment: `${view.lawyerName ?? '律师'}未在规定时间内认领`,
        createdAt: now,
      });
      const route = await routeConsultation(tx, memberOrg.path, row.field, now, tried);
      await applyRoute(tx, row, route, now, {
        providerId: row.providerId ?? 0,
        name: view.lawyerName ?? '',
        staffUserId: view.lawyerStaffUserId,
      });
      await recordAudit(tx, {
        actor: SYSTEM,
        action: 'consultation.timeout',
        orgId: route.org.id,
        targetType: 'consultation',
        targetId: row.id,
        details: { from: row.providerId, to: route.lawyer?.providerId ?? null },
      });
    }
    return rows.length;
  });
  const assigned = await inTransaction(ctx.db, async (tx) => {
    let n = 0;
    for (const row of await repo.lockWaiting(tx, batch)) {
      const memberOrg = (await findOrgById(tx, row.memberOrgId))!;
      const route = await routeConsultation(tx, memberOrg.path, row.field, now, row.triedProviderIds);
      if (!route.lawyer) continue;
      await applyRoute(tx, row, route, now, null);
      await recordAudit(tx, {
        actor: SYSTEM,
        action: 'consultation.assign',
        orgId: route.org.id,
        targetType: 'consultation',
        targetId: row.id,
        details: { to: route.lawyer.providerId },
      });
      n++;
    }
    return n;
  });
  return timedOut + assigned;
}
