export type { EncodedMember, NewMemberInput } from './members.columns.js';
export { createMemberEncoder, type MemberEncoder } from './members.encoder.js';
export { chinaToday, joinDateProblem, maskOrgName, parseIdNumber } from './members.policy.js';
export { presentStatusChange } from './members.presenter.js';
export { type MemberWithOrg, setMemberCategory } from './members.repository.js';
export { memberRoutes } from './members.routes.js';
export { memberStatusHistory, members } from './members.schema.js';
export {
  assertNoActiveMembership,
  createMember,
  findActiveMemberByPhoneHash,
  getMemberById,
  getMemberInScope,
  type HistoryActor,
  moveMember,
} from './members.service.js';
