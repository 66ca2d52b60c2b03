import { and, asc, count, desc, eq, ilike, inArray, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { memberAccounts } from '../auth/auth.schema.js';
import type { MemberWithOrg } from '../members/index.js';
import { members } from '../members/members.schema.js';
import type { OrgRow } from '../orgs/index.js';
import { orgs } from '../orgs/orgs.schema.js';
import { servicePackages, services } from './services.schema.js';

export type ServiceRow = typeof services.$inferSelect;
export type ServiceWithOrg = ServiceRow & { orgName: string; orgPath: string; orgDepth: number };
export type PackageRow = typeof servicePackages.$inferSelect;
export type PackageWithOrg = PackageRow & { orgName: string; orgPath: string };

const withOrg = { service: services, orgName: orgs.name, orgPath: orgs.path, orgDepth: orgs.depth };
const flatten = (r: {
  service: ServiceRow;
  orgName: string;
  orgPath: string;
  orgDepth: number;
}): ServiceWithOrg => ({
  ...r.service,
  orgName: r.orgName,
  orgPath: r.orgPath,
  orgDepth: r.orgDepth,
});

export async function insertService(
  db: Db,
  values: Omit<typeof services.$inferInsert, 'id'>,
): Promise<number> {
  const [row] = await db.insert(services).values(values).returning({ id: services.id });
  return row!.id;
}

export async function updateService(db: Db, id: number, values: Partial<typeof services.$inferInsert>) {
  await db.update(services).set(values).where(eq(services.id, id));
}

export async function findServiceById(db: Db, id: number): Promise<ServiceWithOrg | null> {
  const [row] = await db
    .select(withOrg)
    .from(services)
    .innerJoin(orgs, eq(orgs.id, services.orgId))
    .where(eq(services.id, id));
  return row ? flatten(row) : null;
}

export async function listServicesUnder(
  db: Db,
  opts: {
    rootPath: string;
    orgId?: number;
    status?: string;
    category?: string;
    q?: string;
    limit: number;
    offset: number;
  },
) {
  const where = and(
    sql`${orgs.path} <@ ${opts.rootPath}::ltree`,
    opts.orgId ? eq(services.orgId, opts.orgId) : undefined,
    opts.status ? eq(services.status, opts.status) : undefined,
    opts.category ? eq(services.category, opts.category) : undefined,
    opts.q ? or(ilike(services.name, `%${opts.q}%`), ilike(services.summary, `%${opts.q}%`)) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select(withOrg)
      .from(services)
      .innerJoin(orgs, eq(orgs.id, services.orgId))
      .where(where)
      .orderBy(orgs.depth, desc(services.id))
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: count() }).from(services).innerJoin(orgs, eq(orgs.id, services.orgId)).where(where),
  ]);
  return { items: items.map(flatten), total: total?.n ?? 0 };
}

/** Published services of the unions on a path: the org itself and every union above it. */
export async function listPublishedOnPath(db: Db, orgPath: string, opts: { strictAncestors?: boolean } = {}) {
  const rows = await db
    .select(withOrg)
    .from(services)
    .innerJoin(orgs, eq(orgs.id, services.orgId))
    .where(
      and(
        eq(services.status, 'published'),
        sql`${orgs.path} @> ${orgPath}::ltree`,
        opts.strictAncestors ? ne(orgs.path, sql`${orgPath}::ltree`) : undefined,
      ),
    )
    .orderBy(orgs.depth, services.id);
  return rows.map(flatten);
}

const memberOrg = alias(orgs, 'member_org');
const pathOrg = alias(orgs, 'path_org');

export interface MemberOnPath {
  member: MemberWithOrg;
  /** The unions from the top down to the member's own. */
  path: OrgRow[];
  /** The services published on that path, from the top down (before replacements are applied). */
  published: ServiceWithOrg[];
}

/**
 * A member account's active membership, the unions above it and the services they publish, in one
 * query: one row per (union on the path, service it publishes), the membership repeated on each.
 */
export async function findMemberOnPath(db: Db, accountId: number): Promise<MemberOnPath | null> {
  const rows = await db
    .select({
      member: members,
      orgName: memberOrg.name,
      orgPath: memberOrg.path,
      union: pathOrg,
      service: services,
    })
    .from(memberAccounts)
    .innerJoin(members, and(eq(members.phoneHash, memberAccounts.phoneHash), eq(members.status, 'active')))
    .innerJoin(memberOrg, eq(memberOrg.id, members.orgId))
    .innerJoin(pathOrg, sql`${pathOrg.path} @> ${memberOrg.path}`)
    .leftJoin(services, and(eq(services.orgId, pathOrg.id), eq(services.status, 'published')))
    .where(eq(memberAccounts.id, accountId))
    .orderBy(desc(members.id), asc(pathOrg.depth), asc(services.id));
  const first = rows[0];
  if (!first) return null;
  // One active membership per person; should there be two, the newest counts (as elsewhere).
  const own = rows.filter((r) => r.member.id === first.member.id);
  const path = new Map<number, OrgRow>();
  const published: ServiceWithOrg[] = [];
  for (const r of own) {
    path.set(r.union.id, r.union);
    if (r.service)
      published.push({
        ...r.service,
        orgName: r.union.name,
        orgPath: r.union.path,
        orgDepth: r.union.depth,
      });
  }
  return {
    member: { ...first.member, orgName: first.orgName, orgPath: first.orgPath },
    path: [...path.values()],
    published,
  };
}

export async function insertPackage(db: Db, values: Omit<typeof servicePackages.$inferInsert, 'id'>) {
  const [row] = await db.insert(servicePackages).values(values).returning({ id: servicePackages.id });
  return row!.id;
}

export async function updatePackage(
  db: Db,
  id: number,
  values: Partial<typeof servicePackages.$inferInsert>,
) {
  await db.update(servicePackages).set(values).where(eq(servicePackages.id, id));
}

const packageWithOrg = { pkg: servicePackages, orgName: orgs.name, orgPath: orgs.path };
const flattenPackage = (r: { pkg: PackageRow; orgName: string; orgPath: string }): PackageWithOrg => ({
  ...r.pkg,
  orgName: r.orgName,
  orgPath: r.orgPath,
});

export async function findPackageById(db: Db, id: number): Promise<PackageWithOrg | null> {
  const [row] = await db
    .select(packageWithOrg)
    .from(servicePackages)
    .innerJoin(orgs, eq(orgs.id, servicePackages.orgId))
    .where(eq(servicePackages.id, id));
  return row ? flattenPackage(row) : null;
}

export async function listPackagesUnder(db: Db, rootPath: string, orgId?: number) {
  const rows = await db
    .select(packageWithOrg)
    .from(servicePackages)
    .innerJoin(orgs, eq(orgs.id, servicePackages.orgId))
    .where(and(sql`${orgs.path} <@ ${rootPath}::ltree`, orgId ? eq(servicePackages.orgId, orgId) : undefined))
    .orderBy(orgs.depth, desc(servicePackages.id))
    .limit(500);
  return rows.map(flattenPackage);
}

export async function listPublishedPackagesOnPath(db: Db, orgPath: string) {
  const rows = await db
    .select(packageWithOrg)
    .from(servicePackages)
    .innerJoin(orgs, eq(orgs.id, servicePackages.orgId))
    .where(and(eq(servicePackages.status, 'published'), sql`${orgs.path} @> ${orgPath}::ltree`))
    .orderBy(sql`${orgs.depth} desc`, servicePackages.id);
  return rows.map(flattenPackage);
}

export async function listServicesByIds(db: Db, ids: number[]): Promise<ServiceWithOrg[]> {
  if (!ids.length) return [];
  const rows = await db
    .select(withOrg)
    .from(services)
    .innerJoin(orgs, eq(orgs.id, services.orgId))
    .where(inArray(services.id, ids));
  return rows.map(flatten);
}
