import type {
  AttachmentRequirement,
  FormDefinition,
  PackageTarget,
  ServiceEligibility,
} from '@unionhub/contracts';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/orgs.schema.js';

/**
 * 服务事项: an item of the service catalogue published by a union for the members of its subtree.
 * The form and the attachment list are data the web app renders and the API validates against.
 * A lower union may replace an item of a union above for its own subtree (`overrides_service_id`).
 */
export const services = pgTable(
  'services',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    category: text('category').notNull(),
    summary: text('summary').notNull(),
    description: text('description').notNull(),
    eligibility: jsonb('eligibility').$type<ServiceEligibility>().notNull(),
    form: jsonb('form').$type<FormDefinition>().notNull(),
    attachments: jsonb('attachments').$type<AttachmentRequirement[]>().notNull(),
    acceptWithinDays: integer('accept_within_days').notNull(),
    completeWithinDays: integer('complete_within_days').notNull(),
    handler: text('handler').notNull(),
    /** `general`, or the module whose requests these are (legal aid, assistance …). */
    requestType: text('request_type').notNull().default('general'),
    status: text('status').notNull().default('draft'),
    overridesServiceId: bigint('overrides_service_id', { mode: 'number' }).references(
      (): AnyPgColumn => services.id,
    ),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('services_org_status_idx').on(t.orgId, t.status),
    index('services_overrides_idx').on(t.overridesServiceId),
    check('services_status_check', sql`${t.status} in ('draft','published','withdrawn')`),
  ],
);

/** 服务套餐: services bundled for a target group of a union's members. */
export const servicePackages = pgTable(
  'service_packages',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    description: text('description').notNull(),
    target: jsonb('target').$type<PackageTarget>().notNull(),
    serviceIds: bigint('service_ids', { mode: 'number' }).array().notNull(),
    status: text('status').notNull().default('draft'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('service_packages_org_idx').on(t.orgId, t.status),
    check('service_packages_status_check', sql`${t.status} in ('draft','published','withdrawn')`),
  ],
);
