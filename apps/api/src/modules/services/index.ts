export { serviceRoutes } from './services.routes.js';
export { servicePackages, services } from './services.schema.js';
export {
  changeServiceStatus,
  createPackage,
  createService,
  findMyMembership,
  getMyMembership,
  getOfferedService,
  getServiceById,
  getServiceToFile,
  type ServiceWithOrg,
  updatePackage,
} from './services.service.js';
