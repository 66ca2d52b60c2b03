import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkIdNumber, idNumberFacts, MemberCategories } from '@unionhub/contracts';
import { describe, expect, it } from 'vitest';
import { regionExists } from '../../../apps/api/src/modules/regions/regions.js';
import { CATEGORY_LABELS, MEMBER_CSV_HEADER, writeMembersCsv } from './csv.js';
import { MemberGenerator, REFERENCE_DATE } from './members.js';
import { generateProvince } from './province.js';
import { permutation } from './random.js';

const orgs = generateProvince();
const generator = new MemberGenerator(orgs);
const byId = new Map(orgs.map((o) => [o.id, o]));

describe('synthetic province', () => {
  it('has about 55,000 orgs in the federation shape, parents first, names unique among siblings', () => {
    expect(orgs).toHaveLength(55_000);
    expect(orgs[0]).toMatchObject({ name: '河南省总工会', level: 'province', path: '1', parentId: null });
    expect(orgs.filter((o) => o.level === 'city')).toHaveLength(18);
    const counties = orgs.filter((o) => o.level === 'county');
    expect(counties.length).toBeGreaterThan(150);
    expect(counties.filter((c) => !regionExists(c.regionCode))).toEqual([]);
    const seen = new Set<string>();
    const broken: string[] = [];
    for (const o of orgs) {
      if (o.parentId !== null) {
        const parent = byId.get(o.parentId)!;
        if (parent.id >= o.id || o.path !== `${parent.path}.${o.id}` || o.depth !== parent.depth + 1)
          broken.push(`${o.id} path`);
      }
      const key = `${o.parentId}|${o.name}`;
      if (seen.has(key)) broken.push(`${o.id} name`);
      seen.add(key);
    }
    expect(broken).toEqual([]);
    const kinds = new Set(orgs.filter((o) => o.level === 'grassroots').map((o) => o.kind));
    expect([...kinds].sort()).toEqual(['industry', 'joint', 'regular']);
  });

  it('is the same for the same seed', () => {
    const small = generateProvince({ orgs: 3_000 });
    expect(generateProvince({ orgs: 3_000 })).toEqual(small);
    expect(new MemberGenerator(small).member(12_345)).toEqual(new MemberGenerator(small).member(12_345));
  });
});

describe('synthetic members', () => {
  const n = 20_000;
  const members = Array.from({ length: n }, (_, i) => generator.member(i + 1));

  it('have valid ID numbers of their union’s county, ages 18–60, and the gender the number says', () => {
    const today = new Date(`${REFERENCE_DATE}T00:00:00Z`);
    const wrong = members.filter((m) => {
      const facts = idNumberFacts(m.idNumber);
      const org = byId.get(m.orgId)!;
      return (
        checkIdNumber(m.idNumber, today) !== null ||
        org.level !== 'grassroots' ||
        facts.regionCode !== org.regionCode ||
        facts.birthDate !== m.birthDate ||
        facts.gender !== m.gender ||
        m.birthDate < '1965-07-01' ||
        m.birthDate > '2008-06-30' ||
        m.joinedOn > REFERENCE_DATE ||
        m.joinedOn <= m.birthDate ||
        !/^1[3-9]\d{9}$/.test(m.phone) ||
        !/^[\u4e00-\u9fa5]{2,4}$/.test(m.name)
      );
    });
    expect(wrong).toEqual([]);
  });

  it('never share an ID number or a phone', () => {
    expect(new Set(members.map((m) => m.idNumber)).size).toBe(n);
    expect(new Set(members.map((m) => m.phone)).size).toBe(n);
  });

  it('spread over unions with a heavy tail, and over both sexes', () => {
    const per = new Map<number, number>();
    for (const m of members) per.set(m.orgId, (per.get(m.orgId) ?? 0) + 1);
    const sizes = [...per.values()].sort((a, b) => b - a);
    expect(sizes[0]!).toBeGreaterThan(20 * sizes[Math.floor(sizes.length / 2)]!);
    const men = members.filter((m) => m.gender === 'male').length / n;
    expect(men).toBeGreaterThan(0.45);
    expect(men).toBeLessThan(0.55);
  });

  it('use one- and two-character given names and weighted surnames', () => {
    const lengths = new Set(members.map((m) => [...m.name].length));
    expect(lengths.has(2) && lengths.has(3)).toBe(true);
    const wang = members.filter((m) => m.name.startsWith('王')).length / n;
    expect(wang).toBeGreaterThan(0.04);
  });
});

describe('permutation', () => {
  it('is a bijection', () => {
    const size = 100_003;
    const p = permutation(size, 7);
    const seen = new Uint8Array(size);
    for (let i = 0; i < size; i++) seen[p(i)]! += 1;
    expect(seen.every((v) => v === 1)).toBe(true);
  });
});

describe('writeMembersCsv', () => {
  it('writes the import template', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uh-csv-'));
    try {
      const file = join(dir, 'members.csv');
      await writeMembersCsv(file, 200, { orgs });
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      expect(lines[0]).toBe(MEMBER_CSV_HEADER);
      expect(lines).toHaveLength(201);
      const labels = new Set(Object.values(CATEGORY_LABELS));
      expect(Object.keys(CATEGORY_LABELS).sort()).toEqual([...MemberCategories].sort());
      for (const [i, line] of lines.slice(1).entries()) {
        const cells = line.split(',');
        expect(cells).toHaveLength(8);
        const m = generator.member(i + 1);
        expect(cells).toEqual([
          m.name,
          m.idNumber,
          m.phone,
          m.joinedOn,
          m.employerName,
          '',
          cells[6],
          String(m.orgId),
        ]);
        expect(cells[3]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        for (const label of cells[6] ? cells[6].split('、') : []) expect(labels.has(label)).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
