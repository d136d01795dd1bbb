export { type Account, type AccountSummary } from './account';
export { type Role, ROLES, type User, type EmailTaken, type RevokedLoginToken, type LoginSession } from './user';
export { type ApiKey } from './api-key';
export { type AccountRepository } from './account-repository.port';
export { type ApiKeyRepository } from './api-key-repository.port';
export {
  type OneTimeTokenPurpose,
  type OneTimeToken,
  tokenOpen,
  type InvalidToken,
  type OneTimeTokenRepository,
} from './one-time-tokens.port';
