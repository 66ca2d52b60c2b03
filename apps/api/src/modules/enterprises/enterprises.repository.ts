import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { nameKeys } from '../../platform/pinyin.js';
import { orgs } from '../orgs/orgs.schema.js';
import { enterprises } from './enterprises.schema.js';

const owner = alias(orgs, 'owner');
const covering = alias(orgs, 'covering');

const columns = {
  id: enterprises.id,
  creditCode: enterprises.creditCode,
  name: enterprises.name,
  namePinyin: enterprises.namePinyin,
  industryCode: enterprises.industryCode,
  regionCode: enterprises.regionCode,
  size: enterprises.size,
  employeeCount: enterprises.employeeCount,
  address: enterprises.address,
  ownerOrgId: enterprises.ownerOrgId,
  ownerOrgName: owner.name,
  ownerPath: owner.path,
  orgId: enterprises.orgId,
  orgName: covering.name,
  status: enterprises.status,
  createdAt: enterprises.createdAt,
  updatedAt: enterprises.updatedAt,
};

export interface EnterpriseRow {
  id: number;
  creditCode: string;
  name: string;
  namePinyin: string;
  industryCode: string;
  regionCode: string;
  size: string | null;
  employeeCount: number | null;
  address: string | null;
  ownerOrgId: number;
  ownerOrgName: string;
  /** The owning org's ltree path: the record lies in the subtree of every org on it. */
  ownerPath: string;
  orgId: number | null;
  orgName: string | null;
  status: string;
  createdAt: Date;
  updatedAt: Date;
}

export type EnterpriseChange = Partial<
  Pick<
    typeof enterprises.$inferInsert,
    | 'name'
    | 'industryCode'
    | 'regionCode'
    | 'provinceCode'
    | 'size'
    | 'employeeCount'
    | 'address'
    | 'ownerOrgId'
    | 'orgId'
    | 'status'
  >
>;

const selectEnterprises = (db: Db) =>
  db
    .select(columns)
    .from(enterprises)
    .innerJoin(owner, eq(owner.id, enterprises.ownerOrgId))
    .leftJoin(covering, eq(covering.id, enterprises.orgId));

export async function findEnterpriseById(db: Db, id: number): Promise<EnterpriseRow | null> {
  const [row] = await selectEnterprises(db).where(eq(enterprises.id, id)).limit(1);
  return (row as EnterpriseRow | undefined) ?? null;
}

export async function findEnterpriseByCreditCode(db: Db, creditCode: string): Promise<EnterpriseRow | null> {
  const [row] = await selectEnterprises(db).where(eq(enterprises.creditCode, creditCode)).limit(1);
  return (row as EnterpriseRow | undefined) ?? null;
}

export async function insertEnterprise(
  db: Db,
  values: Omit<typeof enterprises.$inferInsert, 'id' | 'namePinyin' | 'nameInitials'>,
): Promise<number> {
  const keys = nameKeys(values.name);
  const [row] = await db
    .insert(enterprises)
    .values({ ...values, namePinyin: keys.pinyin, nameInitials: keys.initials })
    .returning({ id: enterprises.id });
  return row!.id;
}

export async function updateEnterprise(
  db: Db,
  id: number,
  change: EnterpriseChange,
  at: Date,
): Promise<void> {
  const keys = change.name === undefined ? null : nameKeys(change.name);
  await db
    .update(enterprises)
    .set({
      ...change,
      ...(keys ? { namePinyin: keys.pinyin, nameInitials: keys.initials } : {}),
      updatedAt: at,
    })
    .where(eq(enterprises.id, id));
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const SORTS = {
  name: [asc(enterprises.namePinyin), asc(enterprises.id)],
  '-name': [desc(enterprises.namePinyin), desc(enterprises.id)],
  createdAt: [asc(enterprises.createdAt), asc(enterprises.id)],
  '-createdAt': [desc(enterprises.createdAt), desc(enterprises.id)],
  employeeCount: [sql`${enterprises.employeeCount} asc nulls first`, asc(enterprises.id)],
  '-employeeCount': [sql`${enterprises.employeeCount} desc nulls last`, desc(enterprises.id)],
} as const;
export type EnterpriseSort = keyof typeof SORTS;

/**
 * Enterprises owned within a subtree. `q` matches any part of the name; a Latin `pinyin` text
 * matches the start of the initials or any part of the pinyin.
 */
export async function listEnterprisesUnder(
  db: Db,
  rootPath: string,
  opts: {
    q?: string | undefined;
    pinyin?: string | null;
    creditCode?: string | undefined;
    sort: EnterpriseSort;
    limit: number;
    offset: number;
  },
): Promise<{ items: EnterpriseRow[]; total: number }> {
  const text = opts.q
    ? opts.pinyin
      ? sql`(${enterprises.name} ilike ${`%${likeEscape(opts.q)}%`} or ${enterprises.nameInitials} like ${`${opts.pinyin}%`} or ${enterprises.namePinyin} like ${`%${opts.pinyin}%`})`
      : sql`${enterprises.name} like ${`%${likeEscape(opts.q)}%`}`
    : undefined;
  const where = and(
    sql`${owner.path} <@ ${rootPath}::ltree`,
    opts.creditCode ? eq(enterprises.creditCode, opts.creditCode) : undefined,
    text,
  );
  const items = await selectEnterprises(db)
    .where(where)
    .orderBy(...SORTS[opts.sort])
    .limit(opts.limit)
    .offset(opts.offset);
  const [total] = await db
    .select({ n: count() })
    .from(enterprises)
    .innerJoin(owner, eq(owner.id, enterprises.ownerOrgId))
    .where(where);
  return { items: items as EnterpriseRow[], total: total?.n ?? 0 };
}

/** Active enterprises owned within a subtree, those covered by a union, and the latter's employees. */
export async function coverageUnder(
  db: Db,
  rootPath: string,
): Promise<{ enterprises: number; covered: number; coveredEmployees: number }> {
  const [row] = await db
    .select({
      enterprises: sql<number>`count(*)::int`,
      covered: sql<number>`(count(*) filter (where ${enterprises.orgId} is not null))::int`,
      coveredEmployees: sql<number>`coalesce(sum(${enterprises.employeeCount}) filter (where ${enterprises.orgId} is not null), 0)::bigint`,
    })
    .from(enterprises)
    .innerJoin(owner, eq(owner.id, enterprises.ownerOrgId))
    .where(and(sql`${owner.path} <@ ${rootPath}::ltree`, eq(enterprises.status, 'active')));
  return {
    enterprises: Number(row?.enterprises ?? 0),
    covered: Number(row?.covered ?? 0),
    coveredEmployees: Number(row?.coveredEmployees ?? 0),
  };
}
