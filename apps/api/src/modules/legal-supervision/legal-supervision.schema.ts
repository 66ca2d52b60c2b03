import type { ChecklistItem } from '@unionhub/contracts';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { enterprises } from '../enterprises/enterprises.schema.js';
import { orgs } from '../orgs/orgs.schema.js';

/**
 * 劳动法律监督检查: a union's inspection of an enterprise. The checklist is kept as data with each
 * item's result and, for a non-compliant one, the day a follow-up found it rectified. `outstanding`
 * (non-compliant items not yet rectified) is kept with every follow-up, so lists and statistics read
 * it from the row; the inspection closes when it reaches zero.
 */
export const legalInspections = pgTable(
  'legal_inspections',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .notNull()
      .references(() => enterprises.id),
    inspectedOn: date('inspected_on', { mode: 'string' }).notNull(),
    inspectors: text('inspectors').array().notNull(),
    checklist: jsonb('checklist').$type<ChecklistItem[]>().notNull(),
    findings: text('findings'),
    nonCompliant: integer('non_compliant').notNull(),
    outstanding: integer('outstanding').notNull(),
    rectificationDueOn: date('rectification_due_on', { mode: 'string' }),
    status: text('status').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The China day the union's staff were last reminded of the overdue rectification. */
    overdueNotifiedOn: date('overdue_notified_on', { mode: 'string' }),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('legal_inspections_org_idx').on(t.orgId, t.inspectedOn),
    index('legal_inspections_enterprise_idx').on(t.enterpriseId, t.inspectedOn),
    index('legal_inspections_due_idx').on(t.rectificationDueOn).where(sql`${t.status} = 'rectifying'`),
    check('legal_inspections_status_check', sql`${t.status} in ('rectifying','closed')`),
    check(
      'legal_inspections_deadline_check',
      sql`${t.nonCompliant} = 0 or ${t.rectificationDueOn} > ${t.inspectedOn}`,
    ),
  ],
);

/** A later visit or check: which items were found rectified, when, and what was seen. */
export const legalInspectionFollowUps = pgTable(
  'legal_inspection_follow_ups',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    inspectionId: bigint('inspection_id', { mode: 'number' })
      .notNull()
      .references(() => legalInspections.id),
    followedOn: date('followed_on', { mode: 'string' }).notNull(),
    rectifiedItems: text('rectified_items').array().notNull(),
    note: text('note').notNull(),
    closed: boolean('closed').notNull(),
    actorId: bigint('actor_id', { mode: 'number' }),
    actorName: text('actor_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('legal_inspection_follow_ups_inspection_idx').on(t.inspectionId, t.id)],
);
