export { legalSupervisionRoutes } from './legal-supervision.routes.js';
export { legalInspectionFollowUps, legalInspections } from './legal-supervision.schema.js';
export { addFollowUp, createInspection, remindOverdueRectifications } from './legal-supervision.service.js';
