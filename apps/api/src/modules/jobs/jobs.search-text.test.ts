import { describe, expect, it } from 'vitest';
import {
  likePattern,
  regionKeys,
  regionQueryKey,
  searchBigrams,
  searchQueryKeys,
} from './jobs.search-text.js';

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
  it('asks for city-scoped windows within a city or county, plain ones elsewhere', () => {
    expect(searchQueryKeys('电焊工', '410100')).toEqual(['4101:电焊', '4101:焊工']);
    expect(searchQueryKeys('焊工', '410105')).toEqual(['4101:焊工', '#d410105']);
    expect(searchQueryKeys('焊工', '410000')).toEqual(['焊工', '#p41']);
    expect(searchQueryKeys('焊工', undefined)).toEqual(['焊工']);
    expect(searchQueryKeys('焊', '410100')).toEqual(['#c4101']);
    expect(searchQueryKeys(undefined, '410105')).toEqual(['#d410105']);
    expect(searchQueryKeys(undefined, undefined)).toEqual([]);
  });
});
