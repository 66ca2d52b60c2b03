export { notificationRoutes } from './notifications.routes.js';
export {
  notificationContacts,
  notificationDeliveries,
  notificationPreferences,
  notifications,
} from './notifications.schema.js';
export {
  deliverDueNotifications,
  type NoticeInput,
  notify,
  notifyMemberByPhone,
  notifyOrgStaff,
  type Recipient,
} from './notifications.service.js';
