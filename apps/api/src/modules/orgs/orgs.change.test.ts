import { describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import { buildMember, buildOrg, buildStaffUser, tokenFor } from '../../test/factories.js';
import {
  env,
  expectNothingWritten,
  get,
  patch,
  post,
  tree,
  uniqueName,
  useOrgsEnv,
} from './orgs.test-setup.js';

useOrgsEnv();

describe('PATCH /api/v1/orgs/{id}', () => {
  it('passes the access matrix', async () => {
    await expectAccessMatrix(env, {
      method: 'PATCH',
      url: (org) => `/api/v1/orgs/${org.id}`,
      payload: () => ({ chairName: '赵主席' }),
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.city,
      inScope: tree.county,
      outOfScope: tree.otherCounty,
    });
  });

  it('renames (recomputing pinyin), sets and clears details, and audits what changed', async () => {
    const org = await buildOrg(env, { parent: tree.county, regionCode: '410105' });
    const first = await patch(`/api/v1/orgs/${org.id}`, {
      name: '河南豫信软件科技有限公司工会',
      contactPhone: '13800138000',
      formation: 'hosted',
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      name: '河南豫信软件科技有限公司工会',
      nameInitials: 'hnyxrjkjyxgsgh',
      contactPhone: '13800138000',
      formation: 'hosted',
    });
    const second = await patch(`/api/v1/orgs/${org.id}`, { formation: null, contactPhone: null });
    expect(second.json()).toMatchObject({ formation: null, contactPhone: null });
    expect(new Date(second.json().updatedAt).getTime()).toBeGreaterThanOrEqual(
      new Date(first.json().updatedAt).getTime(),
    );
    const audits = await env.database.query<{ details: { changed: Record<string, unknown> } }>(
      "select details from audit_log where action = 'org.update' and target_id = $1 order by id",
      [String(org.id)],
    );
    expect(Object.keys(audits[0]!.details.changed).sort()).toEqual(['contactPhone', 'formation', 'name']);
    expect(audits[1]!.details.changed.formation).toEqual({ from: 'hosted', to: null });
  });

  it('refuses a region outside the parent or excluding children, a taken name, and level or parent fields', async () => {
    const admin = await tokenFor(env, await buildStaffUser(env, { org: tree.province, roles: ['staff'] }));
    const sibling = await buildOrg(env, { parent: tree.county, regionCode: '410105' });
    await expectNothingWritten(async () => {
      const outside = await patch(`/api/v1/orgs/${tree.grassroots.id}`, { regionCode: '410102' });
      expect(outside.json().error).toMatchObject({
        code: 'ORG_REGION_OUTSIDE_PARENT',
        details: [{ path: 'body.regionCode' }],
      });
      const excludes = await patch(`/api/v1/orgs/${tree.city.id}`, { regionCode: '410200' }, admin);
      expect(excludes.statusCode).toBe(409);
      expect(excludes.json().error.code).toBe('ORG_REGION_EXCLUDES_CHILDREN');
      const taken = await patch(`/api/v1/orgs/${sibling.id}`, { name: tree.grassroots.name });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error.code).toBe('ORG_NAME_TAKEN');
      const fields = await patch(`/api/v1/orgs/${sibling.id}`, { level: 'township', parentId: tree.city.id });
      expect(fields.statusCode).toBe(400);
      expect(
        fields
          .json()
          .error.details.map((d: { path: string }) => d.path)
          .sort(),
      ).toEqual(['body.level', 'body.parentId']);
      const kind = await patch(`/api/v1/orgs/${tree.county.id}`, { kind: 'joint' });
      expect(kind.json().error).toMatchObject({
        code: 'ORG_KIND_NOT_ALLOWED',
        details: [{ path: 'body.kind' }],
      });
      const empty = await patch(`/api/v1/orgs/${sibling.id}`, {});
      expect(empty.statusCode).toBe(400);
    });
  });

  it('lets staff edit their own org’s details but not its kind or region', async () => {
    const token = await tokenFor(env, await buildStaffUser(env, { org: tree.county, roles: ['staff'] }));
    const details = await patch(
      `/api/v1/orgs/${tree.county.id}`,
      { address: '郑州市金水区经三路 25 号' },
      token,
    );
    expect(details.statusCode).toBe(200);
    const region = await patch(`/api/v1/orgs/${tree.county.id}`, { regionCode: '410102' }, token);
    expect(region.statusCode).toBe(409);
    expect(region.json().error).toMatchObject({
      code: 'ORG_OWN_ROOT_LOCKED',
      details: [{ path: 'body.regionCode' }],
    });
  });
});

describe('POST /api/v1/orgs/{id}/move', () => {
  it('passes the access matrix', async () => {
    const movable = await buildOrg(env, { parent: tree.county, regionCode: '410105' });
    const elsewhere = await buildOrg(env, { parent: tree.otherCounty, regionCode: '410202' });
    await expectAccessMatrix(env, {
      method: 'POST',
      url: (org) => `/api/v1/orgs/${org.id === tree.county.id ? movable.id : elsewhere.id}/move`,
      payload: () => ({ newParentId: tree.city.id }),
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.city,
      inScope: tree.county,
      outOfScope: tree.otherCounty,
    });
  });

  it('moves the whole subtree in one update; scope follows the new paths', async () => {
    const street = await buildOrg(env, {
      parent: tree.county,
      name: '经八路街道工会',
      level: 'township',
      regionCode: '410105',
    });
    const shop = await buildOrg(env, { parent: street, regionCode: '410105' });
    const office = await buildOrg(env, { parent: street, regionCode: '410105' });
    const streetStaff = await tokenFor(env, await buildStaffUser(env, { org: street, roles: ['viewer'] }));
    const countyStaff = await tokenFor(
      env,
      await buildStaffUser(env, { org: tree.county, roles: ['viewer'] }),
    );
    expect((await get(`/api/v1/orgs/${shop.id}`, countyStaff)).statusCode).toBe(200);

    const res = await post(`/api/v1/orgs/${street.id}/move`, { newParentId: tree.city.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: street.id, parentId: tree.city.id, depth: 3 });

    const rows = await env.database.query<{ id: number; path: string; depth: number; parent_id: number }>(
      'select id, path::text as path, depth, parent_id from orgs where id = any($1) order by id',
      [[street.id, shop.id, office.id]],
    );
    expect(rows).toEqual([
      { id: street.id, path: `${tree.city.path}.${street.id}`, depth: 3, parent_id: tree.city.id },
      { id: shop.id, path: `${tree.city.path}.${street.id}.${shop.id}`, depth: 4, parent_id: street.id },
      { id: office.id, path: `${tree.city.path}.${street.id}.${office.id}`, depth: 4, parent_id: street.id },
    ]);
    // The street's own staff keep their subtree; the county they left no longer sees it.
    expect((await get(`/api/v1/orgs/${shop.id}`, streetStaff)).statusCode).toBe(200);
    expect((await get(`/api/v1/orgs/${street.id}/children`, streetStaff)).json().items).toHaveLength(2);
    expect((await get(`/api/v1/orgs/${shop.id}`, countyStaff)).statusCode).toBe(404);
    expect((await get(`/api/v1/orgs/${street.id}`, countyStaff)).statusCode).toBe(404);
    expect((await get(`/api/v1/orgs/${shop.id}`)).statusCode).toBe(200);

    const [audit] = await env.database.query<{
      details: { fromParentId: number; toParentId: number; movedOrgs: number };
    }>("select details from audit_log where action = 'org.move' and target_id = $1", [String(street.id)]);
    expect(audit!.details).toMatchObject({
      fromParentId: tree.county.id,
      toParentId: tree.city.id,
      movedOrgs: 3,
    });
  });

  it('refuses moving into its own subtree, under an incompatible level or region, or onto a taken name', async () => {
    const admin = await tokenFor(env, await buildStaffUser(env, { org: tree.province, roles: ['staff'] }));
    const other = await buildOrg(env, { parent: tree.county, regionCode: '410105' });
    const twin = await buildOrg(env, { parent: tree.city, name: other.name, regionCode: '410105' });
    const street = await buildOrg(env, { parent: tree.city, level: 'township', regionCode: '410105' });
    await expectNothingWritten(async () => {
      for (const target of [tree.grassroots.id, tree.county.id]) {
        const res = await post(`/api/v1/orgs/${tree.county.id}/move`, { newParentId: target });
        expect(res.statusCode).toBe(409);
        expect(res.json().error).toMatchObject({
          code: 'ORG_MOVE_INTO_OWN_SUBTREE',
          details: [{ path: 'body.newParentId' }],
        });
      }
      const level = await post(`/api/v1/orgs/${tree.county.id}/move`, { newParentId: street.id }, admin);
      expect(level.statusCode).toBe(400);
      expect(level.json().error.code).toBe('ORG_LEVEL_NOT_ALLOWED');
      const underGrassroots = await post(`/api/v1/orgs/${other.id}/move`, {
        newParentId: tree.grassroots.id,
      });
      expect(underGrassroots.json().error.code).toBe('ORG_LEVEL_NOT_ALLOWED');
      const region = await post(`/api/v1/orgs/${other.id}/move`, { newParentId: tree.otherCity.id }, admin);
      expect(region.statusCode).toBe(400);
      expect(region.json().error.code).toBe('ORG_REGION_OUTSIDE_PARENT');
      const name = await post(`/api/v1/orgs/${other.id}/move`, { newParentId: tree.city.id });
      expect(name.statusCode).toBe(409);
      expect(name.json().error).toMatchObject({ code: 'ORG_NAME_TAKEN', meta: { existingOrgId: twin.id } });
      const outside = await post(`/api/v1/orgs/${other.id}/move`, { newParentId: tree.otherCity.id });
      expect(outside.statusCode).toBe(404);
      expect(outside.json().error.details[0].path).toBe('body.newParentId');
    });
  });
});

describe('POST /api/v1/orgs/{id}/dissolve', () => {
  it('passes the access matrix', async () => {
    const empty = await buildOrg(env, { parent: tree.county, regionCode: '410105' });
    const elsewhere = await buildOrg(env, { parent: tree.otherCounty, regionCode: '410202' });
    await expectAccessMatrix(env, {
      method: 'POST',
      url: (org) => `/api/v1/orgs/${org.id === tree.county.id ? empty.id : elsewhere.id}/dissolve`,
      payload: () => ({ reason: '企业注销' }),
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.city,
      inScope: tree.county,
      outOfScope: tree.otherCounty,
    });
  });

  it('dissolves an empty org, frees its name and refuses further changes', async () => {
    const org = await buildOrg(env, { parent: tree.county, regionCode: '410105' });
    const res = await post(`/api/v1/orgs/${org.id}/dissolve`, { reason: '企业注销，工会随之撤销' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('dissolved');
    const [audit] = await env.database.query<{ details: { reason: string } }>(
      "select details from audit_log where action = 'org.dissolve' and target_id = $1",
      [String(org.id)],
    );
    expect(audit!.details.reason).toBe('企业注销，工会随之撤销');
    const again = await post(`/api/v1/orgs/${org.id}/dissolve`, { reason: '再次撤销' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ORG_DISSOLVED');
    const edit = await patch(`/api/v1/orgs/${org.id}`, { chairName: '张三' });
    expect(edit.json().error.code).toBe('ORG_DISSOLVED');
    const reuse = await post('/api/v1/orgs', {
      parentId: tree.county.id,
      name: org.name,
      level: 'grassroots',
      kind: 'regular',
      regionCode: '410105',
    });
    expect(reuse.statusCode).toBe(201);
    const under = await post('/api/v1/orgs', {
      parentId: org.id,
      name: uniqueName(),
      level: 'grassroots',
      kind: 'regular',
      regionCode: '410105',
    });
    expect(under.statusCode).toBe(409);
  });

  it('refuses an org with child orgs or staff users, naming what remains', async () => {
    const withStaff = await buildOrg(env, { parent: tree.county, regionCode: '410105' });
    await buildStaffUser(env, { org: withStaff, roles: ['viewer'] });
    await expectNothingWritten(async () => {
      const parent = await post(`/api/v1/orgs/${tree.county.id}/dissolve`, { reason: '机构调整' });
      expect(parent.statusCode).toBe(409);
      expect(parent.json().error.code).toBe('ORG_NOT_EMPTY');
      expect(parent.json().error.details.map((d: { path: string }) => d.path)).toContain('childOrgs');
      const staffed = await post(`/api/v1/orgs/${withStaff.id}/dissolve`, { reason: '机构调整' });
      expect(staffed.json().error).toMatchObject({
        code: 'ORG_NOT_EMPTY',
        meta: { childOrgs: 0, staffUsers: 1 },
        details: [{ path: 'staffUsers' }],
      });
      const noReason = await post(`/api/v1/orgs/${withStaff.id}/dissolve`, {});
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error.details[0].path).toBe('body.reason');
    });
  });

  it('refuses a grassroots union that still has active members', async () => {
    const union = await buildOrg(env, { parent: tree.county, regionCode: '410105' });
    await buildMember(env, { org: union });
    const res = await post(`/api/v1/orgs/${union.id}/dissolve`, { reason: '企业搬迁' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(['members']);
  });
});
