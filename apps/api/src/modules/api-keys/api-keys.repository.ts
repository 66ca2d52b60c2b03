import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgs } from '../orgs/orgs.schema.js';
import { apiKeys } from './api-keys.schema.js';

export type ApiKeyRow = typeof apiKeys.$inferSelect & { orgName: string; orgPath: string };

const columns = { key: apiKeys, orgName: orgs.name, orgPath: orgs.path };

export async function insertApiKey(db: Db, values: typeof apiKeys.$inferInsert): Promise<number> {
  const [row] = await db.insert(apiKeys).values(values).returning({ id: apiKeys.id });
  return row!.id;
}

export async function findApiKeyById(db: Db, id: number): Promise<ApiKeyRow | null> {
  const [row] = await db
    .select(columns)
    .from(apiKeys)
    .innerJoin(orgs, eq(orgs.id, apiKeys.orgId))
    .where(eq(apiKeys.id, id));
  return row ? { ...row.key, orgName: row.orgName, orgPath: row.orgPath } : null;
}

/** The key with this public prefix, with its org's path: one indexed read per request. */
export async function findApiKeyByPrefix(db: Db, prefix: string): Promise<ApiKeyRow | null> {
  const [row] = await db
    .select(columns)
    .from(apiKeys)
    .innerJoin(orgs, eq(orgs.id, apiKeys.orgId))
    .where(eq(apiKeys.prefix, prefix));
  return row ? { ...row.key, orgName: row.orgName, orgPath: row.orgPath } : null;
}

export async function listApiKeysUnder(db: Db, rootPath: string): Promise<ApiKeyRow[]> {
  const rows = await db
    .select(columns)
    .from(apiKeys)
    .innerJoin(orgs, eq(orgs.id, apiKeys.orgId))
    .where(sql`${orgs.path} <@ ${rootPath}::ltree`)
    .orderBy(asc(sql`${apiKeys.revokedAt} is not null`), desc(apiKeys.createdAt));
  return rows.map((r) => ({ ...r.key, orgName: r.orgName, orgPath: r.orgPath }));
}

export async function revokeApiKey(db: Db, id: number, by: number, at: Date): Promise<void> {
  await db
    .update(apiKeys)
    .set({ revokedAt: at, revokedBy: by })
    .where(and(eq(apiKeys.id, id), sql`${apiKeys.revokedAt} is null`));
}

/** Records use at most once a minute per key, so a busy terminal does not write on every request. */
export async function touchApiKey(db: Db, id: number, at: Date): Promise<void> {
  await db
    .update(apiKeys)
    .set({ lastUsedAt: at })
    .where(
      and(
        eq(apiKeys.id, id),
        sql`(${apiKeys.lastUsedAt} is null or ${apiKeys.lastUsedAt} < ${at}::timestamptz - interval '1 minute')`,
      ),
    );
}
