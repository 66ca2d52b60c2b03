export { importRoutes } from './imports.routes.js';
export { importErrors, importJobs, importRows } from './imports.schema.js';
export { recoverImports, settleImports } from './imports.service.js';
