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
