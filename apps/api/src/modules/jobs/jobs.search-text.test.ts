import { describe, expect, it } from 'vitest';
import { likePattern, regionKeys, regionQueryKey, searchBigrams } from './jobs.search-text.js';

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
  it('keys a place by province, city and county, and a searched area by its own level', () => {
    expect(regionKeys('410105')).toEqual(['#p41', '#c4101', '#d410105']);
    expect(regionKeys('410100')).toEqual(['#p41', '#c4101']);
    expect(regionQueryKey('410000')).toBe('#p41');
    expect(regionQueryKey('410100')).toBe('#c4101');
    expect(regionQueryKey('410105')).toBe('#d410105');
  });
});
