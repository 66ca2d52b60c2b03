export { orgDissolved } from './orgs.errors.js';
export {
  fillMissingNameKeys,
  findOrgById,
  findOrgByRegionCode,
  insertOrg,
  listAncestorsOf,
  type OrgRow,
  type OrgWithCount,
} from './orgs.repository.js';
export { orgRoutes } from './orgs.routes.js';
export { orgs } from './orgs.schema.js';
export { findGrassrootsUnions, getOrgInScope } from './orgs.service.js';
