export { presentHousehold } from './hardship.presenter.js';
export { hardshipRoutes } from './hardship.routes.js';
export {
  hardshipFiles,
  hardshipHouseholdMembers,
  hardshipRechecks,
  hardshipTierRules,
} from './hardship.schema.js';
export {
  createFile,
  hardshipRepo,
  openFileFromApproval,
  remindDueRechecks,
  saveDraftFromApplication,
} from './hardship.service.js';
