import type { MemberSort, MemberStatus } from '@unionhub/contracts';
import { and, asc, count, desc, eq, gt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { preparedPerDb } from '../../db/prepared.js';
import { orgs } from '../orgs/index.js';
import { memberStatusHistory, members } from './members.schema.js';

export type MemberRow = typeof members.$inferSelect;
export type MemberWithOrg = MemberRow & { orgName: string; orgPath: string };
export type StatusHistoryRow = typeof memberStatusHistory.$inferSelect;

const withOrg = { member: members, orgName: orgs.name, orgPath: orgs.path };
const flatten = (r: { member: MemberRow; orgName: string; orgPath: string }): MemberWithOrg => ({
  ...r.member,
  orgName: r.orgName,
  orgPath: r.orgPath,
});

export async function findMemberById(db: Db, id: number): Promise<MemberWithOrg | null> {
  const [row] = await db
    .select(withOrg)
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(eq(members.id, id))
    .limit(1);
  return row ? flatten(row) : null;
}

/** The person's active membership, wherever it is held. */
export async function findActiveByIdHash(db: Db, idHash: Buffer): Promise<MemberWithOrg | null> {
  const [row] = await db
    .select(withOrg)
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(and(eq(members.idHash, idHash), eq(members.status, 'active')))
    .limit(1);
  return row ? flatten(row) : null;
}

const byIdHashUnder = preparedPerDb((db) =>
  db
    .select(withOrg)
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(
      and(
        eq(members.idHash, sql.placeholder('idHash')),
        sql`${orgs.path} <@ ${sql.placeholder('rootPath')}::ltree`,
      ),
    )
    .orderBy(sql`(${members.status} = 'active') desc`, desc(members.updatedAt), desc(members.id))
    .limit(1)
    .prepare('members_by_id_hash_under'),
);

/** The person's membership under a subtree: the active one first, else the latest. */
export async function findByIdHashUnder(
  db: Db,
  idHash: Buffer,
  rootPath: string,
): Promise<MemberWithOrg | null> {
  const [row] = await byIdHashUnder(db).execute({ idHash, rootPath });
  return row ? flatten(row) : null;
}

/** The active membership registered with this phone (how a member account finds its membership). */
export async function findActiveByPhoneHash(db: Db, phoneHash: Buffer): Promise<MemberWithOrg | null> {
  const [row] = await db
    .select(withOrg)
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(and(eq(members.phoneHash, phoneHash), eq(members.status, 'active')))
    .orderBy(desc(members.id))
    .limit(1);
  return row ? flatten(row) : null;
}

export interface MemberFilter {
  rootPath: string;
  idHash?: Buffer | undefined;
  phoneHash?: Buffer | undefined;
  /** Chinese (or any) substring of the name. */
  nameContains?: string | undefined;
  /** Lower-case letters: a prefix of the full pinyin or of the initials. */
  pinyinPrefix?: string | undefined;
  status?: MemberStatus | undefined;
  category?: string | undefined;
  employerContains?: string | undefined;
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function whereOf(f: MemberFilter): SQL | undefined {
  return and(
    sql`${orgs.path} <@ ${f.rootPath}::ltree`,
    f.idHash ? eq(members.idHash, f.idHash) : undefined,
    f.phoneHash ? eq(members.phoneHash, f.phoneHash) : undefined,
    f.nameContains ? sql`${members.name} like ${`%${likeEscape(f.nameContains)}%`}` : undefined,
    f.pinyinPrefix
      ? sql`(${members.namePinyin} like ${`${f.pinyinPrefix}%`} or ${members.nameInitials} like ${`${f.pinyinPrefix}%`})`
      : undefined,
    f.status ? eq(members.status, f.status) : undefined,
    f.category ? sql`${members.categories} @> array[${f.category}]::text[]` : undefined,
    f.employerContains
      ? sql`${members.employerName} ilike ${`%${likeEscape(f.employerContains)}%`}`
      : undefined,
  );
}

const orderings: Record<MemberSort, SQL[]> = {
  name: [sql`${members.namePinyin} asc`, sql`${members.name} asc`, sql`${members.id} asc`],
  '-name': [sql`${members.namePinyin} desc`, sql`${members.name} desc`, sql`${members.id} desc`],
  joinedOn: [sql`${members.joinedOn} asc`, sql`${members.id} asc`],
  '-joinedOn': [sql`${members.joinedOn} desc`, sql`${members.id} desc`],
  createdAt: [sql`${members.createdAt} asc`, sql`${members.id} asc`],
  '-createdAt': [sql`${members.createdAt} desc`, sql`${members.id} desc`],
};

export async function listMembersUnder(
  db: Db,
  filter: MemberFilter,
  page: { sort: MemberSort; limit: number; offset: number },
): Promise<{ items: MemberWithOrg[]; total: number }> {
  const where = whereOf(filter);
  const rows = await db
    .select(withOrg)
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(where)
    .orderBy(...orderings[page.sort])
    .limit(page.limit)
    .offset(page.offset);
  return { items: rows.map(flatten), total: await countMembersUnder(db, filter) };
}

export async function countMembersUnder(db: Db, filter: MemberFilter): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(whereOf(filter));
  return row?.n ?? 0;
}

/** One batch of an export, in id order after `afterId` (keyset paging keeps memory flat). */
export async function listMembersBatch(
  db: Db,
  filter: MemberFilter,
  afterId: number,
  limit: number,
): Promise<MemberWithOrg[]> {
  const rows = await db
    .select(withOrg)
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(and(whereOf(filter), gt(members.id, afterId)))
    .orderBy(asc(members.id))
    .limit(limit);
  return rows.map(flatten);
}

export async function insertMember(db: Db, values: typeof members.$inferInsert): Promise<number> {
  const [row] = await db.insert(members).values(values).returning({ id: members.id });
  return row!.id;
}

export async function updateMember(
  db: Db,
  id: number,
  change: Partial<Omit<typeof members.$inferInsert, 'id' | 'createdAt'>>,
  at: Date,
): Promise<void> {
  await db
    .update(members)
    .set({ ...change, updatedAt: at })
    .where(eq(members.id, id));
}

export async function insertStatusChange(
  db: Db,
  values: Omit<typeof memberStatusHistory.$inferInsert, 'id'>,
): Promise<void> {
  await db.insert(memberStatusHistory).values(values);
}

export async function listStatusHistory(db: Db, memberId: number): Promise<StatusHistoryRow[]> {
  return db
    .select()
    .from(memberStatusHistory)
    .where(eq(memberStatusHistory.memberId, memberId))
    .orderBy(asc(memberStatusHistory.at), asc(memberStatusHistory.id));
}

/**
 * Adds or removes one worker category (e.g. `hardship`, which the assistance module keeps in step
 * with the member's hardship file); the rollup triggers count the change.
 */
export async function setMemberCategory(db: Db, memberId: number, category: string, on: boolean, at: Date) {
  await db
    .update(members)
    .set({
      categories: on
        ? sql`(select array_agg(distinct c order by c) from unnest(array_append(${members.categories}, ${category}::text)) c)`
        : sql`array_remove(${members.categories}, ${category}::text)`,
      updatedAt: at,
    })
    .where(eq(members.id, memberId));
}
