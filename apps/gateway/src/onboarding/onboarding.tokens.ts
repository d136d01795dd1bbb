import type { OneTimeTokenRepository } from '@dutyline/domain';
import { token } from '../platform/injection-token';
import type { OnboardingLimits } from './onboarding-limits';
import type { OnboardingMailer } from './onboarding-mailer';

export const ONE_TIME_TOKEN_REPOSITORY = token<OneTimeTokenRepository>('OneTimeTokenRepository');
/** SMTP_URL or the outbox, with work left to finish after the answer. */
export const ONBOARDING_MAILER = token<OnboardingMailer>('OnboardingMailer');
/** Per e-mail and per address limits of the public mutations that send e-mail. */
export const ONBOARDING_LIMITS = token<OnboardingLimits>('OnboardingLimits');
