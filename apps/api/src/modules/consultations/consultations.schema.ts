import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { memberAccounts } from '../auth/auth.schema.js';
import { legalProviders } from '../legal-providers/legal-providers.schema.js';
import { members } from '../members/members.schema.js';
import { orgs } from '../orgs/orgs.schema.js';

/**
 * A member's legal question. `org_id` is the union it sits with now (where the lawyer on duty was
 * found, or where it waits); `provider_id` the lawyer who has it; `tried_provider_ids` those who let
 * it time out, so it is not handed back to them. `pickup_due_at` runs while it is assigned.
 */
export const consultations = pgTable(
  'consultations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => memberAccounts.id),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    memberOrgId: bigint('member_org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    field: text('field').notNull(),
    text: text('text').notNull(),
    anonymous: boolean('anonymous').notNull().default(false),
    allowPublish: boolean('allow_publish').notNull().default(false),
    state: text('state').notNull(),
    providerId: bigint('provider_id', { mode: 'number' }).references(() => legalProviders.id),
    triedProviderIds: bigint('tried_provider_ids', { mode: 'number' }).array().notNull().default(sql`'{}'`),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    pickupDueAt: timestamp('pickup_due_at', { withTimezone: true }),
    pickedAt: timestamp('picked_at', { withTimezone: true }),
    firstAnsweredAt: timestamp('first_answered_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    rating: smallint('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    /** A retried ask with the same key returns the first consultation; another body with it is refused. */
    idempotencyKey: text('idempotency_key'),
    bodyHash: text('body_hash').notNull(),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('consultations_idempotency_key').on(t.accountId, t.idempotencyKey),
    index('consultations_account_idx').on(t.accountId, t.id),
    index('consultations_provider_idx').on(t.providerId, t.state),
    index('consultations_org_idx').on(t.orgId, t.state, t.askedAt),
    index('consultations_pickup_due_idx').on(t.pickupDueAt).where(sql`pickup_due_at is not null`),
    index('consultations_waiting_idx').on(t.askedAt).where(sql`state = 'waiting'`),
    check(
      'consultations_state_check',
      sql`${t.state} in ('waiting','assigned','picked','answered','closed')`,
    ),
    check('consultations_rating_check', sql`${t.rating} between 1 and 5`),
  ],
);

/** Every step of a consultation (asked, assigned, timed out, picked, answered, closed, rated). */
export const consultationEvents = pgTable(
  'consultation_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    consultationId: bigint('consultation_id', { mode: 'number' })
      .notNull()
      .references(() => consultations.id),
    action: text('action').notNull(),
    actorType: text('actor_type').notNull(),
    actorId: bigint('actor_id', { mode: 'number' }),
    actorName: text('actor_name').notNull(),
    orgId: bigint('org_id', { mode: 'number' }).references(() => orgs.id),
    providerId: bigint('provider_id', { mode: 'number' }).references(() => legalProviders.id),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('consultation_events_consultation_idx').on(t.consultationId, t.id)],
);

/** The conversation: the lawyer's answers and the member's follow-ups (files through attachments). */
export const consultationMessages = pgTable(
  'consultation_messages',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    consultationId: bigint('consultation_id', { mode: 'number' })
      .notNull()
      .references(() => consultations.id),
    authorType: text('author_type').notNull(),
    authorId: bigint('author_id', { mode: 'number' }).notNull(),
    authorName: text('author_name').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('consultation_messages_consultation_idx').on(t.consultationId, t.id)],
);

/** Per-union settings of the consultation service: minutes a lawyer has to pick a question up. */
export const legalSettings = pgTable('legal_settings', {
  orgId: bigint('org_id', { mode: 'number' })
    .primaryKey()
    .references(() => orgs.id),
  pickupTimeoutMinutes: integer('pickup_timeout_minutes').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * 常见问题: an answered consultation the member allowed to publish, redacted and reviewed by the
 * union's staff before members can find it. `search_text` (question + answer) has a trigram index
 * for Chinese substring search.
 */
export const legalFaq = pgTable(
  'legal_faq',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    consultationId: bigint('consultation_id', { mode: 'number' }).references(() => consultations.id),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    field: text('field').notNull(),
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    searchText: text('search_text').notNull(),
    status: text('status').notNull(),
    reviewedBy: bigint('reviewed_by', { mode: 'number' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('legal_faq_consultation_key').on(t.consultationId),
    index('legal_faq_org_status_idx').on(t.orgId, t.status, t.createdAt),
    index('legal_faq_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    check('legal_faq_status_check', sql`${t.status} in ('pending','published','rejected')`),
  ],
);
