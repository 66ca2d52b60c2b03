export { transferRoutes } from './transfers.routes.js';
export { transferHistory, transfers } from './transfers.schema.js';
export { runTransferAutoAccept } from './transfers.service.js';
