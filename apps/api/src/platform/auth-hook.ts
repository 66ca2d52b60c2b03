import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor, MemberActor, StaffActor } from './actor.js';
import { AppError } from './errors.js';

/**
 * Authorization, first level: who may call the route. Every /api/v1 route must declare
 * `config.access`; the server refuses to start otherwise. The second level, the record's org
 * scope, is checked by services through access.ts.
 */
export interface Authenticators {
  bearer(token: string): Promise<Actor>;
  apiKey(key: string): Promise<Actor>;
}

export function installAuth(app: FastifyInstance, authenticate: Authenticators): void {
  app.decorateRequest('actor', null);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/v1/') && !route.config?.access)
      throw new Error(`Route ${route.method} ${route.url} does not declare config.access`);
  });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access || access === 'public') return;
    const header = request.headers.authorization;
    if (!header)
      throw new AppError(
        'UNAUTHENTICATED',
        'Sign in first: send Authorization: Bearer <token> (or ApiKey <key>)',
      );
    const match = /^(Bearer|ApiKey) ([A-Za-z0-9._~+/=-]+)$/.exec(header);
    if (!match)
      throw new AppError(
        'UNAUTHENTICATED',
        'The Authorization header must be "Bearer <token>" or "ApiKey <key>"',
      );
    const actor =
      match[1] === 'Bearer' ? await authenticate.bearer(match[2]!) : await authenticate.apiKey(match[2]!);
    request.actor = actor;
    if (access === 'authenticated') return;
    if (access === 'member') {
      if (actor.kind !== 'member')
        throw new AppError('FORBIDDEN', 'This is for members signed in on the member app');
      return;
    }
    if (actor.kind !== 'staff' || !actor.permissions.has(access.permission))
      throw new AppError('FORBIDDEN', `This needs the permission ${access.permission}`);
  });
}

/** The caller of a route declared for staff (the hook has checked it). */
export function staffOf(request: FastifyRequest): StaffActor {
  const actor = request.actor;
  if (actor?.kind !== 'staff') throw new AppError('FORBIDDEN', 'Staff only');
  return actor;
}

/** The caller of a route declared for members (the hook has checked it). */
export function memberOf(request: FastifyRequest): MemberActor {
  const actor = request.actor;
  if (actor?.kind !== 'member') throw new AppError('FORBIDDEN', 'Members only');
  return actor;
}

/** The caller of a self-service route: a person signed in with a session, not an API key. */
export function sessionStaffOf(request: FastifyRequest): StaffActor {
  const actor = staffOf(request);
  if (actor.via !== 'session')
    throw new AppError('FORBIDDEN', 'API keys cannot use this; sign in as a person');
  return actor;
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return request.actor;
}
