import { describe, expect, it } from 'vitest';
import { PrincipalCache } from './principal-cache.js';

function trusted(now = () => 0) {
  const cache = new PrincipalCache<string>(now);
  cache.trust(true);
  return cache;
}

describe('the cache of signed-in callers', () => {
  it('keeps a caller read while nothing changed, and forgets it when its session changes', () => {
    const cache = trusted();
    cache.set('s1', 'staff:1', 'alice', cache.generation);
    expect(cache.get('s1')).toBe('alice');
    cache.hear('session:s1');
    expect(cache.get('s1')).toBeUndefined();
  });

  it('does not keep a read that was under way when something changed', () => {
    const cache = trusted();
    const before = cache.generation;
    cache.hear('session:other');
    cache.set('s1', 'staff:1', 'stale', before);
    expect(cache.get('s1')).toBeUndefined();
  });

  it('forgets every session of a changed user, and everything on "all"', () => {
    const cache = trusted();
    cache.set('a', 'staff:1', 'one', cache.generation);
    cache.set('b', 'staff:1', 'one again', cache.generation);
    cache.set('c', 'staff:2', 'two', cache.generation);
    cache.set('d', 'member:1', 'member one', cache.generation);
    cache.hear('staff:1');
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.get('d')]).toEqual([
      undefined,
      undefined,
      'two',
      'member one',
    ]);
    cache.hear('all');
    expect(cache.size).toBe(0);
  });

  it('serves nothing while the database cannot tell it about changes', () => {
    const cache = trusted();
    cache.set('s1', 'staff:1', 'alice', cache.generation);
    cache.trust(false);
    expect(cache.get('s1')).toBeUndefined();
    cache.set('s1', 'staff:1', 'alice', cache.generation);
    expect(cache.size).toBe(0);
  });

  it('reads a caller again after a minute even without a notice', () => {
    let now = 0;
    const cache = trusted(() => now);
    cache.set('s1', 'staff:1', 'alice', cache.generation);
    now = 59_000;
    expect(cache.get('s1')).toBe('alice');
    now = 61_000;
    expect(cache.get('s1')).toBeUndefined();
  });
});
