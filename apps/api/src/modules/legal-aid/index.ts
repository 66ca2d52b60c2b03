export { addStep, assignLawyer, recordOutcome } from './legal-aid.handling.js';
export { legalAidRoutes } from './legal-aid.routes.js';
export { legalAidCases, legalAidSteps } from './legal-aid.schema.js';
export { applyFromConsultation, LEGAL_AID } from './legal-aid.service.js';
