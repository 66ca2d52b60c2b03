/** The one pg-core schema, shared by PGlite and PostgreSQL. drizzle-kit generates migrations from it. */

export * from '../modules/api-keys/api-keys.schema.js';
export * from '../modules/assistance/assistance.schema.js';
export * from '../modules/attachments/attachments.schema.js';
export * from '../modules/audit/audit.schema.js';
export * from '../modules/auth/auth.schema.js';
export * from '../modules/cards/cards.schema.js';
export * from '../modules/consultations/consultations.schema.js';
export * from '../modules/enterprises/enterprises.schema.js';
export * from '../modules/hardship/hardship.schema.js';
export * from '../modules/imports/imports.schema.js';
export * from '../modules/jobs/jobs.schema.js';
export * from '../modules/joining/joining.schema.js';
export * from '../modules/lectures/lectures.schema.js';
export * from '../modules/legal-aid/legal-aid.schema.js';
export * from '../modules/legal-providers/legal-providers.schema.js';
export * from '../modules/legal-supervision/legal-supervision.schema.js';
export * from '../modules/members/members.schema.js';
export * from '../modules/notifications/notifications.schema.js';
export * from '../modules/orgs/orgs.schema.js';
export * from '../modules/service-requests/service-requests.schema.js';
export * from '../modules/services/services.schema.js';
export * from '../modules/stats/stats.schema.js';
export * from '../modules/transfers/transfers.schema.js';
