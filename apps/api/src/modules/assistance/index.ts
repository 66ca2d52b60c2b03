export { DEFAULT_CONFIGS } from './assistance.config.js';
export { putConfig } from './assistance.configs.js';
export { createBatch, recordResults, setBudget } from './assistance.funds.js';
export { assistanceFundRoutes } from './assistance.funds.routes.js';
export { assistanceRoutes } from './assistance.routes.js';
export {
  assistanceApplications,
  assistanceBatches,
  assistanceBudgets,
  assistanceConfigs,
  assistanceEvents,
  assistanceLedger,
} from './assistance.schema.js';
export { memberApply, review } from './assistance.service.js';
