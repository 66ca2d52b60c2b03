import { and, asc, count, desc, eq, ilike, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { members } from '../members/members.schema.js';
import { orgs } from '../orgs/orgs.schema.js';
import { lectureRegistrations, lectures } from './lectures.schema.js';

export type LectureRow = typeof lectures.$inferSelect;
export type LectureWithOrg = LectureRow & { orgName: string; orgPath: string };
export type RegistrationRow = typeof lectureRegistrations.$inferSelect;
export type RegistrationView = RegistrationRow & {
  memberName: string;
  phoneMasked: string;
  orgName: string;
};

const withOrg = { lecture: lectures, orgName: orgs.name, orgPath: orgs.path };
const flatten = (r: { lecture: LectureRow; orgName: string; orgPath: string }): LectureWithOrg => ({
  ...r.lecture,
  orgName: r.orgName,
  orgPath: r.orgPath,
});

export async function insertLecture(db: Db, values: Omit<typeof lectures.$inferInsert, 'id'>) {
  const [row] = await db.insert(lectures).values(values).returning({ id: lectures.id });
  return row!.id;
}

export async function updateLecture(db: Db, id: number, values: Partial<typeof lectures.$inferInsert>) {
  await db.update(lectures).set(values).where(eq(lectures.id, id));
}

export async function findLectureById(db: Db, id: number): Promise<LectureWithOrg | null> {
  const [row] = await db
    .select(withOrg)
    .from(lectures)
    .innerJoin(orgs, eq(orgs.id, lectures.orgId))
    .where(eq(lectures.id, id));
  return row ? flatten(row) : null;
}

/** Locks the lecture row: registrations and check-ins of one lecture take their seats one at a time. */
export async function lockLecture(db: Db, id: number): Promise<LectureRow | null> {
  const [row] = await db.select().from(lectures).where(eq(lectures.id, id)).for('update');
  return row ?? null;
}

export async function listLecturesUnder(
  db: Db,
  opts: { rootPath: string; orgId?: number; status?: string; q?: string; limit: number; offset: number },
) {
  const where = and(
    sql`${orgs.path} <@ ${opts.rootPath}::ltree`,
    opts.orgId ? eq(lectures.orgId, opts.orgId) : undefined,
    opts.status ? eq(lectures.status, opts.status) : undefined,
    opts.q ? or(ilike(lectures.title, `%${opts.q}%`), ilike(lectures.speakerName, `%${opts.q}%`)) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select(withOrg)
      .from(lectures)
      .innerJoin(orgs, eq(orgs.id, lectures.orgId))
      .where(where)
      .orderBy(desc(lectures.startsAt), desc(lectures.id))
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: count() }).from(lectures).innerJoin(orgs, eq(orgs.id, lectures.orgId)).where(where),
  ]);
  return { items: items.map(flatten), total: total?.n ?? 0 };
}

/**
 * Lectures a member of the union at `memberOrgPath` is offered: published or finished by that union or
 * one above it; with `accountId`, only those the account holds a seat at (cancelled lectures included).
 */
export async function listLecturesForMember(
  db: Db,
  opts: { memberOrgPath: string; accountId?: number; limit: number; offset: number },
) {
  const offered = and(
    sql`${opts.memberOrgPath}::ltree <@ ${orgs.path}`,
    opts.accountId
      ? sql`exists (select 1 from lecture_registrations r where r.lecture_id = ${lectures.id}
                   and r.account_id = ${opts.accountId})`
      : inArray(lectures.status, ['published', 'finished']),
  );
  const [items, [total]] = await Promise.all([
    db
      .select(withOrg)
      .from(lectures)
      .innerJoin(orgs, eq(orgs.id, lectures.orgId))
      .where(offered)
      // Upcoming first (soonest at the top), then past ones (latest first).
      .orderBy(
        sql`case when ${lectures.status} = 'published' then 0 else 1 end`,
        sql`case when ${lectures.status} = 'published' then ${lectures.startsAt} end asc`,
        desc(lectures.startsAt),
      )
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: count() }).from(lectures).innerJoin(orgs, eq(orgs.id, lectures.orgId)).where(offered),
  ]);
  return { items: items.map(flatten), total: total?.n ?? 0 };
}

export async function findRegistration(db: Db, lectureId: number, memberId: number) {
  const [row] = await db
    .select()
    .from(lectureRegistrations)
    .where(and(eq(lectureRegistrations.lectureId, lectureId), eq(lectureRegistrations.memberId, memberId)));
  return row ?? null;
}

export async function findRegistrationById(db: Db, id: number) {
  const [row] = await db.select().from(lectureRegistrations).where(eq(lectureRegistrations.id, id));
  return row ?? null;
}

export async function registrationsOfAccount(db: Db, accountId: number, lectureIds: number[]) {
  if (!lectureIds.length) return [];
  return db
    .select()
    .from(lectureRegistrations)
    .where(
      and(eq(lectureRegistrations.accountId, accountId), inArray(lectureRegistrations.lectureId, lectureIds)),
    );
}

export async function insertRegistration(
  db: Db,
  values: Omit<typeof lectureRegistrations.$inferInsert, 'id'>,
) {
  const [row] = await db.insert(lectureRegistrations).values(values).returning();
  return row!;
}

export async function updateRegistration(
  db: Db,
  id: number,
  values: Partial<typeof lectureRegistrations.$inferInsert>,
) {
  const [row] = await db
    .update(lectureRegistrations)
    .set(values)
    .where(eq(lectureRegistrations.id, id))
    .returning();
  return row!;
}

/** Moves the lecture's counters; the caller holds the lecture row lock. */
export async function countSeat(db: Db, id: number, by: { seats: number; attended: number }, at: Date) {
  await db
    .update(lectures)
    .set({
      seatsTaken: sql`${lectures.seatsTaken} + ${by.seats}`,
      attended: sql`${lectures.attended} + ${by.attended}`,
      updatedAt: at,
    })
    .where(eq(lectures.id, id));
}

const registrationView = {
  registration: lectureRegistrations,
  memberName: members.name,
  phoneMasked: members.phoneMasked,
  orgName: orgs.name,
};
const flattenRegistration = (r: {
  registration: RegistrationRow;
  memberName: string;
  phoneMasked: string;
  orgName: string;
}): RegistrationView => ({
  ...r.registration,
  memberName: r.memberName,
  phoneMasked: r.phoneMasked,
  orgName: r.orgName,
});

export async function findRegistrationView(db: Db, id: number): Promise<RegistrationView | null> {
  const [row] = await db
    .select(registrationView)
    .from(lectureRegistrations)
    .innerJoin(members, eq(members.id, lectureRegistrations.memberId))
    .innerJoin(orgs, eq(orgs.id, lectureRegistrations.orgId))
    .where(eq(lectureRegistrations.id, id));
  return row ? flattenRegistration(row) : null;
}

export async function listRegistrations(
  db: Db,
  lectureId: number,
  opts: { status?: string; attended?: boolean; limit: number; offset: number },
) {
  const where = and(
    eq(lectureRegistrations.lectureId, lectureId),
    opts.status ? eq(lectureRegistrations.status, opts.status) : undefined,
    opts.attended === undefined
      ? undefined
      : opts.attended
        ? isNotNull(lectureRegistrations.attendedAt)
        : sql`${lectureRegistrations.attendedAt} is null`,
  );
  const [items, [total]] = await Promise.all([
    db
      .select(registrationView)
      .from(lectureRegistrations)
      .innerJoin(members, eq(members.id, lectureRegistrations.memberId))
      .innerJoin(orgs, eq(orgs.id, lectureRegistrations.orgId))
      .where(where)
      .orderBy(asc(lectureRegistrations.registeredAt), asc(lectureRegistrations.id))
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: count() }).from(lectureRegistrations).where(where),
  ]);
  return { items: items.map(flattenRegistration), total: total?.n ?? 0 };
}

/** The accounts holding a seat, to tell them the lecture is off. */
export async function listSeatHolders(db: Db, lectureId: number): Promise<number[]> {
  const rows = await db
    .select({ accountId: lectureRegistrations.accountId })
    .from(lectureRegistrations)
    .where(and(eq(lectureRegistrations.lectureId, lectureId), eq(lectureRegistrations.status, 'registered')));
  return rows.map((r) => r.accountId);
}
