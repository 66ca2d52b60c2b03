import type { CreateServiceBody, MemberCategory, Service } from '@unionhub/contracts';
import type { OrgRow } from '../modules/orgs/index.js';
import { bearer, buildMember, buildStaffUser, memberToken, tokenFor, uniquePhone } from './factories.js';
import type { TestEnv } from './harness.js';

/** A 1×1 PNG: what a phone photo is to the content sniffing, in 67 bytes. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** A multipart body with one file in the field "file", as a browser sends it. */
export function multipartFile(content: Buffer, filename: string, type = 'application/octet-stream') {
  const boundary = `----uhtest${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function upload(
  env: TestEnv,
  headers: Record<string, string>,
  content = PNG,
  filename = '诊断证明.png',
) {
  const body = multipartFile(content, filename);
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/v1/attachments',
    headers: { ...headers, ...body.headers },
    payload: body.payload,
  });
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: number };
}

/** A member of the union with a member-app account on the same phone, signed in. */
export async function memberWithAccount(
  env: TestEnv,
  org: OrgRow,
  opts: { name?: string; categories?: MemberCategory[]; joinedOn?: string } = {},
) {
  const phone = uniquePhone();
  const member = await buildMember(env, { org, phone, ...opts });
  const headers = bearer(await memberToken(env, phone));
  return { ...member, headers };
}

export const hardshipForm: CreateServiceBody['form'] = {
  fields: [
    { key: 'reason', label: '申请事由', type: 'textarea', required: true, maxLength: 500 },
    { key: 'amount', label: '申请金额', type: 'amount', required: false, min: 0, max: 20000 },
    { key: 'kind', label: '困难类型', type: 'select', required: true, options: ['因病', '因灾', '子女就学'] },
  ],
};

/** A service drafted by the union's admin and published, unless told otherwise. */
export async function buildService(
  env: TestEnv,
  org: OrgRow,
  overrides: Partial<Omit<CreateServiceBody, 'orgId'>> & { publish?: boolean } = {},
): Promise<Service> {
  const { publish = true, ...fields } = overrides;
  const admin = bearer(await tokenFor(env, await buildStaffUser(env, { org })));
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/v1/services',
    headers: admin,
    payload: {
      orgId: org.id,
      name: '困难职工帮扶申请',
      category: 'assistance',
      summary: '因病、因灾等导致生活困难的职工可申请帮扶',
      description: '工会收到申请后上门核实，按规定给予帮扶。',
      eligibility: {},
      form: hardshipForm,
      attachments: [
        { key: 'proof', label: '困难证明材料', required: true, maxCount: 3, kinds: ['image', 'pdf'] },
      ],
      acceptWithinDays: 3,
      completeWithinDays: 10,
      handler: 'county',
      ...fields,
    },
  });
  if (res.statusCode !== 201) throw new Error(`service not created: ${res.statusCode} ${res.body}`);
  const service = res.json() as Service;
  if (!publish) return service;
  const published = await env.app.inject({
    method: 'POST',
    url: `/api/v1/services/${service.id}/publish`,
    headers: admin,
  });
  return published.json() as Service;
}
