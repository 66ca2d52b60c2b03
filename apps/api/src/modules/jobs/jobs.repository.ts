import { and, count, desc, eq, getTableColumns, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { staffUsers } from '../auth/index.js';
import { enterprises } from '../enterprises/index.js';
import { orgs } from '../orgs/index.js';
import { jobApplications, jobs } from './jobs.schema.js';

export type JobRow = typeof jobs.$inferSelect;
export type NewJob = typeof jobs.$inferInsert;

const applicationCount = sql<number>`(select count(*)::int from job_applications a where a.job_id = ${jobs.id})`;

const jobView = {
  ...getTableColumns(jobs),
  enterpriseName: enterprises.name,
  enterpriseAddress: enterprises.address,
  orgName: orgs.name,
  orgPath: orgs.path,
  applications: applicationCount,
};
export type JobView = JobRow & {
  enterpriseName: string;
  enterpriseAddress: string | null;
  orgName: string;
  orgPath: string;
  applications: number;
};

const selectJobs = (db: Db) =>
  db
    .select(jobView)
    .from(jobs)
    .innerJoin(enterprises, eq(enterprises.id, jobs.enterpriseId))
    .innerJoin(orgs, eq(orgs.id, jobs.orgId));

export async function findJobView(db: Db, id: number): Promise<JobView | null> {
  const [row] = await selectJobs(db).where(eq(jobs.id, id));
  return (row as JobView | undefined) ?? null;
}

export async function insertJob(db: Db, values: NewJob): Promise<number> {
  const [row] = await db.insert(jobs).values(values).returning({ id: jobs.id });
  return row!.id;
}

export async function updateJob(db: Db, id: number, values: Partial<NewJob>): Promise<void> {
  await db.update(jobs).set(values).where(eq(jobs.id, id));
}

/** Conditions for a stored status, reading `expired` as published past its end. */
export function statusCondition(status: string, now: Date): SQL {
  if (status === 'expired') return sql`${jobs.status} = 'published' and ${jobs.expiresAt} <= ${now}`;
  if (status === 'published') return sql`${jobs.status} = 'published' and ${jobs.expiresAt} > ${now}`;
  return eq(jobs.status, status);
}

export async function listJobs(
  db: Db,
  where: SQL[],
  page: { limit: number; offset: number },
): Promise<{ items: JobView[]; total: number }> {
  const cond = and(...where);
  const [items, [total]] = await Promise.all([
    selectJobs(db)
      .where(cond)
      .orderBy(desc(jobs.updatedAt), desc(jobs.id))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ n: count() })
      .from(jobs)
      .innerJoin(enterprises, eq(enterprises.id, jobs.enterpriseId))
      .innerJoin(orgs, eq(orgs.id, jobs.orgId))
      .where(cond),
  ]);
  return { items: items as JobView[], total: total?.n ?? 0 };
}

export const titleOrEnterprise = (q: string) => {
  const p = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(ilike(jobs.title, p), ilike(enterprises.name, p))!;
};

export async function findRecruiterEnterprise(db: Db, staffUserId: number) {
  const [row] = await db
    .select({
      id: enterprises.id,
      name: enterprises.name,
      creditCode: enterprises.creditCode,
      ownerOrgId: enterprises.ownerOrgId,
      regionCode: enterprises.regionCode,
      provinceCode: enterprises.provinceCode,
    })
    .from(staffUsers)
    .innerJoin(enterprises, eq(enterprises.id, staffUsers.enterpriseId))
    .where(eq(staffUsers.id, staffUserId));
  return row ?? null;
}

export async function findEnterpriseWithOrg(db: Db, id: number) {
  const [row] = await db
    .select({
      id: enterprises.id,
      name: enterprises.name,
      status: enterprises.status,
      ownerOrgId: enterprises.ownerOrgId,
      ownerPath: orgs.path,
    })
    .from(enterprises)
    .innerJoin(orgs, eq(orgs.id, enterprises.ownerOrgId))
    .where(eq(enterprises.id, id));
  return row ?? null;
}

export async function insertRecruiter(
  db: Db,
  values: {
    orgId: number;
    enterpriseId: number;
    username: string;
    displayName: string;
    passwordHash: string;
  },
): Promise<number> {
  const [row] = await db
    .insert(staffUsers)
    .values({ ...values, roles: ['enterprise_recruiter'] })
    .returning({ id: staffUsers.id });
  return row!.id;
}

export async function listRecruiters(db: Db, rootPath: string, enterpriseId: number | undefined) {
  return db
    .select({
      id: staffUsers.id,
      username: staffUsers.username,
      displayName: staffUsers.displayName,
      enterpriseId: enterprises.id,
      enterpriseName: enterprises.name,
      disabledAt: staffUsers.disabledAt,
      createdAt: staffUsers.createdAt,
    })
    .from(staffUsers)
    .innerJoin(enterprises, eq(enterprises.id, staffUsers.enterpriseId))
    .innerJoin(orgs, eq(orgs.id, enterprises.ownerOrgId))
    .where(
      and(
        sql`${orgs.path} <@ ${rootPath}::ltree`,
        enterpriseId ? eq(enterprises.id, enterpriseId) : undefined,
      ),
    )
    .orderBy(desc(staffUsers.id))
    .limit(200);
}

/* Applications */

export type ApplicationRow = typeof jobApplications.$inferSelect;

const applicationView = {
  ...getTableColumns(jobApplications),
  jobTitle: jobs.title,
  enterpriseId: jobs.enterpriseId,
  enterpriseName: enterprises.name,
};
export type ApplicationView = ApplicationRow & {
  jobTitle: string;
  enterpriseId: number;
  enterpriseName: string;
};

const selectApplications = (db: Db) =>
  db
    .select(applicationView)
    .from(jobApplications)
    .innerJoin(jobs, eq(jobs.id, jobApplications.jobId))
    .innerJoin(enterprises, eq(enterprises.id, jobs.enterpriseId));

export async function insertApplication(
  db: Db,
  values: typeof jobApplications.$inferInsert,
): Promise<number> {
  const [row] = await db.insert(jobApplications).values(values).returning({ id: jobApplications.id });
  return row!.id;
}

export async function findApplicationView(db: Db, id: number): Promise<ApplicationView | null> {
  const [row] = await selectApplications(db).where(eq(jobApplications.id, id));
  return row ?? null;
}

export async function findApplicationStage(db: Db, jobId: number, accountId: number) {
  const [row] = await db
    .select({ stage: jobApplications.stage })
    .from(jobApplications)
    .where(and(eq(jobApplications.jobId, jobId), eq(jobApplications.accountId, accountId)));
  return row?.stage ?? null;
}

export async function listApplications(
  db: Db,
  where: SQL[],
  page: { limit: number; offset: number },
): Promise<{ items: ApplicationView[]; total: number }> {
  const cond = and(...where);
  const [items, [total]] = await Promise.all([
    selectApplications(db)
      .where(cond)
      .orderBy(desc(jobApplications.id))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ n: count() })
      .from(jobApplications)
      .innerJoin(jobs, eq(jobs.id, jobApplications.jobId))
      .where(cond),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function updateApplicationStage(db: Db, id: number, stage: string, at: Date): Promise<void> {
  await db
    .update(jobApplications)
    .set({ stage, stageChangedAt: at, updatedAt: at })
    .where(eq(jobApplications.id, id));
}
