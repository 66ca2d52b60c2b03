import { idNumberCheckChar } from '@unionhub/contracts';
import { describe, expect, test } from 'vitest';
import { memberJoinEn, memberJoinZh } from './i18n';
import { checkJoinForm, joinStatusMessage, toJoinBody } from './join-form';

const id = (first17: string) => `${first17}${idNumberCheckChar(first17)}`;
const good = {
  name: '王小明',
  idNumber: id('41010519900307123'),
  employerName: '',
  employerCreditCode: '',
  orgId: 7,
};
const today = new Date('2026-12-14T02:00:00Z');

describe('checkJoinForm', () => {
  test('a complete form passes and becomes the API body, blanks left out, the ID upper-cased', () => {
    expect(checkJoinForm(good, today)).toEqual({});
    const withX = { ...good, name: ' 阿依古丽·买买提 ', idNumber: id('11010519491231002').toLowerCase() };
    expect(checkJoinForm(withX, today)).toEqual({});
    expect(toJoinBody(withX)).toEqual({
      orgId: 7,
      name: '阿依古丽·买买提',
      idNumber: id('11010519491231002'),
    });
  });

  test('names what is wrong per field, with the same ID-number rules as the API', () => {
    const wrongCheck = `${good.idNumber.slice(0, 17)}${good.idNumber[17] === '0' ? '1' : '0'}`;
    expect(
      checkJoinForm({ name: '', idNumber: '', employerName: '', employerCreditCode: '', orgId: null }, today),
    ).toEqual({ name: 'nameRequired', idNumber: 'idRequired', orgId: 'unionRequired' });
    expect(checkJoinForm({ ...good, name: '王', idNumber: wrongCheck }, today)).toEqual({
      name: 'nameInvalid',
      idNumber: 'idCheckDigit',
    });
    expect(checkJoinForm({ ...good, name: 'Wang 1', idNumber: '4101051990' }, today)).toEqual({
      name: 'nameInvalid',
      idNumber: 'idFormat',
    });
    expect(checkJoinForm({ ...good, idNumber: id('41010519901307123') }, today)).toEqual({
      idNumber: 'idBirthDate',
    });
    expect(checkJoinForm({ ...good, employerCreditCode: '91410100MA00000000' }, today)).toEqual({
      employerCreditCode: 'creditCodeInvalid',
    });
  });

  test('every error it can name has words in both languages', () => {
    for (const key of [
      'nameRequired',
      'nameInvalid',
      'idRequired',
      'idFormat',
      'idBirthDate',
      'idCheckDigit',
      'employerTooLong',
      'creditCodeInvalid',
      'unionRequired',
    ])
      for (const lang of [memberJoinZh, memberJoinEn]) expect(lang.errors).toHaveProperty(key);
  });
});

describe('joinStatusMessage', () => {
  test('pending: the promised contact date, then that it has passed', () => {
    const pending = { status: 'pending' as const, contactDeadline: '2027-01-05' };
    expect(joinStatusMessage(pending, '2026-12-14')).toEqual({
      key: 'pendingText',
      params: { year: '2027', month: '1', day: '5' },
    });
    expect(joinStatusMessage(pending, '2027-01-05').key).toBe('pendingText');
    expect(joinStatusMessage(pending, '2027-01-06').key).toBe('pendingOverdue');
    expect(
      memberJoinZh.status.pendingText.replace(
        /\{\{(\w+)\}\}/g,
        (_, k: 'year' | 'month' | 'day') => ({ year: '2027', month: '1', day: '5' })[k],
      ),
    ).toBe('工会将在 2027 年 1 月 5 日前与您联系');
  });

  test('decided: the outcome', () => {
    expect(joinStatusMessage({ status: 'accepted', contactDeadline: '2027-01-05' }, '2026-12-14').key).toBe(
      'acceptedText',
    );
    expect(joinStatusMessage({ status: 'rejected', contactDeadline: '2027-01-05' }, '2027-02-01').key).toBe(
      'rejectedText',
    );
  });
});
