import { render, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { PersonSummary } from './person-summary';

const labels = { name: '姓名', idNumber: '身份证号', phone: '手机号' };
const person = { name: '刘春梅', idNumberMasked: '4101**********1234', phoneMasked: '138****5678' };

describe('PersonSummary', () => {
  test('shows the masks, then the screen’s own rows, leaving out the ones given as false', () => {
    const { container } = render(
      <PersonSummary
        labels={labels}
        person={person}
        rows={[{ key: 'org', label: '所属工会', children: '郑州绿城物业服务有限公司工会' }, false]}
      />,
    );
    const shown = [...container.querySelectorAll('th, td')].map((c) => c.textContent);
    expect(shown).toEqual([
      '姓名',
      '刘春梅',
      '身份证号',
      '4101**********1234',
      '手机号',
      '138****5678',
      '所属工会',
      '郑州绿城物业服务有限公司工会',
    ]);
  });

  test('shows the full values in place of the masks once read, and no identity row without a label', () => {
    const { rerender } = render(
      <PersonSummary
        labels={labels}
        person={person}
        revealed={{ idNumber: '41010519900307123X', phone: '13837100001' }}
      />,
    );
    expect(screen.getByText('41010519900307123X')).toBeTruthy();
    expect(screen.getByText('13837100001')).toBeTruthy();
    expect(screen.queryByText('138****5678')).toBeNull();
    rerender(<PersonSummary labels={{ name: '会员' }} person={{ name: '刘春梅' }} />);
    expect(screen.queryByText('身份证号')).toBeNull();
    expect(screen.getByText('会员')).toBeTruthy();
  });
});
