export { findEnterpriseByCreditCode } from './enterprises.repository.js';
export { enterpriseRoutes } from './enterprises.routes.js';
export { enterprises } from './enterprises.schema.js';
export { createEnterprise, getEnterpriseInScope } from './enterprises.service.js';
