import { describe, expect, it } from 'vitest';
import { uniquePhone, validIdNumber } from '../../test/factories.js';
import {
  commit,
  countMembers,
  countStaged,
  csvOf,
  describeNoPlainIdNumberLeft,
  env,
  expectRollupsMatchRecount,
  importFile,
  job,
  person,
  type Row,
  tree,
  useImportsEnv,
} from './imports.test-setup.js';

useImportsEnv();

/** Names with their search keys as a single registration stores them (surnames read as surnames). */
const PINYIN: Record<string, [string, string]> = {
  王建国: ['wangjianguo', 'wjg'],
  李秀英: ['lixiuying', 'lxy'],
  张伟: ['zhangwei', 'zw'],
  欧阳娜娜: ['ouyangnana', 'oynn'],
  阿依古丽·买买提: ['ayigulimaimaiti', 'ayglmmt'],
  曾行长: ['zengxingchang', 'zxc'],
  单于行: ['shanyuxing', 'syx'],
  吕绿: ['lvlv', 'll'],
};
const NAMES = Object.keys(PINYIN);
/** A long employer name: 3,000 rows make a file over 1 MB, which the encoder's threads handle. */
const EMPLOYER = `河南${'中原'.repeat(45)}物流有限公司`;

describe('a file large enough for the encoder threads', () => {
  it('imports every row sealed, hashed and spelled as a single registration would be', async () => {
    const rows: Row[] = [];
    for (let i = 0; i < 3000; i++)
      rows.push([
        NAMES[i % NAMES.length]!,
        validIdNumber({}),
        uniquePhone(),
        '2023-03-01',
        EMPLOYER,
        '',
        i % 3 === 0 ? '农民工' : '',
        '',
      ]);
    // One person twice: both rows are reported, neither is imported.
    rows.push([...rows[10]!]);
    const file = csvOf(rows);
    expect(Buffer.byteLength(file)).toBeGreaterThan(1024 * 1024);
    const before = await countMembers(tree.grassroots.id);

    const result = await importFile(file, { dryRun: false, mode: 'skip_invalid' });
    expect(result).toMatchObject({
      status: 'committed',
      total: 3001,
      valid: 2999,
      invalid: 2,
      imported: 2999,
    });
    expect(await countMembers(tree.grassroots.id)).toBe(before + 2999);
    expect(await countStaged(result.id)).toBe(0);

    const stored = await env.ctx.database.query<{
      name: string;
      name_pinyin: string;
      name_initials: string;
      id_enc: Buffer;
      id_hash: Buffer;
      phone_enc: Buffer;
      phone_hash: Buffer;
    }>(
      `select name, name_pinyin, name_initials, id_enc, id_hash, phone_enc, phone_hash from members
       where org_id = $1 and employer_name = $2`,
      [tree.grassroots.id, EMPLOYER],
    );
    expect(stored).toHaveLength(2999);
    const byId = new Map(rows.map((r) => [String(r[1]), r]));
    for (const m of stored) {
      const idNumber = env.ctx.pii.open(Buffer.from(m.id_enc));
      const phone = env.ctx.pii.open(Buffer.from(m.phone_enc));
      const row = byId.get(idNumber)!;
      expect([m.name, phone]).toEqual([row[0], row[2]]);
      expect(Buffer.from(m.id_hash)).toEqual(env.ctx.pii.lookupHash('id_number', idNumber));
      expect(Buffer.from(m.phone_hash)).toEqual(env.ctx.pii.lookupHash('phone', phone));
      expect([m.name_pinyin, m.name_initials]).toEqual(PINYIN[m.name]);
    }
    await expectRollupsMatchRecount();

    const rerun = await importFile(file, { dryRun: false, mode: 'skip_invalid' });
    expect(rerun).toMatchObject({ status: 'committed', alreadyRegistered: 2999, imported: 0 });
    expect(await countMembers(tree.grassroots.id)).toBe(before + 2999);
  });
});

describe('staged rows lost since the check', () => {
  it('fails the commit, imports nothing and asks for the file again', async () => {
    const before = await countMembers(tree.grassroots.id);
    const checked = await importFile(csvOf([person(), person()]));
    expect(checked).toMatchObject({ status: 'validated', valid: 2 });
    // What a database crash does to the unlogged staging table.
    await env.ctx.database.query('delete from import_rows where job_id = $1', [checked.id]);

    expect((await commit(checked.id, 'all_or_nothing')).statusCode).toBe(202);
    const failed = await job(checked.id);
    expect(failed).toMatchObject({ status: 'failed', imported: 0, failure: { code: 'STAGED_ROWS_LOST' } });
    expect(await countMembers(tree.grassroots.id)).toBe(before);
  });
});

describeNoPlainIdNumberLeft();
