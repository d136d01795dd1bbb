import { hkdfSync } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import {
  type AccountRepository,
  type ApiKeyRepository,
  type Clock,
  EmailAddress,
  type HotlineRepository,
  type Id,
} from '@dutyline/domain';
import { type Actor, userActor } from '../auth/actor';
import { demoApiKey } from '../auth/api-key-secret';
import { ApiKeysService } from '../auth/api-keys.service';
import { PASSWORD_HASHER } from '../auth/auth.tokens';
import type { PasswordHasher } from '../auth/password-hasher';
import type { GatewayConfig } from '../config/gateway-config';
import { ACCOUNT_REPOSITORY, API_KEY_REPOSITORY, HOTLINE_REPOSITORY } from '../database/repository.tokens';
import type { JsonLogger } from '../logging/json-logger';
import { CLOCK, GATEWAY_CONFIG, LOGGER } from '../platform/platform.tokens';
import { DemoSeed, DemoSeedStep } from './demo-seed-step';

export const DEMO_ACCOUNT_ID = 'demo';
export const DEMO_ADMIN_ID = 'demo-admin';
export const DEMO_ADMIN_EMAIL = 'admin@demo.dutyline.example';

/** What a newcomer needs to try the demo, printed at every start. */
export interface DemoFacts {
  /** The demo hotline's E.164 number, once a seed step created a hotline. */
  readonly hotline: string | null;
  /** Null when the demo key was revoked. */
  readonly apiKey: string | null;
  readonly admin: { readonly email: string; readonly password: string };
}

/**
 * The embedded default's demo account. On a database without it: creates the account, an admin
 * user and an admin API key, then runs every `@DemoSeed` step in order. On every start: returns what
 * to print. The key and the password are derived from AUTH_SECRET, so they are stable across
 * restarts and never stored in clear.
 */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @Inject(API_KEY_REPOSITORY) private readonly keys: ApiKeyRepository,
    @Inject(HOTLINE_REPOSITORY) private readonly hotlines: HotlineRepository,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: JsonLogger,
    private readonly apiKeys: ApiKeysService,
  ) {}

  /** Seeds when the demo account is absent, then tells what to print. */
  async run(): Promise<DemoFacts> {
    const admin = userActor(DEMO_ACCOUNT_ID, DEMO_ADMIN_ID, 'admin');
    const password = this.derived('demo-admin-password', 18);
    if (!(await this.accounts.account(DEMO_ACCOUNT_ID))) await this.seed(admin, password);
    return {
      hotline: await this.firstHotlineNumber(DEMO_ACCOUNT_ID),
      apiKey: await this.usableDemoKey(),
      admin: { email: DEMO_ADMIN_EMAIL, password },
    };
  }

  /** The seeding steps found in the application, in order. */
  steps(): DemoSeedStep[] {
    return this.discovery
      .getProviders({ metadataKey: DemoSeed.KEY })
      .filter((wrapper) => wrapper.instance)
      .map((wrapper) => ({
        step: wrapper.instance as DemoSeedStep,
        order: this.discovery.getMetadataByDecorator(DemoSeed, wrapper)?.order ?? 0,
      }))
      .sort((a, b) => a.order - b.order)
      .map((s) => s.step);
  }

  private async seed(admin: Actor, password: string): Promise<void> {
    const now = this.clock.now();
    await this.accounts.createAccount({ id: DEMO_ACCOUNT_ID, name: 'Demo company', createdAt: now });
    await this.accounts.saveUser({
      id: DEMO_ADMIN_ID,
      accountId: DEMO_ACCOUNT_ID,
      email: EmailAddress.parse(DEMO_ADMIN_EMAIL),
      name: 'Demo admin',
      role: 'admin',
      passwordHash: await this.hasher.hash(password),
      createdAt: now,
    });
    await this.apiKeys.create(
      admin,
      { name: 'Demo key', role: 'admin' },
      demoApiKey(this.config.authSecret.value, DEMO_ACCOUNT_ID),
    );
    const steps = this.steps();
    for (const step of steps) await step.seed({ accountId: DEMO_ACCOUNT_ID, admin });
    this.logger.entry('info', 'demo account seeded', {
      accountId: DEMO_ACCOUNT_ID,
      steps: steps.map((s) => s.constructor.name),
    });
  }

  private async usableDemoKey(): Promise<string | null> {
    const issued = demoApiKey(this.config.authSecret.value, DEMO_ACCOUNT_ID);
    const stored = await this.keys.apiKeyByPrefix(issued.prefix);
    return stored && stored.hash === issued.hash && stored.revokedAt === null ? issued.key : null;
  }

  private async firstHotlineNumber(accountId: Id): Promise<string | null> {
    const page = await this.hotlines.list(accountId, { first: 1 });
    return page.items[0]?.number.e164 ?? null;
  }

  private derived(purpose: string, length: number): string {
    return Buffer.from(hkdfSync('sha256', this.config.authSecret.value, 'dutyline', purpose, 32))
      .toString('base64url')
      .slice(0, length);
  }
}

/** The lines `npm start` prints for a newcomer. */
export function demoLines(facts: DemoFacts): string[] {
  return [
    ...(facts.hotline ? [`Demo hotline: ${facts.hotline}`] : []),
    ...(facts.apiKey ? [`Demo API key: ${facts.apiKey}`] : []),
    `Demo admin: ${facts.admin.email} / ${facts.admin.password}`,
  ];
}
