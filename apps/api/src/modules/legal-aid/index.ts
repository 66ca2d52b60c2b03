export { legalAidRoutes } from './legal-aid.routes.js';
export { legalAidCases, legalAidSteps } from './legal-aid.schema.js';
export { LEGAL_AID } from './legal-aid.service.js';
