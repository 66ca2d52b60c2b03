import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  Card,
  CardList,
  CardPublicKey,
  CardReasonBody,
  CardVerification,
  IdParams,
  MyCard,
  VerifyCardBody,
} from '@unionhub/contracts';
import { memberOf, staffOf } from '../../platform/auth-hook.js';
import type { AppContext } from '../../platform/context.js';
import { errorResponses } from '../../platform/error-responses.js';
import { CARD_TOKEN_PREFIX, CARD_TOKEN_TTL_SECONDS } from './card-token.js';
import type { CardAction } from './cards.policy.js';
import { presentCard, presentMyCard } from './cards.presenter.js';
import {
  cardPublicKey,
  changeCardStatus,
  getMyCard,
  issueCard,
  listMemberCards,
  verifyCardToken,
} from './cards.service.js';

const actions: { action: CardAction; summary: string; withReason: boolean }[] = [
  {
    action: 'suspend',
    summary: 'Suspend a card (lost, under review); its QR codes stop passing',
    withReason: true,
  },
  { action: 'resume', summary: 'Make a suspended card active again', withReason: false },
  { action: 'revoke', summary: 'Revoke a card for good', withReason: true },
  {
    action: 'reissue',
    summary: 'Replace a card with a new number (lost, damaged); answers the new card',
    withReason: true,
  },
];

export const cardRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/members/:id/card',
      {
        config: { access: { permission: 'card.manage' } },
        schema: {
          tags: ['cards'],
          summary: 'Issue a member card: number from the union’s region, the year and the next serial',
          params: IdParams,
          response: { 201: Card, ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(presentCard(await issueCard(ctx, staffOf(request), request.params.id, request.meta()))),
    );

    app.get(
      '/members/:id/cards',
      {
        config: { access: { permission: 'card.manage' } },
        schema: {
          tags: ['cards'],
          summary: 'Every card the member has held, newest first',
          params: IdParams,
          response: { 200: CardList, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => ({
        items: (await listMemberCards(ctx, staffOf(request), request.params.id)).map(presentCard),
      }),
    );

    for (const { action, summary, withReason } of actions)
      app.post(
        `/cards/:id/${action}`,
        {
          config: { access: { permission: 'card.manage' } },
          schema: {
            tags: ['cards'],
            summary,
            params: IdParams,
            ...(withReason ? { body: CardReasonBody } : {}),
            response: { 200: Card, ...errorResponses(400, 401, 403, 404, 409) },
          },
        },
        async (request) =>
          presentCard(
            await changeCardStatus(
              ctx,
              staffOf(request),
              request.params.id,
              action,
              (request.body ?? {}) as Partial<CardReasonBody>,
              request.meta(),
            ),
          ),
      );

    app.get(
      '/me/card',
      {
        config: { access: 'member' },
        schema: {
          tags: ['cards'],
          summary: 'The signed-in member’s card with a fresh 60-second QR token',
          response: { 200: MyCard, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => {
        const { card, token, expiresAt } = await getMyCard(ctx, memberOf(request));
        return presentMyCard(card, token, expiresAt);
      },
    );

    app.get(
      '/cards/public-key',
      {
        config: { access: 'public' },
        schema: {
          tags: ['cards'],
          summary: 'The Ed25519 key that signs card QR tokens, for terminals that verify offline',
          response: { 200: CardPublicKey },
        },
      },
      async () => ({
        algorithm: 'Ed25519' as const,
        ...cardPublicKey(ctx),
        tokenPrefix: CARD_TOKEN_PREFIX,
        ttlSeconds: CARD_TOKEN_TTL_SECONDS,
      }),
    );

    app.post(
      '/cards/verify',
      {
        config: { access: { permission: 'card.verify' } },
        schema: {
          tags: ['cards'],
          summary:
            'Check a card QR token: signature, window, card status, single use per verifier. Any union’s card; answers the masked name only',
          body: VerifyCardBody,
          response: { 200: CardVerification, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => verifyCardToken(ctx, staffOf(request), request.body.token),
    );
  };
