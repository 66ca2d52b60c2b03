export { cardRoutes } from './cards.routes.js';
export { cardSerials, cardVerifications, memberCards } from './cards.schema.js';
export { insertNewCard } from './cards.service.js';
