import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  LoginBody,
  LogoutBody,
  Me,
  OtpRequestBody,
  OtpVerifyBody,
  PasswordChangeBody,
  RefreshBody,
  TokenPair,
  TotpConfirmBody,
  TotpDisableBody,
  TotpSetup,
} from '@unionhub/contracts';
import { actorOf, sessionStaffOf } from '../../platform/auth-hook.js';
import type { AppContext } from '../../platform/context.js';
import { errorResponses } from '../../platform/error-responses.js';
import { AppError } from '../../platform/errors.js';
import type { AuthService } from './auth.service.js';
import { describeMe } from './me.service.js';

/** Per client address, on top of the per-account lockout and per-phone code limits. */
const signInLimit = { max: 20, timeWindow: '1 minute' };
const codeLimit = { max: 10, timeWindow: '1 minute' };

export const authRoutes =
  (ctx: AppContext, auth: AuthService): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/auth/login',
      {
        config: { access: 'public', rateLimit: signInLimit },
        schema: {
          tags: ['auth'],
          summary: 'Staff sign-in with username and password (and TOTP when enabled)',
          body: LoginBody,
          response: { 200: TokenPair, ...errorResponses(400, 401, 403, 423, 429) },
        },
      },
      async (request) => auth.loginStaff(request.body, request.meta()),
    );

    app.post(
      '/auth/refresh',
      {
        config: { access: 'public', rateLimit: signInLimit },
        schema: {
          tags: ['auth'],
          summary: 'Exchange a refresh token for a new pair (rotation)',
          body: RefreshBody,
          response: { 200: TokenPair, ...errorResponses(400, 401, 429) },
        },
      },
      async (request) => auth.refresh(request.body.refreshToken, request.meta()),
    );

    app.post(
      '/auth/logout',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['auth'],
          summary: 'End this session (the refresh token stops working)',
          body: LogoutBody,
          response: { 204: { type: 'null' }, ...errorResponses(401) },
        },
      },
      async (request, reply) => {
        await auth.logout(actorOf(request), request.meta());
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/auth/otp',
      {
        config: { access: 'public', rateLimit: codeLimit },
        schema: {
          tags: ['auth'],
          summary: 'Send a one-time sign-in code to a member’s phone',
          body: OtpRequestBody,
          response: { 204: { type: 'null' }, ...errorResponses(400, 429) },
        },
      },
      async (request, reply) => {
        await auth.requestOtp(request.body.phone, request.meta());
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/auth/otp/verify',
      {
        config: { access: 'public', rateLimit: signInLimit },
        schema: {
          tags: ['auth'],
          summary: 'Member sign-in with phone and code',
          body: OtpVerifyBody,
          response: { 200: TokenPair, ...errorResponses(400, 429) },
        },
      },
      async (request) => auth.verifyOtp(request.body.phone, request.body.code, request.meta()),
    );

    app.get(
      '/me',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['me'],
          summary: 'The caller, their org and permissions',
          response: { 200: Me, ...errorResponses(401) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        if (actor.kind === 'staff' && actor.via === 'apikey')
          throw new AppError('FORBIDDEN', 'An API key has no profile: /me is for people signed in');
        return describeMe(ctx, actor);
      },
    );

    app.post(
      '/me/password',
      {
        config: { access: 'authenticated', rateLimit: signInLimit },
        schema: {
          tags: ['me'],
          summary: 'Change password; every session ends and a new pair is returned for this client',
          body: PasswordChangeBody,
          response: { 200: TokenPair, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => auth.changePassword(sessionStaffOf(request), request.body, request.meta()),
    );

    app.post(
      '/me/totp/setup',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['me'],
          summary: 'Start two-step sign-in: a new TOTP secret',
          response: { 200: TotpSetup, ...errorResponses(401, 403, 409) },
        },
      },
      async (request) => auth.setupTotp(sessionStaffOf(request)),
    );

    app.post(
      '/me/totp/confirm',
      {
        config: { access: 'authenticated', rateLimit: signInLimit },
        schema: {
          tags: ['me'],
          summary: 'Turn two-step sign-in on with a first code',
          body: TotpConfirmBody,
          response: { 204: { type: 'null' }, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) => {
        await auth.confirmTotp(sessionStaffOf(request), request.body.code, request.meta());
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/me/totp/disable',
      {
        config: { access: 'authenticated', rateLimit: signInLimit },
        schema: {
          tags: ['me'],
          summary: 'Turn two-step sign-in off (needs the password)',
          body: TotpDisableBody,
          response: { 204: { type: 'null' }, ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) => {
        await auth.disableTotp(sessionStaffOf(request), request.body.password, request.meta());
        return reply.status(204).send(null);
      },
    );
  };
