import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { members } from '../members/members.schema.js';
import { orgs } from '../orgs/orgs.schema.js';

/** Every card a member has held; the active one's number is mirrored in `members.card_no`. */
export const memberCards = pgTable(
  'member_cards',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    provinceCode: char('province_code', { length: 6 }).notNull(),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    /** The issuing grassroots union; its region code begins the card number. */
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    cardNo: char('card_no', { length: 16 }).notNull(),
    status: text('status').notNull().default('active'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull(),
    /** The card that took this one's place on reissue. */
    replacedById: bigint('replaced_by_id', { mode: 'number' }),
  },
  (t) => [
    uniqueIndex('member_cards_card_no_key').on(t.cardNo),
    /** At most one usable (active or suspended) card per member, whatever races. */
    uniqueIndex('member_cards_one_current_key').on(t.memberId).where(sql`status in ('active','suspended')`),
    index('member_cards_member_idx').on(t.memberId),
    check('member_cards_status_check', sql`${t.status} in ('active','suspended','revoked','replaced')`),
  ],
);

/**
 * The last serial handed out per region and year. Incremented with one upsert, so two issuers at
 * once get different serials without locking the whole table.
 */
export const cardSerials = pgTable(
  'card_serials',
  {
    regionCode: char('region_code', { length: 6 }).notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year] })],
);

/**
 * Every QR token presented to the server. A verifier ("staff:12", "apikey:3") may present a
 * token's nonce once: the unique index turns a second attempt into "replayed".
 */
export const cardVerifications = pgTable(
  'card_verifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    cardId: bigint('card_id', { mode: 'number' }).references(() => memberCards.id),
    verifier: text('verifier').notNull(),
    /** Hex of the token's 8-byte nonce; null when the token could not be read. */
    nonce: text('nonce'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }).notNull(),
    result: text('result').notNull(),
  },
  (t) => [
    uniqueIndex('card_verifications_nonce_verifier_key').on(t.nonce, t.verifier).where(sql`result = 'valid'`),
    index('card_verifications_card_idx').on(t.cardId, t.verifiedAt),
  ],
);
