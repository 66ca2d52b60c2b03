export { lectureRoutes } from './lectures.routes.js';
export { lectureRegistrations, lectures } from './lectures.schema.js';
