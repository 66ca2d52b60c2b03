import { describe, expect, test } from 'vitest';
import { type AdminMenuEntry, adminMenu, findMenuEntry, visibleMenu } from './menu';

describe('admin menu', () => {
  test('hides entries whose permission the caller lacks', () => {
    expect(visibleMenu(adminMenu, ['org.read']).map((e) => e.key)).toEqual(['dashboard', 'orgs', 'profile']);
    expect(visibleMenu(adminMenu, []).map((e) => e.key)).toEqual(['dashboard', 'profile']);
  });

  test('drops a group when none of its children is visible', () => {
    const entries: AdminMenuEntry[] = [
      {
        key: 'members',
        label: 'x',
        children: [
          { key: 'list', path: '/admin/members', label: 'x', permission: 'user.read' },
          { key: 'import', path: '/admin/members/import', label: 'x', permission: 'user.manage' },
        ],
      },
    ];
    expect(visibleMenu(entries, [])).toEqual([]);
    expect(visibleMenu(entries, ['user.read'])[0]?.children?.map((e) => e.key)).toEqual(['list']);
  });

  test('lights the entry of the current page and of its sub-pages', () => {
    expect(findMenuEntry(adminMenu, '/admin')?.key).toBe('dashboard');
    expect(findMenuEntry(adminMenu, '/admin/orgs')?.key).toBe('orgs');
    expect(findMenuEntry(adminMenu, '/admin/orgs/12')?.key).toBe('orgs');
    expect(findMenuEntry(adminMenu, '/admin/organisations')).toBeUndefined();
  });
});
