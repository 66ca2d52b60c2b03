import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPii, maskIdNumber, maskName, maskPhone } from './pii.js';

const key = (n: number) => Buffer.alloc(32, n);
const pii = createPii({ piiKeys: new Map([['k1', key(1)]]), activeKeyId: 'k1', piiHmacKey: key(9) });

describe('personal data sealing', () => {
  it('round-trips any text and never stores it in the clear', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const sealed = pii.seal(text);
        expect(pii.open(sealed)).toBe(text);
        if (text.length >= 4) expect(sealed.includes(Buffer.from(text, 'utf8'))).toBe(false);
      }),
    );
  });

  it('uses a fresh IV each time, so equal values do not give equal ciphertexts', () => {
    expect(pii.seal('13800138000').equals(pii.seal('13800138000'))).toBe(false);
  });

  it('never repeats an IV, across refills of the random block', () => {
    const ivs = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const sealed = pii.seal('410105199001011234');
      ivs.add(sealed.subarray(4, 16).toString('hex'));
    }
    expect(ivs.size).toBe(10_000);
  });

  it('rejects a tampered envelope', () => {
    const sealed = pii.seal('410105199001011234');
    sealed[sealed.length - 1] = (sealed[sealed.length - 1] ?? 0) ^ 1;
    expect(() => pii.open(sealed)).toThrow();
  });

  it('reads values sealed under an older key after rotation', () => {
    const old = pii.seal('13800138000');
    const rotated = createPii({
      piiKeys: new Map([
        ['k1', key(1)],
        ['k2', key(2)],
      ]),
      activeKeyId: 'k2',
      piiHmacKey: key(9),
    });
    expect(rotated.open(old)).toBe('13800138000');
    expect(rotated.open(rotated.seal('x'))).toBe('x');
    const withoutOld = createPii({
      piiKeys: new Map([['k2', key(2)]]),
      activeKeyId: 'k2',
      piiHmacKey: key(9),
    });
    expect(() => withoutOld.open(old)).toThrow(/k1/);
  });

  it('gives a stable keyed lookup hash that differs by kind and by key', () => {
    expect(pii.lookupHash('phone', '13800138000').equals(pii.lookupHash('phone', '13800138000'))).toBe(true);
    expect(pii.lookupHash('phone', '13800138000').equals(pii.lookupHash('id_number', '13800138000'))).toBe(
      false,
    );
    const other = createPii({ piiKeys: new Map([['k1', key(1)]]), activeKeyId: 'k1', piiHmacKey: key(8) });
    expect(other.lookupHash('phone', '13800138000').equals(pii.lookupHash('phone', '13800138000'))).toBe(
      false,
    );
  });
});

describe('masking', () => {
  it('masks phones, ID numbers and names as lists show them', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdNumber('410105199001011234')).toBe('4101**********1234');
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李')).toBe('*');
  });
});
