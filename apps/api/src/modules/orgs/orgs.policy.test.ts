import { OrgKinds, OrgLevels } from '@unionhub/contracts';
import { describe, expect, it } from 'vitest';
import {
  foundedOnViolation,
  kindViolation,
  LEVEL_RANK,
  levelViolation,
  regionViolation,
  regionWithin,
} from './orgs.policy.js';

describe('org tree rules', () => {
  it('allows a child only below its parent’s level, for every pair of levels', () => {
    for (const parent of OrgLevels)
      for (const child of OrgLevels) {
        const v = levelViolation({ level: parent, kind: 'regular' }, { level: child, kind: 'regular' });
        expect(v === null, `${child} under ${parent}`).toBe(LEVEL_RANK[child] > LEVEL_RANK[parent]);
        if (v) expect(v.rule).toBe('org.level_below_parent');
      }
  });

  it('keeps joint unions at grassroots level and industry/trade unions under a county', () => {
    const county = { level: 'county', kind: 'regular' } as const;
    const city = { level: 'city', kind: 'regular' } as const;
    for (const level of OrgLevels) {
      expect(kindViolation(county, { level, kind: 'joint' })?.rule ?? null).toBe(
        level === 'grassroots' ? null : 'org.joint_is_grassroots',
      );
      expect(kindViolation(county, { level, kind: 'regular' })).toBeNull();
    }
    for (const kind of ['industry', 'trade'] as const) {
      expect(kindViolation(county, { level: 'township', kind })).toBeNull();
      expect(kindViolation(county, { level: 'grassroots', kind })).toBeNull();
      expect(kindViolation(county, { level: 'county', kind })?.rule).toBe('org.industry_level');
      expect(kindViolation(city, { level: 'township', kind })?.rule).toBe('org.industry_under_county');
      expect(
        kindViolation({ level: 'township', kind: 'industry' }, { level: 'grassroots', kind }),
      ).toBeNull();
      expect(kindViolation(null, { level: 'grassroots', kind })?.rule).toBe('org.industry_under_county');
    }
    expect(OrgKinds).toHaveLength(4);
  });

  it('reads region containment from the code’s significant digits', () => {
    expect(regionWithin('410000', '410105')).toBe(true);
    expect(regionWithin('410100', '410105')).toBe(true);
    expect(regionWithin('410105', '410105')).toBe(true);
    expect(regionWithin('410100', '410202')).toBe(false);
    expect(regionWithin('410105', '410102')).toBe(false);
    expect(regionWithin('410000', '420100')).toBe(false);
    expect(regionViolation(null, '420100')).toBeNull();
    expect(regionViolation('410100', '410202')?.rule).toBe('org.region_within_parent');
  });

  it('accepts only real, past founding dates', () => {
    const today = new Date('2025-06-01T08:00:00Z');
    expect(foundedOnViolation('1998-02-28', today)).toBeNull();
    expect(foundedOnViolation('2025-06-01', today)).toBeNull();
    expect(foundedOnViolation('2023-02-29', today)?.rule).toBe('org.founded_on_date');
    expect(foundedOnViolation('2025-06-02', today)?.rule).toBe('org.founded_on_past');
  });
});
