import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/orgs.schema.js';

export const enterprises = pgTable(
  'enterprises',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    /** GB 32100 unified social credit code, normalized to upper case. */
    creditCode: char('credit_code', { length: 18 }).notNull(),
    name: text('name').notNull(),
    namePinyin: text('name_pinyin').notNull(),
    nameInitials: text('name_initials').notNull(),
    industryCode: text('industry_code').notNull(),
    regionCode: char('region_code', { length: 6 }).notNull(),
    /** The distribution key in a national deployment. */
    provinceCode: char('province_code', { length: 6 }).notNull(),
    size: text('size'),
    employeeCount: integer('employee_count'),
    address: text('address'),
    /** The org whose subtree holds the record: the covering union, or the org that registered it. */
    ownerOrgId: bigint('owner_org_id', { mode: 'number' }).notNull(),
    /** The grassroots union covering it; null while it has none. A joint union covers several. */
    orgId: bigint('org_id', { mode: 'number' }),
    status: text('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enterprises_credit_code_key').on(t.creditCode),
    foreignKey({ name: 'enterprises_owner_org_fk', columns: [t.ownerOrgId], foreignColumns: [orgs.id] }),
    foreignKey({ name: 'enterprises_org_fk', columns: [t.orgId], foreignColumns: [orgs.id] }),
    index('enterprises_owner_org_idx').on(t.ownerOrgId),
    index('enterprises_org_idx').on(t.orgId),
    index('enterprises_name_trgm').using('gin', t.name.op('gin_trgm_ops')),
    index('enterprises_name_pinyin_trgm').using('gin', t.namePinyin.op('gin_trgm_ops')),
    index('enterprises_name_initials_prefix').on(t.nameInitials.op('text_pattern_ops')),
    check('enterprises_size_check', sql`${t.size} in ('micro','small','medium','large')`),
    check('enterprises_status_check', sql`${t.status} in ('active','closed')`),
    check('enterprises_employee_count_check', sql`${t.employeeCount} >= 0`),
  ],
);
