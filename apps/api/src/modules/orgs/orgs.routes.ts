import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateOrgBody,
  DissolveOrgBody,
  IdParams,
  MoveOrgBody,
  Org,
  OrgList,
  OrgSearchQuery,
  OrgSearchResult,
  UpdateOrgBody,
} from '@unionhub/contracts';
import { staffOf } from '../../platform/auth-hook.js';
import type { AppContext } from '../../platform/context.js';
import { errorResponses } from '../../platform/error-responses.js';
import { presentOrg, presentSearchHit } from './orgs.presenter.js';
import {
  createOrg,
  dissolveOrg,
  getOrgInScope,
  listOrgChildren,
  moveOrg,
  searchOrgs,
  updateOrg,
} from './orgs.service.js';

export const orgRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/orgs/search',
      {
        config: { access: { permission: 'org.read' } },
        schema: {
          tags: ['orgs'],
          summary: 'Search orgs of the caller’s subtree by Chinese name, pinyin or pinyin initials',
          description:
            'q in Chinese matches any part of the name; q in Latin letters matches the start of the pinyin ' +
            '(jinshui) or of the initials (jsq). Hits are ordered by relevance, then depth, and carry their ' +
            'ancestors within the caller’s subtree.',
          querystring: OrgSearchQuery,
          response: { 200: OrgSearchResult, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const result = await searchOrgs(ctx, staffOf(request), request.query);
        return { items: result.items.map(presentSearchHit), total: result.total };
      },
    );

    app.get(
      '/orgs/:id',
      {
        config: { access: { permission: 'org.read' } },
        schema: {
          tags: ['orgs'],
          summary: 'One organization in the caller’s subtree',
          params: IdParams,
          response: { 200: Org, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => presentOrg(await getOrgInScope(ctx.db, staffOf(request), request.params.id)),
    );

    app.get(
      '/orgs/:id/children',
      {
        config: { access: { permission: 'org.read' } },
        schema: {
          tags: ['orgs'],
          summary: 'Direct child organizations',
          params: IdParams,
          response: { 200: OrgList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => ({
        items: (await listOrgChildren(ctx.db, staffOf(request), request.params.id)).map(presentOrg),
      }),
    );

    app.post(
      '/orgs',
      {
        config: { access: { permission: 'org.write' } },
        schema: {
          tags: ['orgs'],
          summary: 'Create an organization under a parent in the caller’s subtree',
          body: CreateOrgBody,
          response: { 201: Org, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(presentOrg(await createOrg(ctx, staffOf(request), request.body, request.meta()))),
    );

    app.patch(
      '/orgs/:id',
      {
        config: { access: { permission: 'org.write' } },
        schema: {
          tags: ['orgs'],
          summary: 'Change an organization’s name, kind, region or details (null clears a detail)',
          params: IdParams,
          body: UpdateOrgBody,
          response: { 200: Org, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        presentOrg(await updateOrg(ctx, staffOf(request), request.params.id, request.body, request.meta())),
    );

    app.post(
      '/orgs/:id/move',
      {
        config: { access: { permission: 'org.write' } },
        schema: {
          tags: ['orgs'],
          summary: 'Move an organization with its whole subtree under another parent',
          params: IdParams,
          body: MoveOrgBody,
          response: { 200: Org, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        presentOrg(await moveOrg(ctx, staffOf(request), request.params.id, request.body, request.meta())),
    );

    app.post(
      '/orgs/:id/dissolve',
      {
        config: { access: { permission: 'org.write' } },
        schema: {
          tags: ['orgs'],
          summary: 'Dissolve an organization that has no child orgs, staff users or enterprises',
          params: IdParams,
          body: DissolveOrgBody,
          response: { 200: Org, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        presentOrg(await dissolveOrg(ctx, staffOf(request), request.params.id, request.body, request.meta())),
    );
  };
