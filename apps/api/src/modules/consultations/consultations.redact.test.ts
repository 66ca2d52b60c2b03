import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPersonalDetails } from './consultations.redact.js';

describe('maskPersonalDetails', () => {
  it('masks ID numbers, phones and bank cards and keeps the rest of the text', () => {
    expect(
      maskPersonalDetails(
        '身份证410105199001011234，手机13912345678，工资卡6222021234567890123，欠薪三个月。',
      ),
    ).toBe('身份证4101**********1234，手机139****5678，工资卡***************0123，欠薪三个月。');
    expect(maskPersonalDetails('身份证号41010519900101123X')).toBe('身份证号4101**********123X');
    expect(maskPersonalDetails('公司电话0371-65551234')).toBe('公司电话0371-********');
  });

  it('masks the names given and names introduced by the writer', () => {
    expect(maskPersonalDetails('我叫王小明，在郑州某物流公司上班，王小明的工资被扣了。', ['王小明'])).toBe(
      '我叫王**，在郑州某物流公司上班，王**的工资被扣了。',
    );
    expect(maskPersonalDetails('姓名：李四 工龄5年')).toBe('姓名：李* 工龄5年');
  });

  it('leaves amounts, dates and short numbers alone', () => {
    const text = '2025年3月入职，月工资4500元，加班费拖欠了12000元，合同期3年。';
    expect(maskPersonalDetails(text)).toBe(text);
  });
});

describe('maskPersonalDetails on any text', () => {
  const digits = fc.stringMatching(/^[0-9]{1,3}$/);
  const idNumber = fc.stringMatching(/^[1-9][0-9]{16}[0-9X]$/);
  const mobile = fc.stringMatching(/^1[3-9][0-9]{9}$/);
  const words = fc.constantFrom('工资', '，', '加班', ' ', '公司', '。', '合同', '元');

  it('never leaves an ID number or a mobile number readable, and keeps the text around them', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(words, digits, idNumber, mobile), { maxLength: 12 }), (parts) => {
        const secrets = parts.filter((p) => /^[1-9][0-9]{16}[0-9X]$|^1[3-9][0-9]{9}$/.test(p));
        // Separate the pieces with a word, as people write, so digits do not run together.
        const text = parts.join('，');
        const out = maskPersonalDetails(text);
        for (const secret of secrets) expect(out).not.toContain(secret);
        expect(out.replace(/[0-9X*]/g, '')).toBe(text.replace(/[0-9X*]/g, ''));
      }),
    );
  });

  it('does not fail on arbitrary input', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => typeof maskPersonalDetails(s) === 'string'));
  });
});
