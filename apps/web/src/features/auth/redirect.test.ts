import { describe, expect, test } from 'vitest';
import { loginPathFor, safeAdminTarget, safeMemberTarget } from './redirect';

describe('sign-in redirects', () => {
  test('come back to the page that asked for sign-in', () => {
    expect(loginPathFor('/admin', { pathname: '/admin/orgs', search: '?q=1' })).toBe(
      '/admin/login?next=%2Fadmin%2Forgs%3Fq%3D1',
    );
    expect(loginPathFor('/m', { pathname: '/m', search: '' })).toBe('/m/login');
    expect(safeAdminTarget('/admin/orgs?q=1')).toBe('/admin/orgs?q=1');
  });

  test('never leave the area or loop back to the sign-in page', () => {
    expect(safeAdminTarget('https://evil.example')).toBe('/admin');
    expect(safeAdminTarget('//evil.example/admin')).toBe('/admin');
    expect(safeAdminTarget('/administrator')).toBe('/admin');
    expect(safeAdminTarget('/m')).toBe('/admin');
    expect(safeAdminTarget('/admin/login')).toBe('/admin');
    expect(safeMemberTarget('/m/me')).toBe('/m/me');
    expect(safeMemberTarget('/admin')).toBe('/m');
    expect(safeMemberTarget(null)).toBe('/m');
  });
});
