export { joiningRoutes } from './joining.routes.js';
export { joinApplications } from './joining.schema.js';
export { findUnionsToJoin } from './joining.service.js';
