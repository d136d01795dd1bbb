import { Inject, Injectable } from '@nestjs/common';
import type { CallbackAgent, Callbacks } from '@dutyline/application';
import type { AccountRepository } from '@dutyline/domain';
import { type Actor, callerOf } from '../auth/actor';
import { ACCOUNT_REPOSITORY } from '../database/repository.tokens';
import { CALLBACKS } from './callbacks.tokens';

/**
 * The callback agent an actor is: a user (or API key) of the account, with the services they may work
 * (admins and supervisors: all; members: their directory person's, found by the user's e-mail).
 */
@Injectable()
export class CallbackAgents {
  constructor(
    @Inject(CALLBACKS) private readonly callbacks: Callbacks,
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
  ) {}

  async of(actor: Actor): Promise<CallbackAgent> {
    const user = actor.userId === null ? undefined : await this.accounts.user(actor.accountId, actor.userId);
    return this.callbacks.requests.agent(callerOf(actor), {
      agentId: actor.userId ?? actor.apiKeyId ?? 'unknown',
      role: actor.role,
      email: user?.email.value ?? null,
    });
  }
}
