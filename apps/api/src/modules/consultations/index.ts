export { faqRoutes } from './consultations.faq.routes.js';
export { maskPersonalDetails } from './consultations.redact.js';
export { consultationRoutes } from './consultations.routes.js';
export {
  consultationEvents,
  consultationMessages,
  consultations,
  legalFaq,
  legalSettings,
} from './consultations.schema.js';
export { askConsultation, memberFollowUp } from './consultations.service.js';
export { runConsultationTimeouts } from './consultations.timeouts.js';
export { lawyerAct } from './consultations.workspace.js';
