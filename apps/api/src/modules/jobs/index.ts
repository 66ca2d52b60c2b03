export { jobBoardRoutes } from './jobs.board.routes.js';
export { jobRoutes } from './jobs.routes.js';
export { jobApplications, jobFairEnterprises, jobFairJobs, jobFairs, jobs } from './jobs.schema.js';
export { searchConditions } from './jobs.search.js';
export { searchBigrams, searchTextOf } from './jobs.search-text.js';
