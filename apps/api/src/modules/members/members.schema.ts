import { sql } from 'drizzle-orm';
import { bigint, char, check, date, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { bytea } from '../../db/types.js';
import { orgs } from '../orgs/orgs.schema.js';

/**
 * The real-name member registry. ID number and phone are kept only as an AES-GCM envelope, a keyed
 * lookup hash and a masked form, so that lists and searches never decrypt.
 */
export const members = pgTable(
  'members',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    /** The owning province's region code: the distribution key in a national deployment. */
    provinceCode: char('province_code', { length: 6 }).notNull(),
    /** The grassroots union the member belongs to. */
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    /** Written from the name at every change (pinyin-pro), lower-case without spaces: "zhangsan". */
    namePinyin: text('name_pinyin').notNull(),
    /** First letters of the pinyin syllables: "zs". */
    nameInitials: text('name_initials').notNull(),
    idHash: bytea('id_hash').notNull(),
    idEnc: bytea('id_enc').notNull(),
    idMasked: text('id_masked').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    gender: text('gender').notNull(),
    phoneHash: bytea('phone_hash').notNull(),
    phoneEnc: bytea('phone_enc').notNull(),
    phoneMasked: text('phone_masked').notNull(),
    employerName: text('employer_name'),
    /** The employer in the enterprise registry; its foreign key arrives with that table. */
    employerId: bigint('employer_id', { mode: 'number' }),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('active'),
    categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
    cardNo: text('card_no'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    /**
     * One active membership per person, whichever union holds it. Distributed by province on Citus,
     * a unique index holds per province only; across provinces the service's check before insert remains.
     */
    uniqueIndex('members_active_id_hash_key').on(t.idHash).where(sql`status = 'active'`),
    index('members_id_hash_idx').on(t.idHash),
    index('members_phone_hash_idx').on(t.phoneHash),
    index('members_org_status_idx').on(t.orgId, t.status),
    /** Chinese substring search (LIKE '%…%'); pg_trgm indexes CJK on both engines. */
    index('members_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    index('members_name_initials_idx').on(t.nameInitials.op('text_pattern_ops')),
    index('members_name_pinyin_idx').on(t.namePinyin.op('text_pattern_ops')),
    uniqueIndex('members_card_no_key').on(t.cardNo),
    check('members_status_check', sql`${t.status} in ('active','transferred_out','left','deceased')`),
    check('members_gender_check', sql`${t.gender} in ('male','female')`),
  ],
);

/** Every status a member has had, written in the same transaction as the change; never updated. */
export const memberStatusHistory = pgTable(
  'member_status_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    provinceCode: char('province_code', { length: 6 }).notNull(),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    reason: text('reason'),
    actorType: text('actor_type').notNull(),
    actorId: bigint('actor_id', { mode: 'number' }),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('member_status_history_member_idx').on(t.memberId, t.at)],
);
