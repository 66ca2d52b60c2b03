export { serviceRoutes } from './services.routes.js';
export { servicePackages, services } from './services.schema.js';
export {
  findMyMembership,
  getMyMembership,
  getOfferedService,
  getServiceById,
  type ServiceWithOrg,
} from './services.service.js';
