import { MemberGenerator } from '../synthetic/members.js';
import { PROVINCE_CODE, type SyntheticOrg } from '../synthetic/province.js';
import { createPii, maskIdNumber, maskPhone, namePinyin } from './app.js';

/** The members table's columns in the order `encodeMembers` writes them. */
export const MEMBER_COLUMNS = [
  'id',
  'province_code',
  'org_id',
  'name',
  'name_pinyin',
  'name_initials',
  'id_hash',
  'id_enc',
  'id_masked',
  'birth_date',
  'gender',
  'phone_hash',
  'phone_enc',
  'phone_masked',
  'employer_name',
  'joined_on',
  'status',
  'categories',
  'created_at',
  'updated_at',
] as const;

export interface PiiSecrets {
  piiKeys: [string, string][];
  activeKeyId: string;
  piiHmacKey: string;
}

/** A bytea value in COPY's text format (the backslash of \x escaped). */
const hex = (b: Buffer) => `\\\\x${b.toString('hex')}`;

/** COPY text escaping of a free-text value. */
const text = (s: string) =>
  s.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);

/**
 * Turns member numbers [from, to) into COPY text rows in the exact form the app stores: ID number
 * and phone sealed with the app's PII envelope, their keyed lookup hashes and masks, pinyin keys of
 * the name, birth date and gender read from the ID number.
 */
export function createMemberEncoder(orgs: readonly SyntheticOrg[], seed: number, secrets: PiiSecrets) {
  const generator = new MemberGenerator(orgs, seed);
  const pii = createPii({
    piiKeys: new Map(secrets.piiKeys.map(([id, key]) => [id, Buffer.from(key, 'base64')])),
    activeKeyId: secrets.activeKeyId,
    piiHmacKey: Buffer.from(secrets.piiHmacKey, 'base64'),
  });
  // Common names repeat; their pinyin is the slow part, so it is remembered (bounded).
  const pinyinCache = new Map<string, string>();
  const pinyinOf = (name: string) => {
    let keys = pinyinCache.get(name);
    if (keys === undefined) {
      const p = namePinyin(name);
      keys = `${p.full}\t${p.initials}`;
      if (pinyinCache.size > 300_000) pinyinCache.clear();
      pinyinCache.set(name, keys);
    }
    return keys;
  };
  return (from: number, to: number): string => {
    const rows: string[] = [];
    for (let id = from; id < to; id++) {
      const m = generator.member(id);
      const createdAt = `${m.joinedOn} 09:00:00+08`;
      rows.push(
        [
          id,
          PROVINCE_CODE,
          m.orgId,
          m.name,
          pinyinOf(m.name),
          hex(pii.lookupHash('id_number', m.idNumber)),
          hex(pii.seal(m.idNumber)),
          maskIdNumber(m.idNumber),
          m.birthDate,
          m.gender,
          hex(pii.lookupHash('phone', m.phone)),
          hex(pii.seal(m.phone)),
          maskPhone(m.phone),
          text(m.employerName),
          m.joinedOn,
          'active',
          `{${m.categories.join(',')}}`,
          createdAt,
          createdAt,
        ].join('\t'),
      );
    }
    return `${rows.join('\n')}\n`;
  };
}
