import Type, { type Static } from 'typebox';
import { Id, StringEnum, Timestamp } from './common.js';

/**
 * What a notification is about. Users choose per topic which channels reach them; the in-app
 * inbox always keeps a copy.
 */
export const NotificationTopics = ['membership', 'service_request', 'job', 'message', 'system'] as const;
export type NotificationTopic = (typeof NotificationTopics)[number];

/** Channels besides the in-app inbox. */
export const NotificationChannels = ['sms', 'email'] as const;
export type NotificationChannel = (typeof NotificationChannels)[number];

export const Notification = Type.Object({
  id: Id,
  topic: StringEnum(NotificationTopics),
  kind: Type.String({ description: 'The event, e.g. request.accepted' }),
  title: Type.String(),
  body: Type.String(),
  link: Type.Union([Type.String(), Type.Null()], { description: 'Where the app opens it' }),
  readAt: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
});
export type Notification = Static<typeof Notification>;

export const NotificationList = Type.Object({
  items: Type.Array(Notification),
  total: Type.Integer({ minimum: 0 }),
  unread: Type.Integer({ minimum: 0 }),
});
export type NotificationList = Static<typeof NotificationList>;

export const NotificationQuery = Type.Object(
  {
    unread: Type.Optional(Type.Boolean({ description: 'Only the unread ones' })),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type NotificationQuery = Static<typeof NotificationQuery>;

export const NotificationPreference = Type.Object(
  {
    topic: StringEnum(NotificationTopics),
    channel: StringEnum(NotificationChannels),
    enabled: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type NotificationPreference = Static<typeof NotificationPreference>;

export const NotificationPreferences = Type.Object(
  {
    items: Type.Array(NotificationPreference, { maxItems: 20 }),
    /** Channels the caller can be reached on at all (a member without e-mail has no e-mail channel). */
    available: Type.Array(StringEnum(NotificationChannels)),
    email: Type.Union([Type.String(), Type.Null()], {
      description: 'Staff only: the work e-mail notices go to',
    }),
  },
  { additionalProperties: false },
);
export type NotificationPreferences = Static<typeof NotificationPreferences>;

export const UpdateNotificationPreferencesBody = Type.Object(
  {
    items: Type.Array(NotificationPreference, { maxItems: 20 }),
    email: Type.Optional(
      Type.Union([Type.String({ format: 'email', maxLength: 120 }), Type.Null()], {
        description: 'Staff only: the work e-mail notices go to; null removes it',
      }),
    ),
  },
  { additionalProperties: false },
);
export type UpdateNotificationPreferencesBody = Static<typeof UpdateNotificationPreferencesBody>;

/**
 * Defaults when a user has not chosen: members get text messages about their requests and
 * membership, not marketing; staff rely on the inbox and e-mail.
 */
export const DEFAULT_NOTIFICATION_PREFERENCES: Record<
  'member' | 'staff',
  Record<NotificationTopic, Record<NotificationChannel, boolean>>
> = {
  member: {
    membership: { sms: true, email: false },
    service_request: { sms: true, email: false },
    job: { sms: true, email: false },
    message: { sms: false, email: false },
    system: { sms: false, email: false },
  },
  staff: {
    membership: { sms: false, email: false },
    service_request: { sms: false, email: true },
    job: { sms: false, email: false },
    message: { sms: false, email: false },
    system: { sms: false, email: true },
  },
};
