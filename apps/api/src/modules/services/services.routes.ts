import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreatePackageBody,
  CreateServiceBody,
  IdParams,
  MemberCatalogue,
  OfferedService,
  Service,
  ServiceList,
  ServicePackage,
  ServicePackageList,
  ServiceQuery,
  UpdatePackageBody,
  UpdateServiceBody,
} from '@unionhub/contracts';
import Type from 'typebox';
import { memberOf, staffOf } from '../../platform/auth-hook.js';
import type { AppContext } from '../../platform/context.js';
import { errorResponses } from '../../platform/error-responses.js';
import { presentOffered, presentPackage, presentService } from './services.presenter.js';
import {
  changeServiceStatus,
  createPackage,
  createService,
  getMyCatalogue,
  getMyMembership,
  getOfferedService,
  getService,
  listPackages,
  listServices,
  updatePackage,
  updateService,
} from './services.service.js';

const tags = ['services'];
const manage = { access: { permission: 'service.manage' as const } };
const read = { access: { permission: 'request.read' as const } };

export const serviceRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/services',
      {
        config: read,
        schema: {
          tags,
          summary: 'The service catalogue kept by the caller’s subtree (or one union of it)',
          querystring: ServiceQuery,
          response: { 200: ServiceList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const result = await listServices(ctx, staffOf(request), request.query);
        return { items: result.items.map(presentService), total: result.total };
      },
    );

    app.post(
      '/services',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Draft a service item: its form, required documents, promised times and handling union',
          body: CreateServiceBody,
          response: { 201: Service, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(presentService(await createService(ctx, staffOf(request), request.body, request.meta()))),
    );

    app.get(
      '/services/:id',
      {
        config: read,
        schema: {
          tags,
          summary: 'One service item',
          params: IdParams,
          response: { 200: Service, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => presentService(await getService(ctx, staffOf(request), request.params.id)),
    );

    app.patch(
      '/services/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Edit a service item (open requests keep the form they were filed with)',
          params: IdParams,
          body: UpdateServiceBody,
          response: { 200: Service, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) =>
        presentService(
          await updateService(ctx, staffOf(request), request.params.id, request.body, request.meta()),
        ),
    );

    for (const action of ['publish', 'withdraw'] as const)
      app.post(
        `/services/:id/${action}`,
        {
          config: manage,
          schema: {
            tags,
            summary:
              action === 'publish'
                ? 'Offer the service to the members of the union’s subtree'
                : 'Stop offering it (requests already filed go on)',
            params: IdParams,
            response: { 200: Service, ...errorResponses(401, 403, 404, 409) },
          },
        },
        async (request) =>
          presentService(
            await changeServiceStatus(ctx, staffOf(request), request.params.id, action, request.meta()),
          ),
      );

    app.get(
      '/service-packages',
      {
        config: read,
        schema: {
          tags,
          summary: 'Service packages of the caller’s subtree',
          querystring: Type.Object(
            { orgId: Type.Optional(Type.Integer({ minimum: 1 })) },
            { additionalProperties: false },
          ),
          response: { 200: ServicePackageList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => ({
        items: (await listPackages(ctx, staffOf(request), request.query.orgId)).map(presentPackage),
      }),
    );

    app.post(
      '/service-packages',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Bundle published services for a target group (服务套餐)',
          body: CreatePackageBody,
          response: { 201: ServicePackage, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(presentPackage(await createPackage(ctx, staffOf(request), request.body, request.meta()))),
    );

    app.patch(
      '/service-packages/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Edit, publish or withdraw a package',
          params: IdParams,
          body: UpdatePackageBody,
          response: { 200: ServicePackage, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) =>
        presentPackage(
          await updatePackage(ctx, staffOf(request), request.params.id, request.body, request.meta()),
        ),
    );

    app.get(
      '/me/services',
      {
        config: { access: 'member' },
        schema: {
          tags,
          summary:
            'The member’s service hall: packages meant for them first, then every service offered to them',
          response: { 200: MemberCatalogue, ...errorResponses(401, 403) },
        },
      },
      async (request) => {
        const catalogue = await getMyCatalogue(ctx, memberOf(request));
        return {
          packages: catalogue.packages.map((p) => ({
            id: p.pkg.id,
            name: p.pkg.name,
            description: p.pkg.description,
            orgName: p.pkg.orgName,
            services: p.services.map((s) => presentOffered(s.service, s.reason)),
          })),
          services: catalogue.services.map((s) => presentOffered(s.service, s.reason)),
        };
      },
    );

    app.get(
      '/me/services/:id',
      {
        config: { access: 'member' },
        schema: {
          tags,
          summary: 'One service offered to the member, with its form',
          params: IdParams,
          response: { 200: OfferedService, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => {
        const member = await getMyMembership(ctx, memberOf(request));
        const { service, reason } = await getOfferedService(ctx, member, request.params.id);
        return presentOffered(service, reason);
      },
    );
  };
