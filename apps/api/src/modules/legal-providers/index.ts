export { copyWeek, createSlot, findOnDuty, type OnDutyProvider } from './legal-providers.duty.js';
export {
  findProviderByStaffUser,
  findProviderView,
  orgsWithProviders,
  type ProviderRow,
} from './legal-providers.repository.js';
export { legalProviderRoutes } from './legal-providers.routes.js';
export { legalDutySlots, legalProviders } from './legal-providers.schema.js';
export { createProvider } from './legal-providers.service.js';
