import { describe, expect, it } from 'vitest';
import { endOfChinaDay, jobTermsProblems, regionRange } from './jobs.policy.js';

const known = (code: string) => ['410100', '410105'].includes(code);

describe('job terms', () => {
  it('accepts an ordered range, a known region and a future day', () => {
    expect(
      jobTermsProblems(
        { salaryMin: 4000, salaryMax: 6000, regionCode: '410105', validUntil: '2026-12-31' },
        '2026-11-25',
        known,
      ),
    ).toEqual([]);
  });
  it('names each broken rule by its field', () => {
    const problems = jobTermsProblems(
      { salaryMin: 7000, salaryMax: 6000, regionCode: '419999', validUntil: '2026-11-25' },
      '2026-11-25',
      known,
    );
    expect(problems.map((p) => p.path)).toEqual(['body.salaryMin', 'body.regionCode', 'body.validUntil']);
  });
});

describe('regions and days', () => {
  it('turns a province, a city or a county into the range of codes it covers', () => {
    expect(regionRange('410000')).toEqual({ from: '410000', to: '420000' });
    expect(regionRange('410100')).toEqual({ from: '410100', to: '410200' });
    expect(regionRange('410105')).toEqual({ from: '410105', to: '410106' });
  });
  it('ends a China day at 16:00 UTC', () => {
    expect(endOfChinaDay('2026-11-25').toISOString()).toBe('2026-11-25T16:00:00.000Z');
  });
});
