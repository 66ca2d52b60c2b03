import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateMyTransferBody,
  CreateTransferBody,
  IdParams,
  RejectTransferBody,
  Transfer,
  TransferDetail,
  TransferList,
  TransferQuery,
  UnionChoiceList,
  UnionSearchQuery,
} from '@unionhub/contracts';
import Type from 'typebox';
import { memberOf, staffOf } from '../../platform/auth-hook.js';
import type { AppContext } from '../../platform/context.js';
import { errorResponses } from '../../platform/error-responses.js';
import { presentTransfer, presentTransferDetail } from './transfers.presenter.js';
import {
  actionsFor,
  actOnTransfer,
  findTransferDestinations,
  getTransferWithHistory,
  listMyTransfers,
  listTransfers,
  startMyTransfer,
  startTransferByStaff,
} from './transfers.service.js';

const tags = ['transfers'];

export const transferRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/transfers',
      {
        config: { access: { permission: 'member.write' } },
        schema: {
          tags,
          summary: 'Start a transfer of a member of the caller’s subtree to another grassroots union',
          body: CreateTransferBody,
          response: { 201: Transfer, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const actor = staffOf(request);
        const t = await startTransferByStaff(ctx, actor, request.body, request.meta());
        return reply.status(201).send(presentTransfer(t, actionsFor(actor, t)));
      },
    );

    app.get(
      '/transfers/destinations',
      {
        config: { access: { permission: 'member.write' } },
        schema: {
          tags,
          summary:
            'Grassroots unions a member may be transferred to, anywhere: by employer credit code, name (Chinese or pinyin) or region',
          querystring: UnionSearchQuery,
          response: { 200: UnionChoiceList, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => {
        const unions = await findTransferDestinations(ctx, request.query);
        return {
          items: unions.map((o) => ({
            id: o.id,
            name: o.name,
            regionCode: o.regionCode,
            address: o.address,
          })),
        };
      },
    );

    app.get(
      '/transfers',
      {
        config: { access: { permission: 'member.read' } },
        schema: {
          tags,
          summary: 'Transfers out of the subtree, and into it once the origin approved',
          querystring: TransferQuery,
          response: { 200: TransferList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const actor = staffOf(request);
        const result = await listTransfers(ctx, actor, request.query);
        return {
          items: result.items.map((t) => presentTransfer(t, actionsFor(actor, t))),
          total: result.total,
        };
      },
    );

    app.get(
      '/transfers/:id',
      {
        config: { access: { permission: 'member.read' } },
        schema: {
          tags,
          summary: 'A transfer with every step',
          params: IdParams,
          response: { 200: TransferDetail, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => {
        const actor = staffOf(request);
        const { transfer, history } = await getTransferWithHistory(ctx, actor, request.params.id);
        return presentTransferDetail(transfer, history, actionsFor(actor, transfer));
      },
    );

    for (const action of ['approve', 'cancel'] as const)
      app.post(
        `/transfers/:id/${action}`,
        {
          config: { access: { permission: 'member.write' } },
          schema: {
            tags,
            summary:
              action === 'approve'
                ? 'Approve: the origin first, then the destination (which completes the transfer)'
                : 'Withdraw a transfer the origin union started, while it is pending',
            params: IdParams,
            response: { 200: Transfer, ...errorResponses(401, 403, 404, 409) },
          },
        },
        async (request) => {
          const actor = staffOf(request);
          const t = await actOnTransfer(ctx, actor, request.params.id, action, null, request.meta());
          return presentTransfer(t, actionsFor(actor, t));
        },
      );

    app.post(
      '/transfers/:id/reject',
      {
        config: { access: { permission: 'member.write' } },
        schema: {
          tags,
          summary: 'Reject with a reason: the origin while it waits for the origin, then the destination',
          params: IdParams,
          body: RejectTransferBody,
          response: { 200: Transfer, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const actor = staffOf(request);
        const t = await actOnTransfer(
          ctx,
          actor,
          request.params.id,
          'reject',
          request.body.reason,
          request.meta(),
        );
        return presentTransfer(t, actionsFor(actor, t));
      },
    );

    app.post(
      '/me/transfers',
      {
        config: { access: 'member' },
        schema: {
          tags,
          summary: 'The signed-in member asks to move their membership to another grassroots union',
          body: CreateMyTransferBody,
          response: { 201: Transfer, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const actor = memberOf(request);
        const t = await startMyTransfer(ctx, actor, request.body, request.meta());
        return reply.status(201).send(presentTransfer(t, actionsFor(actor, t)));
      },
    );

    app.get(
      '/me/transfers',
      {
        config: { access: 'member' },
        schema: {
          tags,
          summary: 'The signed-in member’s transfers with their state',
          response: { 200: Type.Object({ items: Type.Array(Transfer) }), ...errorResponses(401, 403) },
        },
      },
      async (request) => {
        const actor = memberOf(request);
        const rows = await listMyTransfers(ctx, actor);
        return { items: rows.map((t) => presentTransfer(t, actionsFor(actor, t))) };
      },
    );

    app.get(
      '/me/transfers/:id',
      {
        config: { access: 'member' },
        schema: {
          tags,
          summary: 'One of the signed-in member’s transfers with every step',
          params: IdParams,
          response: { 200: TransferDetail, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => {
        const actor = memberOf(request);
        const { transfer, history } = await getTransferWithHistory(ctx, actor, request.params.id);
        return presentTransferDetail(transfer, history, actionsFor(actor, transfer));
      },
    );

    app.post(
      '/me/transfers/:id/cancel',
      {
        config: { access: 'member' },
        schema: {
          tags,
          summary: 'Withdraw a transfer the member started, while it is pending',
          params: IdParams,
          response: { 200: Transfer, ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request) => {
        const actor = memberOf(request);
        const t = await actOnTransfer(ctx, actor, request.params.id, 'cancel', null, request.meta());
        return presentTransfer(t, actionsFor(actor, t));
      },
    );
  };
