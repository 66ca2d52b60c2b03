import { idNumberCheckChar, type MemberCategory } from '@unionhub/contracts';
import { personName, smallEmployerName } from './names.js';
import { DEFAULT_SEED, type SyntheticOrg } from './province.js';
import { cumulativeOf, permutation, pickWeighted, Rng } from './random.js';

/** Ages are counted at this date, so the same seed gives the same people whenever it runs. */
export const REFERENCE_DATE = '2026-06-30';
const DAY = 86_400_000;
const refMs = Date.parse(`${REFERENCE_DATE}T00:00:00Z`);
/** Born from the day after the 61st birthday to the 18th birthday: ages 18–60 at the reference date. */
const birthFirst = Date.UTC(1965, 6, 1);
const birthLast = Date.UTC(2008, 5, 30);
const birthDays = Math.round((birthLast - birthFirst) / DAY) + 1;
/** Three-digit sequence numbers per birth date; odd for men. Every (birth date, sequence) is used once. */
const ID_CAPACITY = birthDays * 1000;

/** Mobile prefixes of the three carriers (1[3-9]x). */
const PHONE_PREFIXES = [
  130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 150, 151, 152, 153, 155, 156, 157, 158, 159, 166, 173,
  175, 176, 177, 178, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 191, 198, 199,
];
const PHONE_CAPACITY = PHONE_PREFIXES.length * 100_000_000;

/** The largest N the generator can make with unique ID numbers. */
export const MAX_MEMBERS = ID_CAPACITY;

export interface SyntheticMember {
  /** 1-based; the loader stores it as the member id. */
  id: number;
  orgId: number;
  name: string;
  idNumber: string;
  birthDate: string;
  gender: 'male' | 'female';
  phone: string;
  joinedOn: string;
  employerName: string;
  categories: MemberCategory[];
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Members of a synthetic province: member i is a pure function of (seed, i) and the org tree, so any
 * range of them can be made anywhere and again. ID numbers carry the union's county code, a birth
 * date for ages 18–60 and the gender digit; distinct members never share an ID number or phone.
 */
export class MemberGenerator {
  private readonly unions: SyntheticOrg[];
  private readonly cumulative: Float64Array;
  private readonly idSlot: (i: number) => number;
  private readonly phoneSlot: (i: number) => number;

  constructor(
    orgs: readonly SyntheticOrg[],
    private readonly seed = DEFAULT_SEED,
  ) {
    this.unions = orgs.filter((o) => o.level === 'grassroots');
    if (this.unions.length === 0) throw new Error('The org tree has no grassroots unions');
    this.cumulative = cumulativeOf(this.unions.map((o) => o.weight));
    this.idSlot = permutation(ID_CAPACITY, seed ^ 0x1d);
    this.phoneSlot = permutation(PHONE_CAPACITY, seed ^ 0x9f);
  }

  /** Member number `id` (1-based). */
  member(id: number): SyntheticMember {
    if (id < 1 || id > MAX_MEMBERS) throw new Error(`Member ${id} is out of range 1–${MAX_MEMBERS}`);
    const i = id - 1;
    const rng = new Rng(this.seed, 2, i);
    const org = this.unions[pickWeighted(this.cumulative, rng.next())]!;

    const slot = this.idSlot(i);
    const birthMs = birthFirst + (slot % birthDays) * DAY;
    const sequence = Math.floor(slot / birthDays);
    const birthDate = iso(birthMs);
    const first17 = `${org.regionCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
    const gender = sequence % 2 === 1 ? 'male' : 'female';

    const phoneSlot = this.phoneSlot(i);
    const phone = `${PHONE_PREFIXES[Math.floor(phoneSlot / 100_000_000)]}${String(phoneSlot % 100_000_000).padStart(8, '0')}`;

    // Joined at 18 at the earliest, not before the union was founded, not after the reference date.
    const adult = Date.UTC(new Date(birthMs).getUTCFullYear() + 18, new Date(birthMs).getUTCMonth(), 1);
    const founded = org.foundedOn ? Date.parse(`${org.foundedOn}T00:00:00Z`) : 0;
    const earliest = Math.min(Math.max(adult, founded, Date.UTC(1990, 0, 1)), refMs);
    // Recent joins are more common than old ones (square root skews towards the reference date).
    const joinedMs = earliest + Math.floor(Math.sqrt(rng.next()) * ((refMs - earliest) / DAY)) * DAY;

    const categories: MemberCategory[] = [];
    const joint = org.kind !== 'regular';
    if (rng.chance(joint ? 0.45 : 0.22)) categories.push('migrant_worker');
    if (rng.chance(joint ? 0.3 : 0.03)) categories.push('new_form_worker');
    if (rng.chance(0.03)) categories.push('veteran');
    if (rng.chance(0.02)) categories.push('hardship');
    if (rng.chance(0.01)) categories.push('disabled');
    if (rng.chance(0.004)) categories.push('model_worker');

    return {
      id,
      orgId: org.id,
      name: personName(rng, gender),
      idNumber: first17 + idNumberCheckChar(first17),
      birthDate,
      gender,
      phone,
      joinedOn: iso(joinedMs),
      employerName: org.employerName ?? smallEmployerName(rng, org.place),
      categories,
    };
  }
}
