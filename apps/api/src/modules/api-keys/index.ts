export { apiKeyRoutes } from './api-keys.routes.js';
export { apiKeys } from './api-keys.schema.js';
export { authenticateApiKey } from './api-keys.service.js';
