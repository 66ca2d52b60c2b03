import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkCreditCode,
  checkIdNumber,
  creditCodeCheckChar,
  idNumberCheckChar,
  idNumberFacts,
  normalizeIdNumber,
} from './validators.js';

const today = new Date('2026-11-24T00:00:00Z');

describe('GB 11643 resident ID numbers', () => {
  it('accepts the standard’s worked example and derives birth date and gender', () => {
    // The example in GB 11643-1999: 11010519491231002X (a woman born 1949-12-31 in Beijing).
    expect(checkIdNumber('11010519491231002X', today)).toBeNull();
    expect(idNumberFacts('11010519491231002X')).toEqual({
      birthDate: '1949-12-31',
      gender: 'female',
      regionCode: '110105',
    });
    expect(checkIdNumber(normalizeIdNumber(' 11010519491231002x '), today)).toBeNull();
  });

  it('names the broken rule', () => {
    expect(checkIdNumber('110105194912310021', today)?.rule).toBe('id_number.check_digit');
    expect(checkIdNumber('11010519490231002X', today)?.rule).toBe('id_number.birth_date');
    expect(checkIdNumber('11010520990101002X', today)?.rule).toBe('id_number.birth_date');
    expect(checkIdNumber('1101051949123100', today)?.rule).toBe('id_number.format');
    expect(checkIdNumber('11010519491231002Y', today)?.rule).toBe('id_number.format');
  });

  it('accepts every number built with its check digit and rejects every other last character', () => {
    const birth = fc.date({ min: new Date('1930-01-01'), max: new Date('2008-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(
        fc.integer({ min: 110000, max: 659999 }),
        birth,
        fc.integer({ min: 0, max: 999 }),
        (region, date, seq) => {
          const ymd = date.toISOString().slice(0, 10).replaceAll('-', '');
          const first17 = `${region}${ymd}${String(seq).padStart(3, '0')}`;
          const check = idNumberCheckChar(first17);
          expect(checkIdNumber(`${first17}${check}`, today)).toBeNull();
          for (const wrong of '0123456789X')
            if (wrong !== check) expect(checkIdNumber(`${first17}${wrong}`, today)).not.toBeNull();
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (s) => void checkIdNumber(s, today)));
  });
});

describe('GB 32100 unified social credit codes', () => {
  it('accepts real published codes', () => {
    // Published on the national enterprise credit information system.
    for (const code of ['91110000802100433B', '91310000717854505W', '91440300708461136T'])
      expect(checkCreditCode(code), code).toBeNull();
  });

  it('names the broken rule', () => {
    expect(checkCreditCode('91110000802100433C')?.rule).toBe('credit_code.check_char');
    expect(checkCreditCode('9111000080210043')?.rule).toBe('credit_code.format');
    expect(checkCreditCode('91110000802100433I')?.rule).toBe('credit_code.format');
    expect(checkCreditCode('91AB0000802100433B')?.rule).toBe('credit_code.region');
  });

  it('accepts exactly one check character for any 17-character prefix', () => {
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const prefix = fc
      .tuple(
        fc.array(fc.constantFrom(...chars), { minLength: 2, maxLength: 2 }),
        fc.integer({ min: 100000, max: 999999 }),
        fc.array(fc.constantFrom(...chars), { minLength: 9, maxLength: 9 }),
      )
      .map(([a, region, b]) => `${a.join('')}${region}${b.join('')}`);
    fc.assert(
      fc.property(prefix, (p) => {
        const valid = [...chars].filter((c) => checkCreditCode(`${p}${c}`) === null);
        expect(valid).toEqual([creditCodeCheckChar(p)]);
      }),
      { numRuns: 200 },
    );
  });
});
