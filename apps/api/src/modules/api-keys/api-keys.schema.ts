import { bigint, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { bytea } from '../../db/types.js';
import { orgs } from '../orgs/orgs.schema.js';

/** Keys for external terminals: scoped to an org subtree and a set of permissions, stored hashed. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    /** Public part of the key, used to find it: "uhk_<prefix>_<secret>". */
    prefix: text('prefix').notNull(),
    /** SHA-256 of the whole key; the key has 256 bits of randomness, so a fast hash is enough. */
    keyHash: bytea('key_hash').notNull(),
    permissions: text('permissions').array().notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdByName: text('created_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: bigint('revoked_by', { mode: 'number' }),
  },
  (t) => [uniqueIndex('api_keys_prefix_key').on(t.prefix), index('api_keys_org_idx').on(t.orgId)],
);
