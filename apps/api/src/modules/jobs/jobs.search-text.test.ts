import { describe, expect, it } from 'vitest';
import { likePattern, searchBigrams } from './jobs.search-text.js';

describe('search keys', () => {
  it('cuts Chinese text into two-character windows, per run of letters', () => {
    expect(searchBigrams('电焊工（持证）')).toEqual(['电焊', '焊工', '持证']);
    expect(searchBigrams('Java开发')).toEqual(['ja', 'av', 'va', 'a开', '开发']);
  });
  it('gives no key for one character, so the substring alone decides', () => {
    expect(searchBigrams('焊')).toEqual([]);
  });
  it('escapes LIKE wildcards', () => {
    expect(likePattern('100%_a')).toBe('%100\\%\\_a%');
  });
});
