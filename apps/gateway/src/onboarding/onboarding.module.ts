import { Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Clock } from '@dutyline/domain';
import { SqlOneTimeTokenRepository } from '@dutyline/persistence';
import type { DataSource } from 'typeorm';
import { AuthModule } from '../auth/auth.module';
import type { GatewayConfig } from '../config/gateway-config';
import { DATA_SOURCE } from '../database/database.module';
import type { JsonLogger } from '../logging/json-logger';
import { openMailer } from '../notifications/gateway-notifications';
import { provideFactory } from '../platform/injection-token';
import { CLOCK, GATEWAY_CONFIG, LOGGER } from '../platform/platform.tokens';
import { InvitationsService } from './invitations.service';
import { LinkTokens } from './link-tokens';
import { OnboardingLimits, openOnboardingLimits } from './onboarding-limits';
import { OnboardingMailer } from './onboarding-mailer';
import {
  EmailVerifiedResolver,
  InvitationsResolver,
  PasswordResetResolver,
  SignUpResolver,
} from './onboarding.resolver';
import { ONBOARDING_LIMITS, ONBOARDING_MAILER, ONE_TIME_TOKEN_REPOSITORY } from './onboarding.tokens';
import { PasswordResetService } from './password-reset.service';
import { SignUpService } from './sign-up.service';

/** Lets the e-mails in progress go out, then closes the mailer and the limiters' connections. */
@Injectable()
class OnboardingShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(ONBOARDING_MAILER) private readonly mailer: OnboardingMailer,
    @Inject(ONBOARDING_LIMITS) private readonly limits: OnboardingLimits,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.mailer.close();
    await this.limits.close();
  }
}

/**
 * Sign-up (SIGNUP=open), invitations, password resets and e-mail verification (issue #11): single-use
 * links stored hashed, e-mailed through SMTP_URL or the outbox to pages of the console.
 */
@Module({
  imports: [AuthModule],
  providers: [
    provideFactory(
      ONE_TIME_TOKEN_REPOSITORY,
      [DATA_SOURCE],
      (dataSource: DataSource) => new SqlOneTimeTokenRepository(dataSource),
    ),
    provideFactory(
      ONBOARDING_MAILER,
      [GATEWAY_CONFIG, LOGGER],
      (config: GatewayConfig, logger: JsonLogger) => new OnboardingMailer(openMailer(config.mail), logger),
    ),
    provideFactory(
      ONBOARDING_LIMITS,
      [GATEWAY_CONFIG, CLOCK, LOGGER],
      (config: GatewayConfig, clock: Clock, logger: JsonLogger) => openOnboardingLimits(config, clock, logger),
    ),
    LinkTokens,
    InvitationsService,
    PasswordResetService,
    SignUpService,
    InvitationsResolver,
    PasswordResetResolver,
    SignUpResolver,
    EmailVerifiedResolver,
    OnboardingShutdown,
  ],
})
export class OnboardingModule {}
