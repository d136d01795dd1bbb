import { token } from '../platform/injection-token';
import type { AccessTokens } from './access-tokens';
import type { LoginAttemptLimiter } from './login-attempt-limiter';
import type { PasswordHasher } from './password-hasher';

export const ACCESS_TOKENS = token<AccessTokens>('AccessTokens');
export const PASSWORD_HASHER = token<PasswordHasher>('PasswordHasher');
/** In this process, or shared through Redis with `REDIS_URL` (`openLoginAttemptLimiter`). */
export const LOGIN_ATTEMPT_LIMITER = token<LoginAttemptLimiter>('LoginAttemptLimiter');
