import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IdParams,
  Notification,
  NotificationList,
  NotificationPreferences,
  NotificationQuery,
  UpdateNotificationPreferencesBody,
} from '@unionhub/contracts';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { actorOf, sessionStaffOf } from '../../platform/auth-hook.js';
import type { AppContext } from '../../platform/context.js';
import { errorResponses } from '../../platform/error-responses.js';
import { presentNotification } from './notifications.presenter.js';
import {
  getMyPreferences,
  listMyNotifications,
  markAllMyNotificationsRead,
  markMyNotificationRead,
  updateMyPreferences,
} from './notifications.service.js';

const tags = ['notifications'];

/** A person with an inbox: a member, or staff signed in with a session (an API key has none). */
const personOf = (request: FastifyRequest) => {
  const actor = actorOf(request);
  return actor.kind === 'member' ? actor : sessionStaffOf(request);
};

/**
 * The inbox and notification choices of whoever is signed in — a member in the member app, a staff
 * user in the admin console — under /me.
 */
export const notificationRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/me/notifications',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'The caller’s inbox, newest first, with the unread count',
          querystring: NotificationQuery,
          response: { 200: NotificationList, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => {
        const result = await listMyNotifications(ctx, personOf(request), request.query);
        return { items: result.items.map(presentNotification), total: result.total, unread: result.unread };
      },
    );

    app.post(
      '/me/notifications/:id/read',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Mark one notification read',
          params: IdParams,
          response: { 200: Notification, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) =>
        presentNotification(await markMyNotificationRead(ctx, personOf(request), request.params.id)),
    );

    app.post(
      '/me/notifications/read-all',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Mark every notification read',
          response: {
            200: Type.Object({ updated: Type.Integer({ minimum: 0 }) }),
            ...errorResponses(401, 403),
          },
        },
      },
      async (request) => ({ updated: await markAllMyNotificationsRead(ctx, personOf(request)) }),
    );

    app.get(
      '/me/notification-preferences',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Which notices reach the caller by text message or e-mail (the inbox always keeps them)',
          response: { 200: NotificationPreferences, ...errorResponses(401, 403) },
        },
      },
      async (request) => getMyPreferences(ctx, personOf(request)),
    );

    app.put(
      '/me/notification-preferences',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Choose per topic and channel; staff may set the work e-mail notices go to',
          body: UpdateNotificationPreferencesBody,
          response: { 200: NotificationPreferences, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => updateMyPreferences(ctx, personOf(request), request.body),
    );
  };
