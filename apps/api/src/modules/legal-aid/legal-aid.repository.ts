import { and, asc, count, desc, eq, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { legalProviders } from '../legal-providers/index.js';
import { members } from '../members/index.js';
import { orgs } from '../orgs/index.js';
import { serviceRequests } from '../service-requests/index.js';
import { legalAidCases, legalAidSteps } from './legal-aid.schema.js';

export type CaseRow = typeof legalAidCases.$inferSelect;
export type StepRow = typeof legalAidSteps.$inferSelect;
export type CaseWithProvider = CaseRow & { providerName: string | null; providerFirm: string | null };

/** The case of a request, created the first time something is recorded on it. */
export async function ensureCase(tx: Db, requestId: number, now: Date) {
  await tx
    .insert(legalAidCases)
    .values({ requestId, createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: legalAidCases.requestId });
}

export async function insertCase(tx: Db, values: typeof legalAidCases.$inferInsert) {
  await tx.insert(legalAidCases).values(values);
}

export async function lockCase(tx: Db, requestId: number): Promise<CaseRow | null> {
  const [row] = await tx
    .select()
    .from(legalAidCases)
    .where(eq(legalAidCases.requestId, requestId))
    .for('update');
  return row ?? null;
}

export async function updateCase(
  tx: Db,
  requestId: number,
  values: Partial<typeof legalAidCases.$inferInsert>,
) {
  await tx.update(legalAidCases).set(values).where(eq(legalAidCases.requestId, requestId));
}

export async function findCase(db: Db, requestId: number): Promise<CaseWithProvider | null> {
  const [row] = await db
    .select({ c: legalAidCases, providerName: legalProviders.name, providerFirm: legalProviders.firm })
    .from(legalAidCases)
    .leftJoin(legalProviders, eq(legalProviders.id, legalAidCases.providerId))
    .where(eq(legalAidCases.requestId, requestId));
  return row ? { ...row.c, providerName: row.providerName, providerFirm: row.providerFirm } : null;
}

export async function findCaseByConsultation(db: Db, consultationId: number): Promise<CaseRow | null> {
  const [row] = await db.select().from(legalAidCases).where(eq(legalAidCases.consultationId, consultationId));
  return row ?? null;
}

export async function insertStep(tx: Db, values: Omit<typeof legalAidSteps.$inferInsert, 'id'>) {
  const [row] = await tx.insert(legalAidSteps).values(values).returning({ id: legalAidSteps.id });
  return row!.id;
}

export async function listSteps(db: Db, requestId: number) {
  return db
    .select({ step: legalAidSteps, providerName: legalProviders.name })
    .from(legalAidSteps)
    .innerJoin(legalProviders, eq(legalProviders.id, legalAidSteps.providerId))
    .where(eq(legalAidSteps.requestId, requestId))
    .orderBy(asc(legalAidSteps.date), asc(legalAidSteps.id));
}

/** The cases given to one lawyer, newest first; `open` keeps those without an outcome. */
export async function listCasesOfProvider(
  db: Db,
  f: { providerId: number; open?: boolean | undefined; limit: number; offset: number },
) {
  const where: SQL[] = [eq(legalAidCases.providerId, f.providerId)];
  if (f.open) where.push(isNull(legalAidCases.outcome));
  const cond = and(...where);
  const [items, [total]] = await Promise.all([
    db
      .select({
        c: legalAidCases,
        requestState: serviceRequests.state,
        submittedAt: serviceRequests.submittedAt,
        memberName: members.name,
        orgName: orgs.name,
        providerName: legalProviders.name,
      })
      .from(legalAidCases)
      .innerJoin(serviceRequests, eq(serviceRequests.id, legalAidCases.requestId))
      .innerJoin(members, eq(members.id, serviceRequests.memberId))
      .innerJoin(orgs, eq(orgs.id, serviceRequests.orgId))
      .leftJoin(legalProviders, eq(legalProviders.id, legalAidCases.providerId))
      .where(cond)
      .orderBy(desc(legalAidCases.requestId))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(legalAidCases).where(cond),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** Active providers with a sign-in, of the given unions (the handling union and those above it). */
export async function listUsableProviders(db: Db, orgIds: number[]) {
  if (!orgIds.length) return [];
  return db
    .select({
      id: legalProviders.id,
      name: legalProviders.name,
      firm: legalProviders.firm,
      fields: legalProviders.fields,
      orgName: orgs.name,
    })
    .from(legalProviders)
    .innerJoin(orgs, eq(orgs.id, legalProviders.orgId))
    .where(
      and(
        inArray(legalProviders.orgId, orgIds),
        eq(legalProviders.status, 'active'),
        isNotNull(legalProviders.staffUserId),
      ),
    )
    .orderBy(asc(legalProviders.name), asc(legalProviders.id));
}
