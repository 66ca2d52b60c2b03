export { findMemberAccountById, findMemberAccountByPhoneHash, listActiveStaffOf } from './auth.repository.js';
export { authRoutes } from './auth.routes.js';
export { memberAccounts, otpCodes, sessions, staffUsers } from './auth.schema.js';
export { type AuthService, createAuthService } from './auth.service.js';
export { hashPassword, passwordProblems } from './passwords.js';
export { forgetAllSignedIn, forgetSignedInStaff } from './principal-cache.js';
