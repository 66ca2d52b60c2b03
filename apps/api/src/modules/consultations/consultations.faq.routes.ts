import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  FaqEntry,
  FaqList,
  FaqQuery,
  IdParams,
  LegalSettings,
  PublicFaqQuery,
  UpdateFaqBody,
  UpdateLegalSettingsBody,
} from '@unionhub/contracts';
import { memberOf, staffOf } from '../../platform/auth-hook.js';
import type { AppContext } from '../../platform/context.js';
import { errorResponses } from '../../platform/error-responses.js';
import {
  getFaqInScope,
  getLegalSettings,
  listFaqForReview,
  reviewFaq,
  searchFaq,
  updateFaq,
  updateLegalSettings,
} from './consultations.faq.js';
import { presentFaq } from './consultations.presenter.js';

const tags = ['consultations'];
const read = { access: { permission: 'legal.read' as const } };
const manage = { access: { permission: 'legal.manage' as const } };

export const faqRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/legal/faq',
      {
        config: manage,
        schema: {
          tags,
          summary: '问答审核: FAQ entries of the subtree by status (pending first)',
          querystring: FaqQuery,
          response: { 200: FaqList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const r = await listFaqForReview(ctx, staffOf(request), request.query);
        return { items: r.items.map(presentFaq), total: r.total };
      },
    );

    app.get(
      '/legal/faq/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'One FAQ entry',
          params: IdParams,
          response: { 200: FaqEntry, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => presentFaq(await getFaqInScope(ctx.db, staffOf(request), request.params.id)),
    );

    app.patch(
      '/legal/faq/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Edit the redacted question and answer',
          params: IdParams,
          body: UpdateFaqBody,
          response: { 200: FaqEntry, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) =>
        presentFaq(await updateFaq(ctx, staffOf(request), request.params.id, request.body, request.meta())),
    );

    for (const decision of ['publish', 'reject'] as const)
      app.post(
        `/legal/faq/:id/${decision}`,
        {
          config: manage,
          schema: {
            tags,
            summary: decision === 'publish' ? 'Publish: members can find it' : 'Reject: it is not published',
            params: IdParams,
            response: { 200: FaqEntry, ...errorResponses(401, 403, 404, 409) },
          },
        },
        async (request) =>
          presentFaq(await reviewFaq(ctx, staffOf(request), request.params.id, decision, request.meta())),
      );

    app.get(
      '/me/legal/faq',
      {
        config: { access: 'member' },
        schema: {
          tags,
          summary: '常见问题: published entries, searched by Chinese substring and field',
          querystring: PublicFaqQuery,
          response: { 200: FaqList, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => {
        memberOf(request);
        const r = await searchFaq(ctx, request.query);
        return { items: r.items.map(presentFaq), total: r.total };
      },
    );

    app.get(
      '/legal/settings/:id',
      {
        config: read,
        schema: {
          tags,
          summary: 'A union’s consultation settings (pick-up time)',
          params: IdParams,
          response: { 200: LegalSettings, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => getLegalSettings(ctx, staffOf(request), request.params.id),
    );

    app.put(
      '/legal/settings/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Set the minutes a lawyer has to pick a question up before it moves on',
          params: IdParams,
          body: UpdateLegalSettingsBody,
          response: { 200: LegalSettings, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) =>
        updateLegalSettings(
          ctx,
          staffOf(request),
          request.params.id,
          request.body.pickupTimeoutMinutes,
          request.meta(),
        ),
    );
  };
