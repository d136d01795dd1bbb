import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { Clock } from '@dutyline/domain';
import type { GatewayConfig } from '../config/gateway-config';
import type { JsonLogger } from '../logging/json-logger';
import { provideFactory } from '../platform/injection-token';
import { CLOCK, GATEWAY_CONFIG, LOGGER } from '../platform/platform.tokens';
import { AccessTokens } from './access-tokens';
import { ApiKeysResolver } from './api-keys.resolver';
import { ApiKeysService } from './api-keys.service';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { ACCESS_TOKENS, LOGIN_ATTEMPT_LIMITER, PASSWORD_HASHER } from './auth.tokens';
import { Authenticator } from './authenticator.service';
import { openLoginAttemptLimiter } from './login-attempt-limiter-fallback';
import { LoginService } from './login.service';
import { PasswordHasher } from './password-hasher';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

/**
 * Accounts, users, roles and API keys (F22). Registers the global AuthGuard: every resolver and
 * route needs credentials unless `@Public()`.
 */
@Module({
  providers: [
    provideFactory(
      ACCESS_TOKENS,
      [GATEWAY_CONFIG, CLOCK],
      (config: GatewayConfig, clock: Clock) =>
        new AccessTokens(config.authSecret.value, clock, config.auth.tokenTtlSeconds),
    ),
    provideFactory(PASSWORD_HASHER, [], () => new PasswordHasher()),
    provideFactory(
      LOGIN_ATTEMPT_LIMITER,
      [GATEWAY_CONFIG, CLOCK, LOGGER],
      (config: GatewayConfig, clock: Clock, logger: JsonLogger) => openLoginAttemptLimiter(config, clock, logger),
    ),
    Authenticator,
    LoginService,
    UsersService,
    ApiKeysService,
    AuthResolver,
    UsersResolver,
    ApiKeysResolver,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [Authenticator, UsersService, ApiKeysService, PASSWORD_HASHER, ACCESS_TOKENS],
})
export class AuthModule {}
