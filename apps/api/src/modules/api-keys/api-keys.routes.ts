import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ApiKey,
  ApiKeyList,
  ApiKeyQuery,
  CreateApiKeyBody,
  CreatedApiKey,
  IdParams,
} from '@unionhub/contracts';
import { sessionStaffOf, staffOf } from '../../platform/auth-hook.js';
import type { AppContext } from '../../platform/context.js';
import { errorResponses } from '../../platform/error-responses.js';
import { presentApiKey } from './api-keys.presenter.js';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.service.js';

export const apiKeyRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api-keys',
      {
        config: { access: { permission: 'apikey.manage' } },
        schema: {
          tags: ['open API'],
          summary: 'Open-API keys of the caller’s subtree (never the secret)',
          querystring: ApiKeyQuery,
          response: { 200: ApiKeyList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const now = ctx.clock.now();
        return {
          items: (await listApiKeys(ctx, staffOf(request), request.query.orgId)).map((k) =>
            presentApiKey(k, now),
          ),
        };
      },
    );

    app.post(
      '/api-keys',
      {
        config: { access: { permission: 'apikey.manage' } },
        schema: {
          tags: ['open API'],
          summary: 'Create a key scoped to an org subtree; the response is the only time the key is shown',
          body: CreateApiKeyBody,
          response: { 201: CreatedApiKey, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const { row, key } = await createApiKey(ctx, sessionStaffOf(request), request.body, request.meta());
        return reply.status(201).send({ ...presentApiKey(row, ctx.clock.now()), key });
      },
    );

    app.post(
      '/api-keys/:id/revoke',
      {
        config: { access: { permission: 'apikey.manage' } },
        schema: {
          tags: ['open API'],
          summary: 'Revoke a key at once',
          params: IdParams,
          response: { 200: ApiKey, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) =>
        presentApiKey(
          await revokeApiKey(ctx, sessionStaffOf(request), request.params.id, request.meta()),
          ctx.clock.now(),
        ),
    );
  };
