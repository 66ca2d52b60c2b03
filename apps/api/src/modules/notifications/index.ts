export { notificationRoutes } from './notifications.routes.js';
export {
  notificationContacts,
  notificationDeliveries,
  notificationPreferences,
  notifications,
} from './notifications.schema.js';
export {
  type DeliveryOptions,
  deliverDueNotifications,
  drainDueNotifications,
  type NoticeInput,
  notify,
  notifyMemberByPhone,
  notifyOrgStaff,
  type Recipient,
} from './notifications.service.js';
