import type { StaffRole } from '@unionhub/contracts';
import { expect } from 'vitest';
import type { OrgRow } from '../modules/orgs/index.js';
import { bearer, buildStaffUser, tokenFor } from './factories.js';
import type { TestEnv } from './harness.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface AccessCase {
  method: Method;
  /** The URL for a target org: called with the in-scope org and with one in another subtree. */
  url: (target: OrgRow) => string;
  payload?: (target: OrgRow) => unknown;
  /** Extra request headers, e.g. the content type of a multipart payload given as a Buffer. */
  headers?: (target: OrgRow) => Record<string, string>;
  /** A role holding the route's permission, and one lacking it (omit when every role may call it). */
  allowedRole: StaffRole;
  deniedRole?: StaffRole;
  /** The org the caller belongs to, one inside its subtree, and one outside it. */
  home: OrgRow;
  inScope: OrgRow;
  outOfScope: OrgRow;
  successStatus?: number;
}

/**
 * The access matrix every endpoint passes (quality.md): no session → 401; a role without the
 * permission → 403; a record in another subtree → 404; the caller's own subtree → success.
 */
export async function expectAccessMatrix(env: TestEnv, c: AccessCase): Promise<void> {
  const call = (target: OrgRow, headers: Record<string, string> = {}) =>
    env.app.inject({
      method: c.method,
      url: c.url(target),
      headers: { ...c.headers?.(target), ...headers },
      ...(c.payload ? { payload: c.payload(target) as Record<string, unknown> } : {}),
    });
  const label = `${c.method} ${c.url(c.inScope)}`;

  const anonymous = await call(c.inScope);
  expect(anonymous.statusCode, `${label} without a session`).toBe(401);
  expect(anonymous.json().error.code).toMatch(/UNAUTHENTICATED|TOKEN_EXPIRED/);

  if (c.deniedRole) {
    const weak = await buildStaffUser(env, { org: c.home, roles: [c.deniedRole] });
    const res = await call(c.inScope, bearer(await tokenFor(env, weak)));
    expect(res.statusCode, `${label} as ${c.deniedRole}`).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  }

  const allowed = await buildStaffUser(env, { org: c.home, roles: [c.allowedRole] });
  const token = await tokenFor(env, allowed);
  const outside = await call(c.outOfScope, bearer(token));
  expect(outside.statusCode, `${label} on another subtree`).toBe(404);

  const inside = await call(c.inScope, bearer(token));
  expect(inside.statusCode, `${label} in scope: ${inside.body}`).toBe(c.successStatus ?? 200);
}
