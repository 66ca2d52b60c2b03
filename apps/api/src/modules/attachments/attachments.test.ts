import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  buildOrgTree,
  buildStaffUser,
  memberToken,
  tokenFor,
  uniquePhone,
} from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { PDF, upload } from '../../test/service-hall.js';
import { cleanFilename } from './attachments.policy.js';
import { purgeUnclaimedAttachments } from './attachments.service.js';

let env: TestEnv;

beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => env?.close());

describe('uploads', () => {
  it('belong to the uploader until claimed, and are removed when nobody claims them within a day', async () => {
    const mine = bearer(await memberToken(env, uniquePhone()));
    const file = await upload(env, mine, PDF, '../../病历.pdf');
    const read = await env.app.inject({
      method: 'GET',
      url: `/api/v1/attachments/${file.id}`,
      headers: mine,
    });
    expect(read.statusCode).toBe(200);
    expect(read.headers['content-type']).toBe('application/pdf');
    expect(read.rawPayload.equals(PDF)).toBe(true);
    expect(read.headers['content-disposition']).toBe(
      `inline; filename="file"; filename*=UTF-8''${encodeURIComponent('病历.pdf')}`,
    );

    const other = bearer(await memberToken(env, uniquePhone()));
    expect(
      (await env.app.inject({ method: 'GET', url: `/api/v1/attachments/${file.id}`, headers: other }))
        .statusCode,
    ).toBe(404);
    const tree = await buildOrgTree(env);
    const staff = bearer(await tokenFor(env, await buildStaffUser(env, { org: tree.county })));
    expect(
      (await env.app.inject({ method: 'GET', url: `/api/v1/attachments/${file.id}`, headers: staff }))
        .statusCode,
    ).toBe(404);

    expect(await purgeUnclaimedAttachments(env.ctx)).toBe(0);
    env.clock.advance(25 * 3600_000);
    expect(await purgeUnclaimedAttachments(env.ctx)).toBe(1);
    const fresh = bearer(await memberToken(env, uniquePhone()));
    expect(
      (await env.app.inject({ method: 'GET', url: `/api/v1/attachments/${file.id}`, headers: fresh }))
        .statusCode,
    ).toBe(404);
  });

  it('need a session, and a person rather than an API key', async () => {
    expect((await env.app.inject({ method: 'POST', url: '/api/v1/attachments' })).statusCode).toBe(401);
  });

  it('answer a clear error when the body has no file', async () => {
    const mine = bearer(await memberToken(env, uniquePhone()));
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/attachments',
      headers: { ...mine, 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x--\r\n',
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('cleanFilename', () => {
  it('keeps the name without a path or control characters, never empty', () => {
    expect(cleanFilename('C:\\Users\\王芳\\诊断证明.jpg')).toBe('诊断证明.jpg');
    expect(cleanFilename('a\u0000b\u001fc.pdf')).toBe('abc.pdf');
    expect(cleanFilename(undefined)).toBe('附件');
    fc.assert(
      fc.property(fc.string(), (name) => {
        const cleaned = cleanFilename(name);
        expect(cleaned.length).toBeGreaterThan(0);
        expect(cleaned).not.toMatch(/[\\/]/);
        expect([...cleaned].every((c) => c.charCodeAt(0) >= 0x20)).toBe(true);
      }),
    );
  });
});
