import { describe, expect, it } from 'vitest';
import { copyTarget, orderByReferences } from './backup.repository.js';

const names = (tables: { name: string }[]) => tables.map((t) => t.name);

describe('orderByReferences', () => {
  it('puts every table after the tables it refers to, ties by name', () => {
    const tables = ['staff_users', 'sessions', 'orgs', 'members', 'audit_log'].map((name) => ({ name }));
    const references = [
      { child: 'staff_users', parent: 'orgs' },
      { child: 'members', parent: 'orgs' },
      { child: 'sessions', parent: 'staff_users' },
      { child: 'orgs', parent: 'orgs' },
    ];
    expect(names(orderByReferences(tables, references))).toEqual([
      'audit_log',
      'orgs',
      'members',
      'staff_users',
      'sessions',
    ]);
  });

  it('refuses tables that refer to each other in a cycle, naming them', () => {
    const tables = ['a', 'b', 'c'].map((name) => ({ name }));
    const references = [
      { child: 'a', parent: 'b' },
      { child: 'b', parent: 'a' },
    ];
    expect(() => orderByReferences(tables, references)).toThrow(/a, b refer to each other/);
  });
});

describe('copyTarget', () => {
  it('quotes the table and every column', () => {
    expect(copyTarget('orgs', ['id', 'we"ird'])).toBe('public."orgs" ("id", "we""ird")');
  });
});
