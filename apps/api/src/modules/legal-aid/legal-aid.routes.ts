import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AssignLegalAidBody,
  IdParams,
  LegalAidCase,
  LegalAidCaseList,
  LegalAidCaseQuery,
  LegalAidCreated,
  LegalAidDraft,
  LegalAidOutcomeBody,
  LegalAidProviderChoices,
  LegalAidStepBody,
  SubmitRequestBody,
} from '@unionhub/contracts';
import Type from 'typebox';
import { memberOf, staffOf } from '../../platform/auth-hook.js';
import type { AppContext } from '../../platform/context.js';
import { errorResponses } from '../../platform/error-responses.js';
import { addStep, assignLawyer, providerChoices, recordOutcome } from './legal-aid.handling.js';
import { legalAidDraft } from './legal-aid.prefill.js';
import { applyFromConsultation, getMyCase, getStaffCase } from './legal-aid.service.js';
import { getLawyerCase, listLawyerCases } from './legal-aid.workspace.js';

const tags = ['legal-aid'];
const member = { access: 'member' as const };
const read = { access: { permission: 'request.read' as const } };
const handle = { access: { permission: 'request.handle' as const } };
const answer = { access: { permission: 'legal.answer' as const } };
const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })),
});

export const legalAidRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    // ── Member ──
    app.get(
      '/me/legal/consultations/:id/legal-aid',
      {
        config: member,
        schema: {
          tags,
          summary:
            'The legal-aid form to open from a consultation: the service offered to me and values taken from the consultation',
          params: IdParams,
          response: { 200: LegalAidDraft, ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request) => legalAidDraft(ctx, memberOf(request), request.params.id),
    );

    app.post(
      '/me/legal/consultations/:id/legal-aid',
      {
        config: member,
        schema: {
          tags,
          summary:
            '申请法律援助 from an answered consultation: the legal-aid form (serviceId of a legal_aid service, data, attachments), linked to the consultation; someone else’s → 404, a second time → 409 naming the request',
          params: IdParams,
          headers: IdempotencyHeaders,
          body: SubmitRequestBody,
          response: { 201: LegalAidCreated, ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const requestId = await applyFromConsultation(
          ctx,
          memberOf(request),
          request.params.id,
          request.body,
          request.headers['idempotency-key'],
          request.meta(),
        );
        return reply.code(201).send({ requestId });
      },
    );

    app.get(
      '/me/requests/:id/legal-aid',
      {
        config: member,
        schema: {
          tags,
          summary: 'The case of my legal-aid request: lawyer, steps, outcome, the consultation thread',
          params: IdParams,
          response: { 200: LegalAidCase, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => getMyCase(ctx, memberOf(request), request.params.id),
    );

    // ── Staff ──
    app.get(
      '/legal-aid/cases/:id',
      {
        config: read,
        schema: {
          tags,
          summary: 'The case of a legal-aid request in my subtree (by request id)',
          params: IdParams,
          response: { 200: LegalAidCase, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => getStaffCase(ctx, staffOf(request), request.params.id),
    );

    app.get(
      '/legal-aid/cases/:id/providers',
      {
        config: handle,
        schema: {
          tags,
          summary:
            'Lawyers the handling union may assign (its own and those of unions above it); the one who answered the consultation first',
          params: IdParams,
          response: { 200: LegalAidProviderChoices, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => providerChoices(ctx, staffOf(request), request.params.id),
    );

    app.put(
      '/legal-aid/cases/:id/provider',
      {
        config: handle,
        schema: {
          tags,
          summary:
            'Assign or reassign the lawyer (accepted or in-progress request); a provider the union may not use → 404',
          params: IdParams,
          body: AssignLegalAidBody,
          response: { 200: LegalAidCase, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const actor = staffOf(request);
        await assignLawyer(ctx, actor, request.params.id, request.body.providerId, request.meta());
        return getStaffCase(ctx, actor, request.params.id);
      },
    );

    // ── Lawyer workspace ──
    app.get(
      '/legal/workspace/aid-cases',
      {
        config: answer,
        schema: {
          tags,
          summary: '援助案件: the legal-aid cases given to me',
          querystring: LegalAidCaseQuery,
          response: { 200: LegalAidCaseList, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => listLawyerCases(ctx, staffOf(request), request.query),
    );

    app.get(
      '/legal/workspace/aid-cases/:id',
      {
        config: answer,
        schema: {
          tags,
          summary: 'A legal-aid case given to me; another lawyer’s → 404',
          params: IdParams,
          response: { 200: LegalAidCase, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => getLawyerCase(ctx, staffOf(request), request.params.id),
    );

    app.post(
      '/legal/workspace/aid-cases/:id/steps',
      {
        config: answer,
        schema: {
          tags,
          summary: 'Record a step (调解, 劳动仲裁, 诉讼, 其他) with its date, note, result and files',
          params: IdParams,
          body: LegalAidStepBody,
          response: { 201: LegalAidCase, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const actor = staffOf(request);
        await addStep(ctx, actor, request.params.id, request.body, request.meta());
        return reply.code(201).send(await getLawyerCase(ctx, actor, request.params.id));
      },
    );

    app.put(
      '/legal/workspace/aid-cases/:id/outcome',
      {
        config: answer,
        schema: {
          tags,
          summary: 'Record the outcome and the amount recovered (once); then staff may complete the request',
          params: IdParams,
          body: LegalAidOutcomeBody,
          response: { 200: LegalAidCase, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const actor = staffOf(request);
        await recordOutcome(ctx, actor, request.params.id, request.body, request.meta());
        return getLawyerCase(ctx, actor, request.params.id);
      },
    );
  };
