import { sql } from 'drizzle-orm';
import { bigint, check, date, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { consultations } from '../consultations/consultations.schema.js';
import { legalProviders } from '../legal-providers/legal-providers.schema.js';
import { serviceRequests } from '../service-requests/service-requests.schema.js';

/**
 * The case behind a legal-aid request (a service-hall request of type `legal_aid`): the lawyer the
 * handling union gave it to, the consultation it grew out of, the stage it is at, the amounts in fen
 * and the outcome. The request keeps the workflow; this row keeps what the lawyer does.
 */
export const legalAidCases = pgTable(
  'legal_aid_cases',
  {
    requestId: bigint('request_id', { mode: 'number' })
      .primaryKey()
      .references(() => serviceRequests.id),
    providerId: bigint('provider_id', { mode: 'number' }).references(() => legalProviders.id),
    consultationId: bigint('consultation_id', { mode: 'number' }).references(() => consultations.id),
    stage: text('stage').notNull().default('unassigned'),
    amountClaimedFen: bigint('amount_claimed_fen', { mode: 'number' }),
    amountRecoveredFen: bigint('amount_recovered_fen', { mode: 'number' }),
    outcome: text('outcome'),
    outcomeNote: text('outcome_note'),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('legal_aid_cases_consultation_key').on(t.consultationId),
    index('legal_aid_cases_provider_idx').on(t.providerId, t.requestId),
    check(
      'legal_aid_cases_stage_check',
      sql`${t.stage} in ('unassigned','assigned','mediation','arbitration','litigation','other','closed')`,
    ),
    check(
      'legal_aid_cases_outcome_check',
      sql`${t.outcome} is null or ${t.outcome} in ('won','settled','partly','lost','withdrawn')`,
    ),
    check('legal_aid_cases_amounts_check', sql`${t.amountClaimedFen} >= 0 and ${t.amountRecoveredFen} >= 0`),
  ],
);

/** One step of a case (调解, 劳动仲裁, 诉讼, 其他) recorded by the lawyer, files via attachments. */
export const legalAidSteps = pgTable(
  'legal_aid_steps',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    requestId: bigint('request_id', { mode: 'number' })
      .notNull()
      .references(() => legalAidCases.requestId),
    providerId: bigint('provider_id', { mode: 'number' })
      .notNull()
      .references(() => legalProviders.id),
    kind: text('kind').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    note: text('note').notNull(),
    result: text('result'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('legal_aid_steps_request_idx').on(t.requestId, t.id),
    check('legal_aid_steps_kind_check', sql`${t.kind} in ('mediation','arbitration','litigation','other')`),
  ],
);
