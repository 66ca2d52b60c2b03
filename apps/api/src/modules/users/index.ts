export { userRoutes } from './users.routes.js';
export { insertUser as insertStaffUser } from './users.repository.js';
export { createStaffUser } from './users.service.js';
