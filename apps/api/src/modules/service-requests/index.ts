export { actOnRequest, runEscalation } from './service-requests.handling.js';
export { serviceRequestRoutes } from './service-requests.routes.js';
export { requestEvents, requestMessages, serviceRequests } from './service-requests.schema.js';
export { rateMyRequest, submitRequest } from './service-requests.service.js';
