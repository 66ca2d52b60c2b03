export { type CompletionCheck, registerCompletionCheck } from './service-requests.completion.js';
export { actOnRequest, getRequestInScope, runEscalation } from './service-requests.handling.js';
export { serviceRequestRoutes } from './service-requests.routes.js';
export { requestEvents, requestMessages, serviceRequests } from './service-requests.schema.js';
export { getMyRequest, rateMyRequest, submitRequest } from './service-requests.service.js';
