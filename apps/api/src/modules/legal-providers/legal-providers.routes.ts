import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CopyDutyWeekBody,
  CreateDutySlotBody,
  CreateProviderBody,
  DutySlot,
  DutyWeek,
  DutyWeekQuery,
  IdParams,
  LegalProvider,
  LegalProviderList,
  ProviderQuery,
  PublicProviderList,
  PublicProviderQuery,
  SwapDutySlotsBody,
  UpdateDutySlotBody,
  UpdateProviderBody,
} from '@unionhub/contracts';
import Type from 'typebox';
import { memberOf, staffOf } from '../../platform/auth-hook.js';
import type { AppContext } from '../../platform/context.js';
import { errorResponses } from '../../platform/error-responses.js';
import {
  copyWeek,
  createSlot,
  deleteSlot,
  getDutyWeek,
  swapSlots,
  updateSlot,
} from './legal-providers.duty.js';
import { presentProvider, presentPublicProvider } from './legal-providers.presenter.js';
import {
  createProvider,
  getProviderInScope,
  listProviders,
  listPublicProviders,
  updateProvider,
} from './legal-providers.service.js';

const tags = ['legal providers'];
const read = { access: { permission: 'legal.read' as const } };
const manage = { access: { permission: 'legal.manage' as const } };

export const legalProviderRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/legal/providers',
      {
        config: read,
        schema: {
          tags,
          summary: 'Lawyers and volunteers of the caller’s unions (phones masked)',
          querystring: ProviderQuery,
          response: { 200: LegalProviderList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const result = await listProviders(ctx, staffOf(request), request.query);
        return { items: result.items.map(presentProvider), total: result.total };
      },
    );

    app.post(
      '/legal/providers',
      {
        config: manage,
        schema: {
          tags,
          summary:
            'Register a lawyer or volunteer, optionally with a sign-in (role lawyer) in the same union',
          body: CreateProviderBody,
          response: { 201: LegalProvider, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const row = await createProvider(ctx, staffOf(request), request.body, request.meta());
        return reply.code(201).send(presentProvider(row));
      },
    );

    app.get(
      '/legal/providers/:id',
      {
        config: read,
        schema: {
          tags,
          summary: 'One provider',
          params: IdParams,
          response: { 200: LegalProvider, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) =>
        presentProvider(await getProviderInScope(ctx.db, staffOf(request), request.params.id)),
    );

    app.patch(
      '/legal/providers/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Edit a provider, or set it inactive (it then gets no new consultations)',
          params: IdParams,
          body: UpdateProviderBody,
          response: { 200: LegalProvider, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        presentProvider(
          await updateProvider(ctx, staffOf(request), request.params.id, request.body, request.meta()),
        ),
    );

    app.get(
      '/me/legal/providers',
      {
        config: { access: 'member' },
        schema: {
          tags,
          summary: '律师名录: active lawyers and volunteers by field and region — no contacts',
          querystring: PublicProviderQuery,
          response: { 200: PublicProviderList, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => {
        memberOf(request);
        const result = await listPublicProviders(ctx, request.query);
        return { items: result.items.map(presentPublicProvider), total: result.total };
      },
    );

    app.get(
      '/legal/duty',
      {
        config: read,
        schema: {
          tags,
          summary: 'A union’s duty week (China time, Monday to Monday): slots and uncovered gaps',
          querystring: DutyWeekQuery,
          response: { 200: DutyWeek, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => getDutyWeek(ctx, staffOf(request), request.query),
    );

    app.post(
      '/legal/duty-slots',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Put a provider on duty; 409 naming the slot when they are on duty elsewhere then',
          body: CreateDutySlotBody,
          response: { 201: DutySlot, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createSlot(ctx, staffOf(request), request.body, request.meta())),
    );

    app.patch(
      '/legal/duty-slots/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Move, resize or hand over a slot',
          params: IdParams,
          body: UpdateDutySlotBody,
          response: { 200: DutySlot, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => updateSlot(ctx, staffOf(request), request.params.id, request.body, request.meta()),
    );

    app.delete(
      '/legal/duty-slots/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Remove a slot',
          params: IdParams,
          response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
        },
      },
      async (request, reply) => {
        await deleteSlot(ctx, staffOf(request), request.params.id, request.meta());
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/legal/duty/copy-week',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Copy a week’s slots to another week (复制到下周); all or nothing',
          body: CopyDutyWeekBody,
          response: {
            200: Type.Object({ copied: Type.Integer({ minimum: 0 }), weekShiftDays: Type.Integer() }),
            ...errorResponses(400, 401, 403, 404, 409),
          },
        },
      },
      async (request) => copyWeek(ctx, staffOf(request), request.body, request.meta()),
    );

    app.post(
      '/legal/duty-slots/swap',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Two slots exchange their providers (交换)',
          body: SwapDutySlotsBody,
          response: { 200: Type.Array(DutySlot), ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => swapSlots(ctx, staffOf(request), request.body, request.meta()),
    );
  };
