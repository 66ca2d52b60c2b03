import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateEnterpriseBody,
  CreditCodeParams,
  Enterprise,
  EnterpriseList,
  EnterpriseQuery,
  IdParams,
  OrgCoverage,
  UpdateEnterpriseBody,
} from '@unionhub/contracts';
import { staffOf } from '../../platform/auth-hook.js';
import type { AppContext } from '../../platform/context.js';
import { errorResponses } from '../../platform/error-responses.js';
import { presentEnterprise } from './enterprises.presenter.js';
import {
  createEnterprise,
  getEnterpriseByCreditCode,
  getEnterpriseInScope,
  getOrgCoverage,
  listEnterprises,
  updateEnterprise,
} from './enterprises.service.js';

export const enterpriseRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/enterprises',
      {
        config: { access: { permission: 'enterprise.read' } },
        schema: {
          tags: ['enterprises'],
          summary: 'Enterprises registered in the caller’s subtree (or an org’s subtree within it)',
          description:
            'q matches any part of the name, or in Latin letters the pinyin initials from the start or the pinyin anywhere; ' +
            'sort by name (pinyin order), createdAt or employeeCount, "-" for descending.',
          querystring: EnterpriseQuery,
          response: { 200: EnterpriseList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const result = await listEnterprises(ctx, staffOf(request), request.query);
        return { items: result.items.map(presentEnterprise), total: result.total };
      },
    );

    app.post(
      '/enterprises',
      {
        config: { access: { permission: 'enterprise.write' } },
        schema: {
          tags: ['enterprises'],
          summary: 'Register an enterprise under the grassroots union that covers it, or under a higher org',
          body: CreateEnterpriseBody,
          response: { 201: Enterprise, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            presentEnterprise(await createEnterprise(ctx, staffOf(request), request.body, request.meta())),
          ),
    );

    app.get(
      '/enterprises/by-credit-code/:code',
      {
        config: { access: { permission: 'enterprise.read' } },
        schema: {
          tags: ['enterprises'],
          summary: 'Exact lookup by unified social credit code, within scope',
          params: CreditCodeParams,
          response: { 200: Enterprise, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) =>
        presentEnterprise(await getEnterpriseByCreditCode(ctx.db, staffOf(request), request.params.code)),
    );

    app.get(
      '/enterprises/:id',
      {
        config: { access: { permission: 'enterprise.read' } },
        schema: {
          tags: ['enterprises'],
          summary: 'One enterprise in the caller’s subtree',
          params: IdParams,
          response: { 200: Enterprise, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) =>
        presentEnterprise(await getEnterpriseInScope(ctx.db, staffOf(request), request.params.id)),
    );

    app.patch(
      '/enterprises/:id',
      {
        config: { access: { permission: 'enterprise.write' } },
        schema: {
          tags: ['enterprises'],
          summary: 'Change an enterprise’s details, status or covering union',
          params: IdParams,
          body: UpdateEnterpriseBody,
          response: { 200: Enterprise, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        presentEnterprise(
          await updateEnterprise(ctx, staffOf(request), request.params.id, request.body, request.meta()),
        ),
    );

    app.get(
      '/orgs/:id/coverage',
      {
        config: { access: { permission: 'enterprise.read' } },
        schema: {
          tags: ['enterprises'],
          summary: 'Union coverage of enterprises in an org’s subtree',
          params: IdParams,
          response: { 200: OrgCoverage, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => getOrgCoverage(ctx, staffOf(request), request.params.id),
    );
  };
