export { insertUser as insertStaffUser } from './users.repository.js';
export { userRoutes } from './users.routes.js';
export { createStaffUser } from './users.service.js';
