import { RequestStates } from '@unionhub/contracts';
import {
  and,
  asc,
  count,
  desc,
  eq,
  ilike,
  inArray,
  isNotNull,
  lt,
  notInArray,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { alias, type PgSelect } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { preparedPerDb } from '../../db/prepared.js';
import { type AttachmentRow, attachments } from '../attachments/index.js';
import { staffUsers } from '../auth/auth.schema.js';
import { members } from '../members/members.schema.js';
import { orgs } from '../orgs/orgs.schema.js';
import { services } from '../services/services.schema.js';
import {
  requestEvents,
  requestMessages,
  serviceRequestCounts,
  serviceRequests,
} from './service-requests.schema.js';

export type RequestRow = typeof serviceRequests.$inferSelect;
export type EventRow = typeof requestEvents.$inferSelect;
export type MessageRow = typeof requestMessages.$inferSelect;

const memberOrg = alias(orgs, 'member_org');
const escalationOrg = alias(orgs, 'escalation_org');

const view = {
  request: serviceRequests,
  serviceName: services.name,
  orgName: orgs.name,
  orgPath: orgs.path,
  memberName: members.name,
  memberIdMasked: members.idMasked,
  memberPhoneMasked: members.phoneMasked,
  memberOrgName: memberOrg.name,
  escalationOrgName: escalationOrg.name,
  assigneeName: staffUsers.displayName,
};

export type RequestView = RequestRow & {
  serviceName: string;
  orgName: string;
  orgPath: string;
  memberName: string;
  memberIdMasked: string;
  memberPhoneMasked: string;
  memberOrgName: string;
  escalationOrgName: string | null;
  assigneeName: string | null;
};

/** What a queue row shows: no form, values or documents, so a page of twenty stays small. */
const summaryView = {
  id: serviceRequests.id,
  serviceId: serviceRequests.serviceId,
  serviceName: services.name,
  requestType: serviceRequests.requestType,
  orgId: serviceRequests.orgId,
  orgName: orgs.name,
  state: serviceRequests.state,
  memberName: members.name,
  submittedAt: serviceRequests.submittedAt,
  acceptDueAt: serviceRequests.acceptDueAt,
  completeDueAt: serviceRequests.completeDueAt,
  dueAt: serviceRequests.dueAt,
  escalationOrgId: serviceRequests.escalationOrgId,
  escalationOrgName: escalationOrg.name,
  assigneeId: serviceRequests.assigneeId,
  assigneeName: staffUsers.displayName,
  rating: serviceRequests.rating,
  updatedAt: serviceRequests.updatedAt,
};
export type RequestSummaryRow = Pick<RequestView, keyof typeof summaryView>;

type Joined = { request: RequestRow } & Omit<RequestView, keyof RequestRow>;
const flatten = ({ request, ...rest }: Joined): RequestView => ({ ...request, ...rest });

const selectView = (db: Db) =>
  db
    .select(view)
    .from(serviceRequests)
    .innerJoin(services, eq(services.id, serviceRequests.serviceId))
    .innerJoin(orgs, eq(orgs.id, serviceRequests.orgId))
    .innerJoin(members, eq(members.id, serviceRequests.memberId))
    .innerJoin(memberOrg, eq(memberOrg.id, members.orgId))
    .leftJoin(escalationOrg, eq(escalationOrg.id, serviceRequests.escalationOrgId))
    .leftJoin(staffUsers, eq(staffUsers.id, serviceRequests.assigneeId));

/** The new request as stored (defaults filled in), so the caller can answer with it. */
export async function insertRequest(
  db: Db,
  values: Omit<typeof serviceRequests.$inferInsert, 'id'>,
): Promise<RequestRow> {
  const [row] = await db.insert(serviceRequests).values(values).returning();
  return row!;
}

export async function findRequestView(db: Db, id: number): Promise<RequestView | null> {
  const [row] = await selectView(db).where(eq(serviceRequests.id, id));
  return row ? flatten(row) : null;
}

export async function lockRequest(db: Db, id: number): Promise<RequestRow | null> {
  const [row] = await db.select().from(serviceRequests).where(eq(serviceRequests.id, id)).for('update');
  return row ?? null;
}

/** Locks the request as {@link lockRequest} does, with the name of the member who filed it. */
export async function lockRequestWithMemberName(
  db: Db,
  id: number,
): Promise<(RequestRow & { memberName: string }) | null> {
  const [found] = await db
    .select({ request: serviceRequests, memberName: members.name })
    .from(serviceRequests)
    .innerJoin(members, eq(members.id, serviceRequests.memberId))
    .where(eq(serviceRequests.id, id))
    .for('update', { of: serviceRequests });
  return found ? { ...found.request, memberName: found.memberName } : null;
}

export async function updateRequest(
  db: Db,
  id: number,
  values: Partial<typeof serviceRequests.$inferInsert>,
) {
  await db.update(serviceRequests).set(values).where(eq(serviceRequests.id, id));
}

export async function findByIdempotencyKey(
  db: Db,
  accountId: number,
  key: string,
): Promise<RequestRow | null> {
  const [row] = await db
    .select()
    .from(serviceRequests)
    .where(and(eq(serviceRequests.accountId, accountId), eq(serviceRequests.idempotencyKey, key)));
  return row ?? null;
}

export async function insertEvent(db: Db, values: Omit<typeof requestEvents.$inferInsert, 'id'>) {
  const [row] = await db.insert(requestEvents).values(values).returning({ id: requestEvents.id });
  return row!.id;
}

export async function insertEventReturning(
  db: Db,
  values: Omit<typeof requestEvents.$inferInsert, 'id'>,
): Promise<EventRow> {
  const [row] = await db.insert(requestEvents).values(values).returning();
  return row!;
}

export async function listEvents(db: Db, requestId: number) {
  return db
    .select({ event: requestEvents, orgName: orgs.name })
    .from(requestEvents)
    .leftJoin(orgs, eq(orgs.id, requestEvents.orgId))
    .where(eq(requestEvents.requestId, requestId))
    .orderBy(asc(requestEvents.id));
}

export async function insertMessage(db: Db, values: Omit<typeof requestMessages.$inferInsert, 'id'>) {
  const [row] = await db.insert(requestMessages).values(values).returning({ id: requestMessages.id });
  return row!.id;
}

export async function listMessages(db: Db, requestId: number): Promise<MessageRow[]> {
  return db
    .select()
    .from(requestMessages)
    .where(eq(requestMessages.requestId, requestId))
    .orderBy(asc(requestMessages.id));
}

export interface QueueFilter {
  /** Requests handled by exactly this union … */
  orgId?: number;
  /** … or by any union under this path. */
  underPath?: string;
  escalationOrgId?: number;
  accountId?: number;
  state?: string;
  open?: boolean;
  overdueAt?: Date;
  serviceId?: number;
  assigneeId?: number;
  q?: string;
  sort: 'deadline' | '-submittedAt' | 'submittedAt';
  limit: number;
  offset: number;
}

const FINAL = ['completed', 'rejected', 'withdrawn'];

/** A queue's rows: the request with the names a summary shows. */
const withQueueJoins = <T extends PgSelect>(query: T) =>
  query
    .innerJoin(services, eq(services.id, serviceRequests.serviceId))
    .innerJoin(orgs, eq(orgs.id, serviceRequests.orgId))
    .innerJoin(members, eq(members.id, serviceRequests.memberId))
    .leftJoin(escalationOrg, eq(escalationOrg.id, serviceRequests.escalationOrgId))
    .leftJoin(staffUsers, eq(staffUsers.id, serviceRequests.assigneeId));

const BY_DEADLINE = [sql`${serviceRequests.dueAt} asc nulls last`, asc(serviceRequests.id)];
const OPEN = RequestStates.filter((s) => !FINAL.includes(s));

/** The kept total of a union's requests in these states: at most 56 rows of the counts. */
const keptTotal = (states: SQL) =>
  sql<number>`(select coalesce(sum(${serviceRequestCounts.n}), 0)::int from ${serviceRequestCounts}
    where ${serviceRequestCounts.orgId} = ${sql.placeholder('orgId')}
      and ${serviceRequestCounts.state} = any(${states}))`;

/*
 * The inbox pages staff open most — a union's own queue of one state, or its open requests, by
 * deadline — each one statement carrying its kept total on every row, prepared once per connection:
 * planning the five-table join costs several times what running it on its index does.
 */
const ownQueueOfState = preparedPerDb((db) =>
  withQueueJoins(
    db
      .select({ ...summaryView, total: keptTotal(sql`array[${sql.placeholder('state')}]::text[]`) })
      .from(serviceRequests)
      .$dynamic(),
  )
    .where(
      and(
        eq(serviceRequests.orgId, sql.placeholder('orgId')),
        eq(serviceRequests.state, sql.placeholder('state')),
      ),
    )
    .orderBy(...BY_DEADLINE)
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .prepare('own_queue_of_state'),
);
const ownOpenQueue = preparedPerDb((db) =>
  withQueueJoins(
    db
      .select({ ...summaryView, total: keptTotal(sql`${`{${OPEN.join(',')}}`}::text[]`) })
      .from(serviceRequests)
      .$dynamic(),
  )
    .where(and(eq(serviceRequests.orgId, sql.placeholder('orgId')), notInArray(serviceRequests.state, FINAL)))
    .orderBy(...BY_DEADLINE)
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .prepare('own_open_queue'),
);
const keptCount = preparedPerDb((db) =>
  db
    .select({ n: sql<number>`coalesce(sum(${serviceRequestCounts.n}), 0)::int` })
    .from(serviceRequestCounts)
    .where(
      and(
        eq(serviceRequestCounts.orgId, sql.placeholder('orgId')),
        sql`${serviceRequestCounts.state} = any(${sql.placeholder('states')}::text[])`,
      ),
    )
    .prepare('queue_kept_count'),
);

export async function listRequests(db: Db, f: QueueFilter) {
  const q = f.q?.trim();
  const kept = keptStates(f);
  if (kept && f.sort === 'deadline' && (f.state ? !f.open : f.open)) {
    const page = { orgId: f.orgId, limit: f.limit, offset: f.offset };
    const rows = f.state
      ? await ownQueueOfState(db).execute({ ...page, state: f.state })
      : await ownOpenQueue(db).execute(page);
    // A page past the end has no row to carry the total.
    const total =
      rows[0]?.total ??
      (f.offset > 0 ? (await keptCount(db).execute({ orgId: f.orgId, states: kept }))[0]!.n : 0);
    return { items: rows.map(({ total: _total, ...row }) => row as RequestSummaryRow), total };
  }
  const where = and(
    f.orgId !== undefined ? eq(serviceRequests.orgId, f.orgId) : undefined,
    f.underPath !== undefined ? sql`${orgs.path} <@ ${f.underPath}::ltree` : undefined,
    f.escalationOrgId !== undefined ? eq(serviceRequests.escalationOrgId, f.escalationOrgId) : undefined,
    f.accountId !== undefined ? eq(serviceRequests.accountId, f.accountId) : undefined,
    f.state ? eq(serviceRequests.state, f.state) : undefined,
    f.open ? notInArray(serviceRequests.state, FINAL) : undefined,
    f.overdueAt ? and(isNotNull(serviceRequests.dueAt), lt(serviceRequests.dueAt, f.overdueAt)) : undefined,
    f.serviceId ? eq(serviceRequests.serviceId, f.serviceId) : undefined,
    f.assigneeId ? eq(serviceRequests.assigneeId, f.assigneeId) : undefined,
    q
      ? /^\d{1,15}$/.test(q)
        ? eq(serviceRequests.id, Number(q))
        : or(ilike(members.name, `%${q}%`), ilike(services.name, `%${q}%`))
      : undefined,
  );
  const order =
    f.sort === 'deadline'
      ? BY_DEADLINE
      : f.sort === 'submittedAt'
        ? [asc(serviceRequests.submittedAt), asc(serviceRequests.id)]
        : [desc(serviceRequests.submittedAt), desc(serviceRequests.id)];
  const [rows, [total]] = await Promise.all([
    withQueueJoins(db.select(summaryView).from(serviceRequests).$dynamic())
      .where(where)
      .orderBy(...order)
      .limit(f.limit)
      .offset(f.offset),
    kept
      ? kept.length
        ? keptCount(db).execute({ orgId: f.orgId, states: kept })
        : [{ n: 0 }]
      : countRequests(db, where, { names: Boolean(q), orgPath: f.underPath !== undefined }),
  ]);
  return { items: rows as RequestSummaryRow[], total: total?.n ?? 0 };
}

/**
 * The states whose kept counts make up the total of this queue: one union's own requests, of one
 * state, the open ones or all; null when another filter narrows the queue (then it is counted).
 */
function keptStates(f: QueueFilter): string[] | null {
  if (f.orgId === undefined) return null;
  const narrowed =
    f.underPath ?? f.escalationOrgId ?? f.accountId ?? f.overdueAt ?? f.serviceId ?? f.assigneeId ?? f.q;
  if (narrowed !== undefined) return null;
  const states: string[] = f.state ? [f.state] : [...RequestStates];
  return f.open ? states.filter((s) => !FINAL.includes(s)) : states;
}

/** Rebuilds the kept queue counts from the requests themselves. */
export async function recountQueueCounts(db: Db): Promise<void> {
  await db.execute(sql`delete from service_request_counts`);
  await db.execute(sql`insert into service_request_counts (org_id, state, slot, n)
    select org_id, state, id % 8, count(*) from service_requests group by org_id, state, id % 8`);
}

/** Every kept count per (union, state) that is not zero, sorted, for comparing them with a recount. */
export async function snapshotQueueCounts(db: Db): Promise<string[]> {
  const n = sql<number>`sum(${serviceRequestCounts.n})::int`;
  const rows = await db
    .select({ orgId: serviceRequestCounts.orgId, state: serviceRequestCounts.state, n })
    .from(serviceRequestCounts)
    .groupBy(serviceRequestCounts.orgId, serviceRequestCounts.state)
    .having(sql`sum(${serviceRequestCounts.n}) <> 0`)
    .orderBy(serviceRequestCounts.orgId, serviceRequestCounts.state);
  return rows.map((r) => `${r.orgId}/${r.state}: ${r.n}`);
}

/** The total of a queue, joining only the tables its filter reads (a county's count stays on one index). */
async function countRequests(db: Db, where: SQL | undefined, needs: { names: boolean; orgPath: boolean }) {
  let query = db.select({ n: count() }).from(serviceRequests).$dynamic();
  if (needs.names)
    query = query
      .innerJoin(services, eq(services.id, serviceRequests.serviceId))
      .innerJoin(members, eq(members.id, serviceRequests.memberId));
  if (needs.orgPath) query = query.innerJoin(orgs, eq(orgs.id, serviceRequests.orgId));
  return query.where(where);
}

/**
 * Overdue requests not chased in the last day, locked for this run (SKIP LOCKED: another process
 * running the job skips them).
 */
export async function lockOverdueForEscalation(db: Db, now: Date, limit: number): Promise<RequestRow[]> {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  return db
    .select()
    .from(serviceRequests)
    .where(
      and(
        isNotNull(serviceRequests.dueAt),
        lt(serviceRequests.dueAt, now),
        or(sql`${serviceRequests.escalatedAt} is null`, lt(serviceRequests.escalatedAt, dayAgo)),
      ),
    )
    .orderBy(asc(serviceRequests.dueAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function findStaffOfOrg(db: Db, staffId: number, orgId: number) {
  const [row] = await db
    .select({ id: staffUsers.id, displayName: staffUsers.displayName })
    .from(staffUsers)
    .where(
      and(eq(staffUsers.id, staffId), eq(staffUsers.orgId, orgId), sql`${staffUsers.disabledAt} is null`),
    );
  return row ?? null;
}

export async function listRequestsByIds(db: Db, ids: number[]): Promise<RequestRow[]> {
  if (!ids.length) return [];
  return db.select().from(serviceRequests).where(inArray(serviceRequests.id, ids));
}

/**
 * One file of a request: owned by the request itself, by one of its steps or by one of its messages
 * (the attachments' owner columns), in a single query.
 */
export async function findFileOfRequest(
  db: Db,
  owners: { request: string; event: string; message: string },
  requestId: number,
  attachmentId: number,
): Promise<AttachmentRow | null> {
  const [row] = await db
    .select()
    .from(attachments)
    .where(
      and(
        eq(attachments.id, attachmentId),
        or(
          and(eq(attachments.ownerType, owners.request), eq(attachments.ownerId, requestId)),
          and(
            eq(attachments.ownerType, owners.event),
            inArray(
              attachments.ownerId,
              db
                .select({ id: requestEvents.id })
                .from(requestEvents)
                .where(eq(requestEvents.requestId, requestId)),
            ),
          ),
          and(
            eq(attachments.ownerType, owners.message),
            inArray(
              attachments.ownerId,
              db
                .select({ id: requestMessages.id })
                .from(requestMessages)
                .where(eq(requestMessages.requestId, requestId)),
            ),
          ),
        ),
      ),
    );
  return row ?? null;
}
