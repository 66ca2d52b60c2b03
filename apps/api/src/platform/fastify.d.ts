import type { Access, Actor } from './actor.js';
import type { RequestMeta } from './context.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every /api/v1 route declares who may call it (checked at start-up). */
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
    meta(): RequestMeta;
  }
}
