export { legalStatsRoutes } from './legal-stats.routes.js';
