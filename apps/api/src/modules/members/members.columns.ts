import type { IdNumberFacts } from '@unionhub/contracts';
import { maskIdNumber, maskPhone, type Pii } from '../../platform/pii.js';
import { namePinyin } from './members.policy.js';

/**
 * The stored columns of a new member, derived from checked input. Kept apart from the service (few
 * imports) so the import's encoding threads (members.encoder.ts) load only this and what it needs.
 */

/** What a registration needs to know, checked already: the union, the person, the membership. */
export interface NewMemberInput {
  org: { id: number; provinceCode: string | null; regionCode: string | null };
  name: string;
  idNumber: string;
  facts: IdNumberFacts;
  phone: string;
  employerName: string | null;
  employerId: number | null;
  joinedOn: string;
  categories: string[];
}

export type NewMemberColumns = ReturnType<typeof newMemberColumns>;

/**
 * Names repeat massively in a roster (a million rows hold a few hundred thousand distinct names), and
 * the pinyin of a name is a pure function of it: computed once per distinct name. Bounded: emptied
 * when full, so a file of all-different names costs one lookup more per row, never memory.
 */
const PINYIN_CACHE = 200_000;
const pinyinCache = new Map<string, { full: string; initials: string }>();

export function cachedNamePinyin(name: string): { full: string; initials: string } {
  let keys = pinyinCache.get(name);
  if (!keys) {
    if (pinyinCache.size >= PINYIN_CACHE) pinyinCache.clear();
    keys = namePinyin(name);
    pinyinCache.set(name, keys);
  }
  return keys;
}

export function idNumberColumns(pii: Pii, idNumber: string) {
  return {
    idHash: pii.lookupHash('id_number', idNumber),
    idEnc: pii.seal(idNumber),
    idMasked: maskIdNumber(idNumber),
  };
}

export function phoneColumns(pii: Pii, phone: string) {
  return {
    phoneHash: pii.lookupHash('phone', phone),
    phoneEnc: pii.seal(phone),
    phoneMasked: maskPhone(phone),
  };
}

/** The union's province (the distribution key): its own code, else read from its region code. */
function provinceOf(provinceCode: string | null, regionCode: string | null): string | null {
  return provinceCode ?? (regionCode ? `${regionCode.slice(0, 2)}0000` : null);
}

/**
 * The stored columns of a new member as every registration writes them (one at a time or by
 * import): pinyin of the name, ID number and phone sealed, hashed and masked, birth date and gender
 * from the ID number, the province that distributes the row.
 */
export function newMemberColumns(pii: Pii, input: NewMemberInput) {
  const { full, initials } = cachedNamePinyin(input.name);
  return {
    provinceCode:
      provinceOf(input.org.provinceCode, input.org.regionCode) ?? provinceOf(null, input.facts.regionCode)!,
    orgId: input.org.id,
    name: input.name,
    namePinyin: full,
    nameInitials: initials,
    ...idNumberColumns(pii, input.idNumber),
    ...phoneColumns(pii, input.phone),
    birthDate: input.facts.birthDate,
    gender: input.facts.gender,
    employerName: input.employerName,
    employerId: input.employerId,
    joinedOn: input.joinedOn,
    categories: input.categories,
  };
}

/**
 * A new member's columns with the byte columns (hashes, sealed envelopes) as hex text: what COPY's
 * text format takes, and cheap to pass between threads (strings are copied whole, no Buffer per cell).
 */
export type EncodedMember = Omit<NewMemberColumns, 'idHash' | 'idEnc' | 'phoneHash' | 'phoneEnc'> & {
  idHash: string;
  idEnc: string;
  phoneHash: string;
  phoneEnc: string;
};

export function encodeNewMember(pii: Pii, input: NewMemberInput): EncodedMember {
  const c = newMemberColumns(pii, input);
  return {
    ...c,
    idHash: c.idHash.toString('hex'),
    idEnc: c.idEnc.toString('hex'),
    phoneHash: c.phoneHash.toString('hex'),
    phoneEnc: c.phoneEnc.toString('hex'),
  };
}
