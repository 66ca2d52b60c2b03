export { getApplicant, moveApplicant } from './jobs.applications.js';
export { applyForJob } from './jobs.board.js';
export { jobBoardRoutes } from './jobs.board.routes.js';
export { createFair } from './jobs.fairs.js';
export { jobRoutes } from './jobs.routes.js';
export { jobApplications, jobFairEnterprises, jobFairJobs, jobFairs, jobs } from './jobs.schema.js';
export { runSearch, searchConditions, searchQueries, searchStatements, TOTAL_CAP } from './jobs.search.js';
export {
  regionKeys,
  regionQueryKey,
  searchBigrams,
  searchQueryKeys,
  searchTextOf,
} from './jobs.search-text.js';
export { createJob, recruiterAct, staffAct } from './jobs.service.js';
