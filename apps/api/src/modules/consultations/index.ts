export { faqRoutes } from './consultations.faq.routes.js';
export { presentDetail as presentConsultation } from './consultations.presenter.js';
export { maskPersonalDetails } from './consultations.redact.js';
export { type ConsultationView, findView as findConsultationView } from './consultations.repository.js';
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
