import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { preparedPerDb } from '../../db/prepared.js';
import { nameKeys } from '../../platform/pinyin.js';
import { orgs } from './orgs.schema.js';

export type OrgRow = typeof orgs.$inferSelect;
export type OrgWithCount = OrgRow & { childCount: number };

/** The writable details of an org (everything but its place in the tree and its search keys). */
export type OrgDetails = Partial<
  Pick<
    typeof orgs.$inferInsert,
    | 'name'
    | 'kind'
    | 'regionCode'
    | 'provinceCode'
    | 'formation'
    | 'industryCode'
    | 'chairName'
    | 'contactName'
    | 'contactPhone'
    | 'address'
    | 'foundedOn'
    | 'status'
  >
>;

// Written out in full: drizzle leaves the outer column unqualified here, which would bind to "c".
const childCount = sql<number>`(select count(*)::int from orgs c where c.parent_id = orgs.id and c.status = 'active')`;

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

const orgById = preparedPerDb((db) =>
  db
    .select({ org: orgs, childCount })
    .from(orgs)
    .where(eq(orgs.id, sql.placeholder('id')))
    .limit(1)
    .prepare('org_by_id'),
);

export async function findOrgById(db: Db, id: number): Promise<OrgWithCount | null> {
  const [row] = await orgById(db).execute({ id });
  return row ? { ...row.org, childCount: row.childCount } : null;
}

export async function listChildren(db: Db, parentId: number): Promise<OrgWithCount[]> {
  const rows = await db
    .select({ org: orgs, childCount })
    .from(orgs)
    .where(sql`${orgs.parentId} = ${parentId} and ${orgs.status} = 'active'`)
    .orderBy(asc(orgs.regionCode), asc(orgs.name));
  return rows.map((r) => ({ ...r.org, childCount: r.childCount }));
}

export async function findOrgByRegionCode(db: Db, regionCode: string): Promise<OrgRow | null> {
  const [row] = await db
    .select()
    .from(orgs)
    .where(
      sql`${orgs.regionCode} = ${regionCode} and ${orgs.level} in ('national','province','city','county') and ${orgs.status} = 'active'`,
    )
    .orderBy(asc(orgs.depth))
    .limit(1);
  return row ?? null;
}

/** An active org under the parent bearing the name, other than `exceptId`. */
export async function findActiveSiblingByName(
  db: Db,
  parentId: number,
  name: string,
  exceptId?: number,
): Promise<OrgRow | null> {
  const [row] = await db
    .select()
    .from(orgs)
    .where(
      and(
        eq(orgs.parentId, parentId),
        eq(orgs.name, name),
        eq(orgs.status, 'active'),
        exceptId ? ne(orgs.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Inserts an org under its parent, computing the materialized path from the new id. */
export async function insertOrg(
  db: Db,
  values: Omit<typeof orgs.$inferInsert, 'id' | 'path' | 'depth' | 'namePinyin' | 'nameInitials'>,
  parent: OrgRow | null,
): Promise<OrgRow> {
  const [idRow] = await db
    .execute<{ id: number }>(sql`select nextval(pg_get_serial_sequence('orgs', 'id'))::bigint as id`)
    .then((r) => rowsOf<{ id: number | string }>(r));
  const id = Number(idRow!.id);
  const path = parent ? `${parent.path}.${id}` : String(id);
  const keys = nameKeys(values.name);
  const [row] = await db
    .insert(orgs)
    .values({
      ...values,
      id,
      path,
      depth: parent ? parent.depth + 1 : 1,
      parentId: parent?.id ?? null,
      namePinyin: keys.pinyin,
      nameInitials: keys.initials,
    })
    .returning();
  return row!;
}

export async function updateOrg(db: Db, id: number, change: OrgDetails, at: Date): Promise<void> {
  const keys = change.name === undefined ? null : nameKeys(change.name);
  await db
    .update(orgs)
    .set({
      ...change,
      ...(keys ? { namePinyin: keys.pinyin, nameInitials: keys.initials } : {}),
      updatedAt: at,
    })
    .where(eq(orgs.id, id));
}

/**
 * Re-roots a whole subtree under a new parent in one statement: each path keeps its part from the
 * moved org down and gets the new parent's path in front; depth follows. Returns the rows moved.
 */
export async function moveSubtree(
  db: Db,
  org: Pick<OrgRow, 'id' | 'path'>,
  newParent: Pick<OrgRow, 'id' | 'path'>,
  at: Date,
): Promise<number> {
  const result = await db.execute(sql`
    update orgs set
      path = ${newParent.path}::ltree || subpath(path, nlevel(${org.path}::ltree) - 1),
      depth = nlevel(${newParent.path}::ltree) + nlevel(path) - nlevel(${org.path}::ltree) + 1,
      parent_id = case when id = ${org.id} then ${newParent.id} else parent_id end,
      updated_at = ${at}
    where path <@ ${org.path}::ltree
    returning id`);
  return rowsOf(result).length;
}

/**
 * Moves, creations and dissolutions read a parent's path and then write below it; they take this
 * lock so that a path read is not stale by the time it is written (moves exclusively, others shared).
 */
const TREE_LOCK = 72_630_101;

export async function lockTree(db: Db, mode: 'shared' | 'exclusive'): Promise<void> {
  if (mode === 'exclusive') await db.execute(sql`select pg_advisory_xact_lock(${TREE_LOCK})`);
  else await db.execute(sql`select pg_advisory_xact_lock_shared(${TREE_LOCK})`);
}

/** What still hangs off an org; it can be dissolved only when all are zero. */
export async function countDependents(
  db: Db,
  id: number,
): Promise<{ childOrgs: number; staffUsers: number; enterprises: number; members: number }> {
  const [row] = rowsOf<{ child_orgs: number; staff_users: number; enterprises: number; members: number }>(
    await db.execute(sql`
      select
        (select count(*)::int from orgs where parent_id = ${id} and status = 'active') as child_orgs,
        (select count(*)::int from staff_users where org_id = ${id} and disabled_at is null) as staff_users,
        (select count(*)::int from enterprises where (org_id = ${id} or owner_org_id = ${id}) and status = 'active') as enterprises,
        (select count(*)::int from members where org_id = ${id} and status = 'active') as members`),
  );
  return {
    childOrgs: row!.child_orgs,
    staffUsers: row!.staff_users,
    enterprises: row!.enterprises,
    members: row!.members,
  };
}

export async function listActiveChildRegions(
  db: Db,
  id: number,
): Promise<{ id: number; regionCode: string }[]> {
  const rows = await db
    .select({ id: orgs.id, regionCode: orgs.regionCode })
    .from(orgs)
    .where(sql`${orgs.parentId} = ${id} and ${orgs.status} = 'active' and ${orgs.regionCode} is not null`);
  return rows as { id: number; regionCode: string }[];
}

export interface OrgSearchRow {
  id: number;
  parentId: number | null;
  name: string;
  level: string;
  kind: string;
  regionCode: string | null;
  depth: number;
  status: string;
  ancestors: { id: number; name: string }[];
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Active orgs under `rootPath` whose name contains `q` (trigram index; three or more characters
 * use it) or, for a Latin `pinyin` text, whose pinyin or initials start with it (or whose pinyin
 * contains it, ranked lower). Each hit carries its ancestors from `scopePath` down, found in the
 * same statement by the ids its ltree path lists.
 */
export async function searchOrgs(
  db: Db,
  opts: {
    rootPath: string;
    scopePath: string;
    q: string;
    pinyin: string | null;
    level?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ items: OrgSearchRow[]; total: number }> {
  const contains = `%${likeEscape(opts.q)}%`;
  const starts = `${likeEscape(opts.q)}%`;
  const py = opts.pinyin;
  const pyStarts = py ? `${py}%` : null;
  const pyContains = py && py.length >= 3 ? `%${py}%` : null;
  const match = py
    ? sql`(o.name ilike ${contains} or o.name_initials like ${pyStarts} or o.name_pinyin like ${pyStarts}${
        pyContains ? sql` or o.name_pinyin like ${pyContains}` : sql``
      })`
    : sql`o.name like ${contains}`;
  const rank = py
    ? sql`case
        when o.name_initials = ${py} or o.name_pinyin = ${py} then 0
        when o.name ilike ${contains} then 1
        when o.name_initials like ${pyStarts} then 2
        when o.name_pinyin like ${pyStarts} then 3
        else 4 end`
    : sql`case when o.name = ${opts.q} then 0 when o.name like ${starts} then 1 else 2 end`;
  const where = sql`o.path <@ ${opts.rootPath}::ltree and o.status = 'active' and ${match}${
    opts.level ? sql` and o.level = ${opts.level}` : sql``
  }`;
  const rows = rowsOf<{
    id: number | string;
    parent_id: number | string | null;
    name: string;
    level: string;
    kind: string;
    region_code: string | null;
    depth: number;
    status: string;
    ancestors: { id: number | string; name: string }[] | string;
    total: number | string;
  }>(
    await db.execute(sql`
      select o.id, o.parent_id, o.name, o.level, o.kind, o.region_code, o.depth, o.status,
        (select coalesce(json_agg(json_build_object('id', a.id, 'name', a.name) order by a.depth), '[]'::json)
           from orgs a
          where a.id = any(string_to_array(o.path::text, '.')::bigint[])
            and a.id <> o.id
            and a.path <@ ${opts.scopePath}::ltree) as ancestors,
        count(*) over () as total
      from orgs o
      where ${where}
      order by ${rank}, o.depth, o.name_pinyin, o.id
      limit ${opts.limit} offset ${opts.offset}`),
  );
  const items = rows.map((r) => {
    const ancestors = typeof r.ancestors === 'string' ? JSON.parse(r.ancestors) : r.ancestors;
    return {
      id: Number(r.id),
      parentId: r.parent_id === null ? null : Number(r.parent_id),
      name: r.name,
      level: r.level,
      kind: r.kind,
      regionCode: r.region_code,
      depth: r.depth,
      status: r.status,
      ancestors: (ancestors as { id: number | string; name: string }[]).map((a) => ({
        id: Number(a.id),
        name: a.name,
      })),
    };
  });
  if (rows.length > 0) return { items, total: Number(rows[0]!.total) };
  if (opts.offset === 0) return { items, total: 0 };
  // A page past the end still reports how many there are.
  const [counted] = rowsOf<{ n: number | string }>(
    await db.execute(sql`select count(*) as n from orgs o where ${where}`),
  );
  return { items, total: Number(counted!.n) };
}

/**
 * Orgs written before the pinyin keys existed have them empty; the server fills them at start
 * (the keys come from pinyin-pro, which SQL cannot call).
 */
export async function fillMissingNameKeys(db: Db): Promise<number> {
  const rows = await db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(eq(orgs.namePinyin, ''));
  for (const row of rows) {
    const keys = nameKeys(row.name);
    await db
      .update(orgs)
      .set({ namePinyin: keys.pinyin, nameInitials: keys.initials })
      .where(eq(orgs.id, row.id));
  }
  return rows.length;
}

/**
 * Active grassroots unions anywhere in the tree matching a name (Chinese substring, or for a Latin
 * text a pinyin or initials prefix) or lying in a region: what a worker looking for a union sees.
 */
export async function listGrassrootsUnions(
  db: Db,
  opts: { q?: string; pinyin?: string | null; regionCode?: string; limit: number },
): Promise<OrgRow[]> {
  const conditions = [eq(orgs.level, 'grassroots'), eq(orgs.status, 'active')];
  if (opts.regionCode) conditions.push(eq(orgs.regionCode, opts.regionCode));
  if (opts.q) {
    const contains = `%${likeEscape(opts.q)}%`;
    conditions.push(
      opts.pinyin
        ? sql`(${orgs.name} ilike ${contains} or ${orgs.nameInitials} like ${`${opts.pinyin}%`} or ${orgs.namePinyin} like ${`${opts.pinyin}%`})`
        : sql`${orgs.name} like ${contains}`,
    );
  }
  return db
    .select()
    .from(orgs)
    .where(and(...conditions))
    .orderBy(asc(orgs.namePinyin), asc(orgs.id))
    .limit(opts.limit);
}

/** The org at `path` and every union above it, from the top down. */
export async function listAncestorsOf(db: Db, path: string): Promise<OrgRow[]> {
  return db.select().from(orgs).where(sql`${orgs.path} @> ${path}::ltree`).orderBy(orgs.depth);
}
