import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { ltree } from '../../db/types.js';

export const orgs = pgTable(
  'orgs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    parentId: bigint('parent_id', { mode: 'number' }),
    /** Materialized path of ids from the root, e.g. "1.17.305"; subtree = path <@ ancestor.path. */
    path: ltree('path').notNull(),
    depth: integer('depth').notNull(),
    level: text('level').notNull(),
    kind: text('kind').notNull().default('regular'),
    name: text('name').notNull(),
    /** Search keys computed from the name at write time (platform/pinyin.ts). */
    namePinyin: text('name_pinyin').notNull().default(''),
    nameInitials: text('name_initials').notNull().default(''),
    formation: text('formation'),
    regionCode: char('region_code', { length: 6 }),
    /** GB/T 4754-2017 section letter or two-digit division. */
    industryCode: text('industry_code'),
    chairName: text('chair_name'),
    contactName: text('contact_name'),
    /** The union office's phone: an institutional contact, not personal data, so stored plain. */
    contactPhone: text('contact_phone'),
    address: text('address'),
    foundedOn: date('founded_on', { mode: 'string' }),
    /** The owning province's region code: the distribution key in a national deployment. */
    provinceCode: char('province_code', { length: 6 }),
    status: text('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'orgs_parent_fk', columns: [t.parentId], foreignColumns: [t.id] }),
    index('orgs_path_gist').using('gist', t.path),
    index('orgs_parent_idx').on(t.parentId),
    index('orgs_region_idx').on(t.regionCode),
    uniqueIndex('orgs_active_sibling_name_key').on(t.parentId, t.name).where(sql`${t.status} = 'active'`),
    index('orgs_name_trgm').using('gin', t.name.op('gin_trgm_ops')),
    index('orgs_name_pinyin_trgm').using('gin', t.namePinyin.op('gin_trgm_ops')),
    index('orgs_name_initials_prefix').on(t.nameInitials.op('text_pattern_ops')),
    check(
      'orgs_level_check',
      sql`${t.level} in ('national','province','city','county','township','grassroots')`,
    ),
    check('orgs_kind_check', sql`${t.kind} in ('regular','joint','industry','trade')`),
    check('orgs_status_check', sql`${t.status} in ('active','dissolved')`),
    check('orgs_formation_check', sql`${t.formation} in ('hosted','delegated')`),
  ],
);
