/**
 * The parts of the built server (apps/api/dist) the loader and the benchmarks reuse, so the stored
 * form — encryption envelopes, keyed hashes, masks, pinyin keys, card numbers — is the app's own.
 * `npm run build` first.
 */
export { buildApp } from '../../../apps/api/dist/app.js';
export { createLogger, openContext } from '../../../apps/api/dist/bootstrap.js';
export { loadConfig } from '../../../apps/api/dist/config/config.js';
export { inTransaction } from '../../../apps/api/dist/db/tx.js';
export { hashPassword } from '../../../apps/api/dist/modules/auth/passwords.js';
export {
  createTokenIssuer,
  newRefreshToken,
  newSessionId,
} from '../../../apps/api/dist/modules/auth/tokens.js';
export { formatCardNumber } from '../../../apps/api/dist/modules/cards/card-number.js';
export { cardKeysFromPem, signCardToken } from '../../../apps/api/dist/modules/cards/card-token.js';
export {
  regionKeys,
  runSearch,
  searchBigrams,
  searchQueries,
  TOTAL_CAP,
} from '../../../apps/api/dist/modules/jobs/index.js';
export { namePinyin } from '../../../apps/api/dist/modules/members/members.policy.js';
export { drainDueNotifications } from '../../../apps/api/dist/modules/notifications/index.js';
export { recountRollups } from '../../../apps/api/dist/modules/stats/stats.repository.js';
export { lastTwelveMonths } from '../../../apps/api/dist/modules/stats/stats.service.js';
export { createPii, maskIdNumber, maskPhone } from '../../../apps/api/dist/platform/pii.js';
export { nameKeys } from '../../../apps/api/dist/platform/pinyin.js';
