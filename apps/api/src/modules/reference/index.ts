export { findIndustry, industryExists, listIndustries } from './industries.js';
export { referenceRoutes } from './reference.routes.js';
