import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    keysOf(v, prefix ? `${prefix}.${k}` : k),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('translations', () => {
  const zhKeys = new Set(keysOf(zhCN));

  test('English has exactly the Chinese keys', () => {
    expect(keysOf(en).sort()).toEqual([...zhKeys].sort());
  });

  test('every literal key used in the code exists', () => {
    const srcDir = join(import.meta.dirname, '..');
    const used = new Set<string>();
    for (const file of sourceFiles(srcDir)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) used.add(match[1] as string);
      for (const match of text.matchAll(/\blabel: '([a-zA-Z]+\.[\w.]+)'/g)) used.add(match[1] as string);
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((key) => !zhKeys.has(key));
    expect(missing).toEqual([]);
  });

  test('no Chinese text is left untranslated in English', () => {
    const untranslated = keysOf(en).filter((key) => {
      const value = key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], en);
      return (
        typeof value === 'string' && /[\u4e00-\u9fff]/.test(value) && !key.startsWith('common.languages.')
      );
    });
    expect(untranslated).toEqual(['memberMe.language']);
  });
});
