export { recountRollups, snapshotRollups } from './stats.repository.js';
export { statsRoutes } from './stats.routes.js';
export { orgMemberRollups } from './stats.schema.js';
