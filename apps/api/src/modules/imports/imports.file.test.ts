import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { detectFileKind, openRoster } from './imports.file.js';
import { checkRow, parseJoinDate } from './imports.rows.js';

const dir = mkdtempSync(join(tmpdir(), 'uh-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Reads a file as an import does: kind, header, every row; answers the rows or the refusal. */
async function readAll(bytes: Uint8Array): Promise<number | AppError> {
  const path = join(dir, 'f');
  writeFileSync(path, bytes);
  try {
    const roster = await openRoster(path, await detectFileKind(path, bytes.length));
    let n = 0;
    for await (const _ of roster.rows) n++;
    return n;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
}

describe('roster file reading', () => {
  it('never crashes on random bytes: it reads rows or refuses with IMPORT_FILE_INVALID', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        const result = await readAll(bytes);
        if (result instanceof AppError) expect(result.code).toBe('IMPORT_FILE_INVALID');
      }),
      { numRuns: 300 },
    );
  });

  it('never crashes on text that looks like csv', async () => {
    const header = '姓名*,身份证号*,手机号*,入会日期*\n';
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: fc.constantFrom('"', ',', '\n', '\r', 'a', '张', ' ', '1') }),
        async (s) => {
          const result = await readAll(Buffer.from(header + s, 'utf8'));
          expect(typeof result === 'number' || result.code === 'IMPORT_FILE_INVALID').toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads quoted fields with commas, quotes and line breaks', async () => {
    const text =
      '姓名,身份证号,手机号,入会日期,工作单位\r\n张三,1,2,3,"某某公司, ""总部""\r\n二楼"\r\n\r\n李四,1,2,3,x';
    const path = join(dir, 'q.csv');
    writeFileSync(path, text);
    const roster = await openRoster(path, await detectFileKind(path, Buffer.byteLength(text)));
    const rows = [];
    for await (const row of roster.rows) rows.push(row);
    expect(rows.map((r) => [r.rowNo, r.cells[4]])).toEqual([
      [2, '某某公司, "总部"\r\n二楼'],
      [4, 'x'],
    ]);
  });
});

describe('row rules', () => {
  it('accepts the join date forms the template names', () => {
    expect(parseJoinDate('2024-05-01')).toBe('2024-05-01');
    expect(parseJoinDate('2024/5/1')).toBe('2024-05-01');
    expect(parseJoinDate('20240501')).toBe('2024-05-01');
    expect(parseJoinDate(new Date(Date.UTC(2024, 4, 1)))).toBe('2024-05-01');
    expect(parseJoinDate(45413)).toBe('2024-05-01');
    expect(parseJoinDate('2024-02-30')).toBeNull();
    expect(parseJoinDate('昨天')).toBeNull();
  });

  it('reports every problem of a row in Chinese', () => {
    const result = checkRow(
      ['张', '', '123', '2024-13-01', '', 'ABC', '农民工，会计', '一'],
      new Date(),
      '2026-01-01',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.column)).toEqual([
      '姓名',
      '身份证号',
      '手机号',
      '入会日期',
      '统一社会信用代码',
      '人员类别',
      '所属工会编号',
    ]);
    expect(result.problems[5]!.message).toContain('不认识“会计”');
  });
});
