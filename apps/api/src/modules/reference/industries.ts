import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Industry } from '@unionhub/contracts';

/**
 * GB/T 4754-2017 industry classification: 20 sections (A–T) and 97 divisions, read from the
 * standard's table as shipped in `apps/api/data` (the same relative place from `src` and `dist`).
 */
const csvFile = join(dirname(fileURLToPath(import.meta.url)), '../../../data/gbt4754-2017-industries.csv');

let cache: { list: Industry[]; byCode: Map<string, Industry> } | null = null;

/** Splits one CSV line; fields may be double-quoted and then hold commas ("农、林、牧、渔业"). */
export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

function load() {
  if (cache) return cache;
  const lines = readFileSync(csvFile, 'utf8').split(/\r?\n/).filter(Boolean);
  const header = parseCsvLine(lines[0]!).join(',');
  if (header !== 'code,level,section,name') throw new Error(`Unexpected header in ${csvFile}: ${header}`);
  const list: Industry[] = lines.slice(1).map((line) => {
    const [code, level, section, name] = parseCsvLine(line);
    if (!code || (level !== 'section' && level !== 'division') || !section || !name)
      throw new Error(`Malformed line in ${csvFile}: ${line}`);
    return { code, level, section, name };
  });
  cache = { list, byCode: new Map(list.map((i) => [i.code, i])) };
  return cache;
}

export function listIndustries(): Industry[] {
  return load().list;
}

/** True for a section letter or division number of the classification. */
export function industryExists(code: string): boolean {
  return load().byCode.has(code);
}

export function findIndustry(code: string): Industry | null {
  return load().byCode.get(code) ?? null;
}
