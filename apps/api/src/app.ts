import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorBody } from '@unionhub/contracts';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { appliedMigrationCount, expectedMigrationCount } from './db/client.js';
import { apiKeyRoutes, authenticateApiKey } from './modules/api-keys/index.js';
import { assistanceFundRoutes, assistanceRoutes } from './modules/assistance/index.js';
import { attachmentRoutes } from './modules/attachments/index.js';
import { auditRoutes } from './modules/audit/index.js';
import { authRoutes, createAuthService } from './modules/auth/index.js';
import { cardRoutes } from './modules/cards/index.js';
import { consultationRoutes, faqRoutes } from './modules/consultations/index.js';
import { enterpriseRoutes } from './modules/enterprises/index.js';
import { hardshipRoutes } from './modules/hardship/index.js';
import { importRoutes } from './modules/imports/index.js';
import { jobBoardRoutes, jobRoutes } from './modules/jobs/index.js';
import { joiningRoutes } from './modules/joining/index.js';
import { lectureRoutes } from './modules/lectures/index.js';
import { legalAidRoutes } from './modules/legal-aid/index.js';
import { legalProviderRoutes } from './modules/legal-providers/index.js';
import { legalStatsRoutes } from './modules/legal-stats/index.js';
import { legalSupervisionRoutes } from './modules/legal-supervision/index.js';
import { memberRoutes } from './modules/members/index.js';
import { notificationRoutes } from './modules/notifications/index.js';
import { orgRoutes } from './modules/orgs/index.js';
import { referenceRoutes } from './modules/reference/index.js';
import { serviceRequestRoutes } from './modules/service-requests/index.js';
import { serviceRoutes } from './modules/services/index.js';
import { statsRoutes } from './modules/stats/index.js';
import { transferRoutes } from './modules/transfers/index.js';
import { userRoutes } from './modules/users/index.js';
import { installAuth } from './platform/auth-hook.js';
import { AdjustableClock, type AppContext } from './platform/context.js';
import { installErrorHandler } from './platform/error-handler.js';
import { installMetrics } from './platform/metrics.js';
import { validatorCompiler } from './platform/validation.js';
import { testControlRoutes } from './test-control.js';

export interface BuildAppOptions {
  /** A pino logger configuration, or false for none (tests). */
  logger?: boolean | Record<string, unknown>;
  /** Built web app to serve at / (admin console and member app); skipped when absent. */
  webDist?: string | undefined;
  /** Per-address rate limits on sign-in routes; tests that are not about them turn them off. */
  rateLimit?: boolean;
}

const here = dirname(fileURLToPath(import.meta.url));
export const defaultWebDist = resolve(here, '../../web/dist');

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export async function buildApp(ctx: AppContext, opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    loggerInstance: undefined,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
    // One line per request, written by the onResponse hook below, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: 'x-request-id',
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.decorateRequest(
    'meta',
    function meta(this: { ip: string; headers: Record<string, unknown>; id: string }) {
      const ua = this.headers['user-agent'];
      return {
        ip: this.ip ?? null,
        userAgent: typeof ua === 'string' ? ua : null,
        requestId: String(this.id),
      };
    },
  );
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: request.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });

  installErrorHandler(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd styles components at run time through inline <style> elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(rateLimit, {
    global: false,
    enableDraftSpec: false,
    ...(opts.rateLimit === false ? { max: Number.MAX_SAFE_INTEGER, allowList: () => true } : {}),
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error('Too many requests'), { statusCode: 429, retryAfter: context.after }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'UnionHub API',
        version: '1.0.0',
        description:
          'The API of the union federation’s service platform. Every error has the shape of ErrorBody; ' +
          'records outside the caller’s org subtree answer 404.',
      },
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description: 'Staff and members: the accessToken from /api/v1/auth/login or /auth/otp/verify',
          },
          apiKey: {
            type: 'apiKey',
            in: 'header',
            name: 'Authorization',
            description:
              'External terminals: "ApiKey uhk_…", a key made by an org admin in the console (开放接口), scoped to an org subtree and a set of permissions; 600 requests a minute per key',
          },
        },
      },
      security: [{ bearer: [] }, { apiKey: [] }],
    },
  });
  app.addSchema(ErrorBody);
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  installMetrics(app, ctx.database);
  const auth = createAuthService(ctx);
  installAuth(app, { bearer: auth.authenticate, apiKey: (key) => authenticateApiKey(ctx, key) });
  // Each open-API key has its own request budget, whichever address it calls from.
  const keyBudget = app.rateLimit({
    max: opts.rateLimit === false ? Number.MAX_SAFE_INTEGER : 600,
    timeWindow: '1 minute',
    keyGenerator: (request) => `apikey:${request.actor?.id ?? 0}`,
  });
  app.addHook('preHandler', async function limitApiKeys(request, reply) {
    if (request.actor?.kind === 'staff' && request.actor.via === 'apikey')
      await keyBudget.call(this, request, reply);
  });

  const expectedMigrations = expectedMigrationCount();
  app.get(
    '/api/health',
    { schema: { tags: ['ops'], summary: 'Liveness: the process answers' } },
    async () => ({ status: 'ok' }),
  );
  app.get(
    '/api/ready',
    { schema: { tags: ['ops'], summary: 'Readiness: database reachable and migrated' } },
    async (_req, reply) => {
      try {
        await ctx.database.ping();
        const applied = await appliedMigrationCount(ctx.database);
        if (applied < expectedMigrations)
          return reply.status(503).send({ status: 'migrating', applied, expected: expectedMigrations });
        return { status: 'ready', engine: ctx.database.engine, migrations: applied };
      } catch (err) {
        return reply.status(503).send({ status: 'unavailable', reason: (err as Error).message });
      }
    },
  );

  await app.register(
    async (v1) => {
      await v1.register(authRoutes(ctx, auth));
      await v1.register(orgRoutes(ctx));
      await v1.register(referenceRoutes(ctx));
      await v1.register(enterpriseRoutes(ctx));
      await v1.register(userRoutes(ctx));
      await v1.register(auditRoutes(ctx));
      await v1.register(apiKeyRoutes(ctx));
      await v1.register(statsRoutes(ctx));
      await v1.register(memberRoutes(ctx));
      await v1.register(importRoutes(ctx));
      await v1.register(cardRoutes(ctx));
      await v1.register(joiningRoutes(ctx));
      await v1.register(transferRoutes(ctx));
      await v1.register(notificationRoutes(ctx));
      await v1.register(attachmentRoutes(ctx));
      await v1.register(serviceRoutes(ctx));
      await v1.register(serviceRequestRoutes(ctx));
      await v1.register(hardshipRoutes(ctx));
      await v1.register(assistanceRoutes(ctx));
      await v1.register(assistanceFundRoutes(ctx));
      await v1.register(lectureRoutes(ctx));
      await v1.register(legalSupervisionRoutes(ctx));
      await v1.register(legalStatsRoutes(ctx));
      await v1.register(legalProviderRoutes(ctx));
      await v1.register(consultationRoutes(ctx));
      await v1.register(faqRoutes(ctx));
      await v1.register(jobRoutes(ctx));
      await v1.register(jobBoardRoutes(ctx));
      await v1.register(legalAidRoutes(ctx));
      if (ctx.config.clockControl && ctx.clock instanceof AdjustableClock)
        await v1.register(testControlRoutes(ctx, ctx.clock));
    },
    { prefix: '/api/v1' },
  );

  const webDist = opts.webDist;
  if (webDist && existsSync(join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, maxAge: '1h' });
    // Deep links (/admin/orgs, /m/me …) load the single-page app, which routes on the client.
    const sendIndex = async (
      _req: unknown,
      reply: { header: (k: string, v: string) => unknown; sendFile: (f: string) => unknown },
    ) => {
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    };
    app.get('/', sendIndex as never);
    app.get('/admin', sendIndex as never);
    app.get('/admin/*', sendIndex as never);
    app.get('/m', sendIndex as never);
    app.get('/m/*', sendIndex as never);
    app.get('/assets/*', async (request, reply) => {
      void reply.header('cache-control', 'public, max-age=31536000, immutable');
      return reply.sendFile(request.url.split('?')[0]!.slice(1));
    });
  }
  return app;
}
