import { regionChildren, townshipsOf } from '../../../apps/api/src/modules/regions/regions.js';
import { enterpriseName, industryUnionName, institutionName, jointUnionName, shortPlace } from './names.js';
import { Rng } from './random.js';

export const PROVINCE_CODE = '410000';

export type OrgLevel = 'province' | 'city' | 'county' | 'township' | 'grassroots';
export type OrgKind = 'regular' | 'joint' | 'industry';

export interface SyntheticOrg {
  /** 1-based, parents before children: the id the loader stores. */
  id: number;
  parentId: number | null;
  /** ltree path of ids from the root, "1.3.25". */
  path: string;
  depth: number;
  level: OrgLevel;
  kind: OrgKind;
  name: string;
  /** GB/T 2260 code: the org's own region, or for townships and grassroots unions their county's. */
  regionCode: string;
  industryCode: string | null;
  foundedOn: string | null;
  /** The employer a regular grassroots union is formed in; members of joint and industry unions work elsewhere. */
  employerName: string | null;
  /** Short name of the county (or city) the union lies in, for the names of its members' employers. */
  place: string;
  /** Relative size: how many members this union gets compared with the others. */
  weight: number;
}

export interface ProvinceOptions {
  seed?: number;
  /** Total number of orgs wanted, about; the tree's upper levels come from the region dataset. */
  orgs?: number;
}

export const DEFAULT_SEED = 20_260_101;
export const DEFAULT_ORGS = 55_000;

/**
 * Henan's union structure: 河南省总工会, a federation for each of the 18 cities and each county or
 * district (GB/T 2260 codes from the dataset the API uses), a union in each township and street,
 * then grassroots unions — most formed in one employer (regular), some regional joint unions, a few
 * county industry unions — until the tree has about `orgs` nodes. Member counts follow a heavy
 * tail: weights from a Pareto law, a few unions with thousands of members and many with a dozen.
 */
export function generateProvince(opts: ProvinceOptions = {}): SyntheticOrg[] {
  const seed = opts.seed ?? DEFAULT_SEED;
  const target = opts.orgs ?? DEFAULT_ORGS;
  const out: SyntheticOrg[] = [];
  const add = (o: Omit<SyntheticOrg, 'id' | 'path' | 'depth'>, parent: SyntheticOrg | null) => {
    const id = out.length + 1;
    const org: SyntheticOrg = {
      ...o,
      id,
      path: parent ? `${parent.path}.${id}` : String(id),
      depth: parent ? parent.depth + 1 : 1,
    };
    out.push(org);
    return org;
  };
  const federation = (level: OrgLevel, name: string, regionCode: string, parent: SyntheticOrg | null) =>
    add(
      {
        parentId: parent?.id ?? null,
        level,
        kind: 'regular',
        name,
        regionCode,
        industryCode: null,
        foundedOn: null,
        employerName: null,
        place: shortPlace(name.replace(/总工会$|工会$/, '')),
        weight: 0,
      },
      parent,
    );

  const root = federation('province', '河南省总工会', PROVINCE_CODE, null);
  // Where grassroots unions go: each county and each township, with the county's name for firms.
  const hosts: { org: SyntheticOrg; county: SyntheticOrg; townName: string | null }[] = [];
  for (const city of regionChildren(PROVINCE_CODE)) {
    const cityOrg = federation('city', `${city.name}总工会`, city.code, root);
    const counties = regionChildren(city.code);
    // A county-level city under the province (济源) holds its townships itself.
    const countyList = counties.length > 0 ? counties : [{ code: city.code, name: city.name }];
    for (const county of countyList) {
      const countyOrg =
        counties.length > 0 ? federation('county', `${county.name}总工会`, county.code, cityOrg) : cityOrg;
      hosts.push({ org: countyOrg, county: countyOrg, townName: null });
      for (const town of townshipsOf(county.code)) {
        const name = town.name.endsWith('街道') ? `${town.name}工会` : `${town.name}总工会`;
        const townOrg = federation('township', name, county.code, countyOrg);
        hosts.push({ org: townOrg, county: countyOrg, townName: town.name });
      }
    }
  }

  const grassroots = Math.max(0, target - out.length);
  const siblingNames = new Map<number, Set<string>>();
  for (let g = 0; g < grassroots; g++) {
    const rng = new Rng(seed, 1, g);
    // Townships hold most unions; the county federation itself holds the big employers and trades.
    const host = hosts[rng.int(hosts.length)]!;
    const county = host.county;
    const place = county.place;
    let name = '';
    let kind: OrgKind = 'regular';
    let industryCode: string | null = null;
    let employerName: string | null = null;
    const taken = siblingNames.get(host.org.id) ?? new Set<string>();
    siblingNames.set(host.org.id, taken);
    for (let attempt = 0; attempt < 50 && (!name || taken.has(name)); attempt++) {
      const roll = rng.next();
      if (host.townName && roll < 0.08) {
        kind = 'joint';
        name = jointUnionName(rng, host.townName);
        industryCode = null;
        employerName = null;
      } else if (!host.townName && roll < 0.06) {
        kind = 'industry';
        const trade = industryUnionName(rng, county.name.replace(/总工会$/, ''));
        name = trade.name;
        industryCode = trade.industryCode;
        employerName = null;
      } else {
        kind = 'regular';
        const firm = rng.chance(0.12) ? institutionName(rng, place) : enterpriseName(rng, place);
        employerName = firm.name;
        industryCode = firm.industryCode;
        name = rng.chance(0.7) ? `${firm.name}工会委员会` : `${firm.name}工会`;
      }
    }
    if (taken.has(name)) name = `${name}（${g}）`;
    taken.add(name);
    // Pareto(α = 1.1) sizes, capped so one union cannot hold a noticeable share of the province.
    const pareto = Math.min(1 / (1 - rng.next()) ** (1 / 1.1), 2000);
    const weight = kind === 'regular' ? pareto : pareto * 2;
    const year = 1985 + rng.int(40);
    add(
      {
        parentId: host.org.id,
        level: 'grassroots',
        kind,
        name,
        regionCode: county.regionCode,
        industryCode,
        foundedOn: `${year}-${String(1 + rng.int(12)).padStart(2, '0')}-${String(1 + rng.int(28)).padStart(2, '0')}`,
        employerName,
        place,
        weight,
      },
      host.org,
    );
  }
  return out;
}
