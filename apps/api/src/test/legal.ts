import type { ConsultationField, LegalProvider } from '@unionhub/contracts';
import type { OrgRow } from '../modules/orgs/index.js';
import { bearer, buildStaffUser, login, tokenFor } from './factories.js';
import type { TestEnv } from './harness.js';

let licenceSeq = 0;

/** A 17-digit practice certificate number, different at every call. */
export function licenceNo(): string {
  return `1410120${String(Date.now() % 1e6).padStart(6, '0')}${String(++licenceSeq).padStart(4, '0')}`;
}

export const LAWYER_PASSWORD = 'Lvshi-Zhiban-2026!';

/** A lawyer of the union with a sign-in (role lawyer), registered by the union's admin. */
export async function buildProvider(
  env: TestEnv,
  org: OrgRow,
  overrides: {
    name?: string;
    fields?: ConsultationField[];
    account?: boolean;
    kind?: 'lawyer' | 'volunteer';
  } = {},
) {
  const admin = bearer(await tokenFor(env, await buildStaffUser(env, { org, roles: ['org_admin'] })));
  const username = `lawyer_${Math.random().toString(36).slice(2, 10)}`;
  const kind = overrides.kind ?? 'lawyer';
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/v1/legal/providers',
    headers: admin,
    payload: {
      orgId: org.id,
      kind,
      name: overrides.name ?? '王律师',
      firm: '河南豫法律师事务所',
      ...(kind === 'lawyer' ? { licenceNo: licenceNo() } : {}),
      fields: overrides.fields ?? ['wages', 'contract', 'work_injury', 'dismissal'],
      regionCode: org.regionCode ?? '410100',
      languages: ['普通话'],
      phone: '13812345678',
      ...(overrides.account === false ? {} : { account: { username, password: LAWYER_PASSWORD } }),
    },
  });
  if (res.statusCode !== 201) throw new Error(`provider not created: ${res.statusCode} ${res.body}`);
  const provider = res.json() as LegalProvider;
  return {
    provider,
    username,
    /** Signs the lawyer in now (tokens expire as the test clock moves, so ask when needed). */
    headers: async () => bearer((await login(env, { username, password: LAWYER_PASSWORD })).accessToken),
  };
}

/** Puts the provider on duty for the union from `from` for `hours`. */
export async function onDuty(
  env: TestEnv,
  org: OrgRow,
  providerId: number,
  from: Date,
  hours: number,
  fields: ConsultationField[] = [],
) {
  const admin = bearer(await tokenFor(env, await buildStaffUser(env, { org, roles: ['staff'] })));
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/v1/legal/duty-slots',
    headers: admin,
    payload: {
      orgId: org.id,
      providerId,
      startsAt: from.toISOString(),
      endsAt: new Date(from.getTime() + hours * 3_600_000).toISOString(),
      fields,
    },
  });
  if (res.statusCode !== 201) throw new Error(`slot not created: ${res.statusCode} ${res.body}`);
  return res.json() as { id: number };
}
