export { auditRoutes } from './audit.routes.js';
export { auditLog } from './audit.schema.js';
export { type AuditActor, type AuditEntry, recordAudit } from './audit.service.js';
