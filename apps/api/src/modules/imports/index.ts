export { recoverImports } from './imports.cleanup.js';
export { importRoutes } from './imports.routes.js';
export { importErrors, importJobs, importRows } from './imports.schema.js';
export { settleImports } from './imports.service.js';
