export { userRoutes } from './users.routes.js';
export { createStaffUser } from './users.service.js';
