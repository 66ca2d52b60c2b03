export { CATEGORY_LABELS, MEMBER_CSV_HEADER, writeMembersCsv } from './csv.js';
export { MAX_MEMBERS, MemberGenerator, REFERENCE_DATE, type SyntheticMember } from './members.js';
export {
  DEFAULT_ORGS,
  DEFAULT_SEED,
  generateProvince,
  PROVINCE_CODE,
  type SyntheticOrg,
} from './province.js';

/** Bumped whenever the generated data changes, so a loaded bench database is rebuilt. */
export const GENERATOR_VERSION = 1;
