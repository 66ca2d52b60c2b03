import type { AttachmentRequirement, FormDefinition } from '@unionhub/contracts';
import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  check,
  index,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { memberAccounts } from '../auth/auth.schema.js';
import { members } from '../members/members.schema.js';
import { orgs } from '../orgs/orgs.schema.js';
import { services } from '../services/services.schema.js';

/**
 * A member's request for a service. The form and the list of documents are copied from the service
 * when filed, so a later edit of the service does not change what the member filled in. `due_at` is
 * the deadline running now (acceptance or completion), kept on every transition so that a union's
 * queue sorts and flags overdue work from one index.
 */
export const serviceRequests = pgTable(
  'service_requests',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    provinceCode: char('province_code', { length: 6 }).notNull(),
    serviceId: bigint('service_id', { mode: 'number' })
      .notNull()
      .references(() => services.id),
    requestType: text('request_type').notNull(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => memberAccounts.id),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    state: text('state').notNull(),
    form: jsonb('form').$type<FormDefinition>().notNull(),
    attachmentRequirements: jsonb('attachment_requirements').$type<AttachmentRequirement[]>().notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    idempotencyKey: text('idempotency_key'),
    bodyHash: text('body_hash').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    acceptDueAt: timestamp('accept_due_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    completeDueAt: timestamp('complete_due_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    assigneeId: bigint('assignee_id', { mode: 'number' }),
    escalationOrgId: bigint('escalation_org_id', { mode: 'number' }).references(() => orgs.id),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    rating: smallint('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('service_requests_idempotency_key').on(t.accountId, t.idempotencyKey),
    index('service_requests_org_due_idx').on(t.orgId, t.dueAt),
    index('service_requests_org_state_idx').on(t.orgId, t.state, t.submittedAt),
    // A union's queue of one state by deadline: the page is the first rows of this index.
    index('service_requests_org_state_due_idx').on(t.orgId, t.state, t.dueAt, t.id),
    index('service_requests_account_idx').on(t.accountId, t.id),
    index('service_requests_overdue_idx').on(t.dueAt).where(sql`due_at is not null`),
    index('service_requests_escalation_idx')
      .on(t.escalationOrgId, t.dueAt)
      .where(sql`escalation_org_id is not null`),
    check(
      'service_requests_state_check',
      sql`${t.state} in ('submitted','accepted','in_progress','returned','completed','rejected','withdrawn')`,
    ),
    check('service_requests_rating_check', sql`${t.rating} between 1 and 5`),
  ],
);

/** Every step of a request: who, when, from which union, what they said. Never changed afterwards. */
export const requestEvents = pgTable(
  'request_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    requestId: bigint('request_id', { mode: 'number' })
      .notNull()
      .references(() => serviceRequests.id),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    actorType: text('actor_type').notNull(),
    actorId: bigint('actor_id', { mode: 'number' }),
    actorName: text('actor_name').notNull(),
    orgId: bigint('org_id', { mode: 'number' }).references(() => orgs.id),
    comment: text('comment'),
    details: jsonb('details'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('request_events_request_idx').on(t.requestId, t.id)],
);

/** Follow-up questions and answers between the member and the handling staff. */
export const requestMessages = pgTable(
  'request_messages',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    requestId: bigint('request_id', { mode: 'number' })
      .notNull()
      .references(() => serviceRequests.id),
    authorType: text('author_type').notNull(),
    authorId: bigint('author_id', { mode: 'number' }).notNull(),
    authorName: text('author_name').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('request_messages_request_idx').on(t.requestId, t.id)],
);

/**
 * How many requests each union holds in each state (split over eight slots), kept by a trigger on `service_requests` at the
 * commit of every transaction that files, moves or removes one (migration 0025), so a queue's total
 * is one indexed read instead of a count over the union's requests. `recountQueueCounts` rebuilds it.
 */
export const serviceRequestCounts = pgTable(
  'service_request_counts',
  {
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    state: text('state').notNull(),
    /** The request id modulo 8: members filing at once into one union add to different rows. */
    slot: smallint('slot').notNull(),
    n: bigint('n', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ name: 'service_request_counts_pkey', columns: [t.orgId, t.state, t.slot] })],
);
